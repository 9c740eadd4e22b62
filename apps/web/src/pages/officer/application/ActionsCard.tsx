import type { ApplicationStatus, ApplicationView } from '@ftai/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Flex, Form, Input, List, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, newIdempotencyKey } from '../../../api/client';
import { formatTime } from '../../../lib/format';
import { beijingDate, nextDay } from '../lib/beijing-date';
import { MOVE_CONTROLS, moveButtons } from '../lib/officer-moves';
import { useNoticeOf, useObjections } from '../officer-api';
import { errorMessage, formProblem } from '../parts';

type Dialog = { readonly note: ApplicationStatus; readonly danger: boolean } | 'finalize' | 'pay' | null;

/**
 * What the officer may do with the application now, from the server's allowed moves: the plain
 * moves (formal check, expert review, return, reject), approval (the form below), publication
 * (per call, on the notices page), finalisation after the objection window, and payment.
 */
export function ActionsCard({ application, onApprove }: { application: ApplicationView; onApprove: () => void }) {
  const { t } = useTranslation('officer');
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<Dialog>(null);
  const moves = application.allowedMoves;
  const { required, completed } = application.reviews;
  const reviewsMissing = completed < required;
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['officer'] });

  const move = useMutation({
    mutationFn: (body: { to: ApplicationStatus; note?: string }) => api.post(`/api/v1/applications/${application.id}/transitions`, body),
    onSuccess: async (_r, body) => {
      message.success(t('actions.moved', { status: t(`status.${body.to}`, { ns: 'common' }) }));
      await refresh();
    },
    onError: (e) => message.error(errorMessage(e)),
  });

  const confirmed = (to: ApplicationStatus) => (
    <Button
      key={to}
      type="primary"
      block
      loading={move.isPending && move.variables?.to === to}
      onClick={() =>
        modal.confirm({
          title: t(`actions.${to}.confirm`),
          content: t(`actions.${to}.help`),
          okText: t('confirm', { ns: 'common' }),
          cancelText: t('cancel', { ns: 'common' }),
          onOk: () => move.mutateAsync({ to }),
        })
      }
      data-testid={`move-${to}`}
    >
      {t(`actions.${to}.button`)}
    </Button>
  );

  // One button per move the server allows, as officer-moves.ts says the page makes it.
  const buttons = moveButtons(moves).map(({ to, control }) => {
    if (control === 'confirm') return confirmed(to);
    const open =
      control === 'approve'
        ? onApprove
        : control === 'finalize' || control === 'pay'
          ? () => setDialog(control)
          : () => setDialog({ note: to, danger: control === 'reject' });
    // Approval waits for the reviews the call requires (the server refuses it with FTAI_ERR_REVIEWS_MISSING).
    const waiting = control === 'approve' && reviewsMissing;
    const isForward = (control === 'approve' && !waiting) || control === 'finalize' || control === 'pay';
    return (
      <Button
        key={to}
        type={isForward ? 'primary' : 'default'}
        danger={control === 'reject'}
        block
        disabled={waiting}
        onClick={open}
        data-testid={`move-${to}`}
      >
        {t(`actions.${to}.button`)}
      </Button>
    );
  });

  // The notice covers a whole call: the page says where it is published.
  const notice = moves.find((to) => MOVE_CONTROLS[to] === 'notice');

  return (
    <Card title={t('actions.title')} size="small">
      <Space orientation="vertical" style={{ width: '100%' }} size={8}>
        {buttons.length > 0 ? (
          buttons
        ) : (
          <Typography.Text type="secondary">
            {t(`actions.none.${application.status}`, { defaultValue: t('actions.none.other') })}
          </Typography.Text>
        )}
        {moves.includes('approved') && required > 0 && (
          <Alert
            type={reviewsMissing ? 'warning' : 'success'}
            showIcon
            title={t(reviewsMissing ? 'actions.reviews.missing' : 'actions.reviews.done', { required, completed })}
            data-testid="reviews-progress"
          />
        )}
        {notice && (
          <Alert
            type="info"
            showIcon
            title={t(`actions.${notice}.help`)}
            action={
              <Link to={`/officer/${application.allocatedTotal === null ? 'allocation' : 'notices'}?call=${application.callId}`}>
                {application.allocatedTotal === null ? t('nav.allocation') : t('nav.notices')}
              </Link>
            }
          />
        )}
      </Space>
      {typeof dialog === 'object' && dialog !== null && (
        <NoteDialog
          to={dialog.note}
          danger={dialog.danger}
          onClose={() => setDialog(null)}
          onSubmit={(note) => move.mutateAsync({ to: dialog.note, note })}
        />
      )}
      {dialog === 'finalize' && <FinaliseDialog application={application} onClose={() => setDialog(null)} onDone={refresh} />}
      {dialog === 'pay' && <PayDialog application={application} onClose={() => setDialog(null)} onDone={refresh} />}
    </Card>
  );
}

/** A move with a note: return for changes (the note tells the applicant what to change) or rejection (the note says why). */
function NoteDialog({
  to: kind,
  danger,
  onClose,
  onSubmit,
}: {
  to: ApplicationStatus;
  danger: boolean;
  onClose: () => void;
  onSubmit: (note: string) => Promise<unknown>;
}) {
  const { t } = useTranslation('officer');
  const [form] = Form.useForm<{ note: string }>();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open
      title={t(`actions.${kind}.title`)}
      okText={t(`actions.${kind}.button`)}
      okButtonProps={{ danger, loading: busy, 'data-testid': 'note-ok' }}
      cancelText={t('cancel', { ns: 'common' })}
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={async ({ note }) => {
          setBusy(true);
          try {
            await onSubmit(note.trim());
            setProblem(null);
            onClose();
          } catch (e) {
            setProblem(formProblem(form, e));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Typography.Paragraph type="secondary">{t(`actions.${kind}.help`)}</Typography.Paragraph>
        <Form.Item
          name="note"
          label={t('actions.note')}
          rules={[
            { required: true, whitespace: true, message: t('actions.rule.note') },
            { max: 2000, message: t('rule.max2000') },
          ]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount placeholder={t(`actions.${kind}.placeholder`)} />
        </Form.Item>
        {problem && <Alert type="error" showIcon title={problem} />}
      </Form>
    </Modal>
  );
}

/** Final (确定) once the notice's objection window has passed; objections against it must be looked into first. */
function FinaliseDialog({
  application,
  onClose,
  onDone,
}: {
  application: ApplicationView;
  onClose: () => void;
  onDone: () => Promise<unknown>;
}) {
  const { t } = useTranslation('officer');
  const { message } = App.useApp();
  const notice = useNoticeOf(application);
  const objections = useObjections(notice.data?.id);
  const mine = (objections.data ?? []).filter((o) => o.applicationId === application.id);
  const [form] = Form.useForm<{ note?: string; objectionsReviewed?: boolean }>();
  const [problem, setProblem] = useState<string | null>(null);
  const [key] = useState(newIdempotencyKey);
  const until = notice.data?.objectionsUntil;
  const today = beijingDate();
  const isOpen = until !== undefined && today <= until;

  const finalize = useMutation({
    mutationFn: (v: { note?: string; objectionsReviewed?: boolean }) =>
      api.post(
        `/api/v1/applications/${application.id}/finalize`,
        {
          ...(v.note?.trim() ? { note: v.note.trim() } : {}),
          ...(mine.length > 0 ? { objectionsReviewed: v.objectionsReviewed === true } : {}),
        },
        { idempotencyKey: key },
      ),
    onSuccess: async () => {
      message.success(t('actions.final.done'));
      await onDone();
      onClose();
    },
    onError: (e) => setProblem(formProblem(form, e)),
  });

  return (
    <Modal
      open
      title={t('actions.final.title')}
      okText={t('actions.final.button')}
      cancelText={t('cancel', { ns: 'common' })}
      okButtonProps={{ loading: finalize.isPending, disabled: isOpen, 'data-testid': 'final-ok' }}
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      <Form form={form} layout="vertical" onFinish={(v) => finalize.mutate(v)}>
        {until && (
          <Alert
            type={isOpen ? 'warning' : 'success'}
            showIcon
            style={{ marginBottom: 12 }}
            title={isOpen ? t('actions.final.windowOpen', { until, from: nextDay(until) }) : t('actions.final.windowClosed', { until })}
          />
        )}
        <Typography.Title level={5}>{t('actions.final.objections', { count: mine.length })}</Typography.Title>
        {mine.length > 0 ? (
          <List
            size="small"
            bordered
            dataSource={mine}
            style={{ marginBottom: 12 }}
            renderItem={(o) => (
              <List.Item>
                <div>
                  <Typography.Text strong>{o.name}</Typography.Text>{' '}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {o.contact} · {formatTime(o.at)}
                  </Typography.Text>
                  <div>{o.text}</div>
                </div>
              </List.Item>
            )}
          />
        ) : (
          <Typography.Paragraph type="secondary">{t('actions.final.noObjections')}</Typography.Paragraph>
        )}
        {mine.length > 0 && (
          <Form.Item
            name="objectionsReviewed"
            valuePropName="checked"
            rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error(t('actions.final.rule.reviewed')))) }]}
          >
            <Checkbox>{t('actions.final.reviewed')}</Checkbox>
          </Form.Item>
        )}
        <Form.Item name="note" label={t('actions.noteOptional')} rules={[{ max: 2000, message: t('rule.max2000') }]}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        {problem && <Alert type="error" showIcon title={problem} />}
      </Form>
    </Modal>
  );
}

/** Payment (拨付) of a final application: the date the money left (not after today) and the voucher reference. */
function PayDialog({
  application,
  onClose,
  onDone,
}: {
  application: ApplicationView;
  onClose: () => void;
  onDone: () => Promise<unknown>;
}) {
  const { t } = useTranslation('officer');
  const { message } = App.useApp();
  const [form] = Form.useForm<{ paidOn: string; reference?: string }>();
  const [problem, setProblem] = useState<string | null>(null);
  const [key] = useState(newIdempotencyKey);
  const today = beijingDate();
  const pay = useMutation({
    mutationFn: (v: { paidOn: string; reference?: string }) =>
      api.post(
        `/api/v1/applications/${application.id}/pay`,
        { paidOn: v.paidOn, ...(v.reference?.trim() ? { reference: v.reference.trim() } : {}) },
        { idempotencyKey: key },
      ),
    onSuccess: async () => {
      message.success(t('actions.paid.done'));
      await onDone();
      onClose();
    },
    onError: (e) => setProblem(formProblem(form, e)),
  });
  return (
    <Modal
      open
      title={t('actions.paid.title')}
      okText={t('actions.paid.button')}
      cancelText={t('cancel', { ns: 'common' })}
      okButtonProps={{ loading: pay.isPending, disabled: application.bankAccount === null, 'data-testid': 'paid-ok' }}
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      <Form form={form} layout="vertical" initialValues={{ paidOn: today }} onFinish={(v) => pay.mutate(v)}>
        {application.bankAccount ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="pay-account"
            title={t('actions.paid.account', {
              name: application.bankAccount.accountName,
              bank: application.bankAccount.bankName,
              no: application.bankAccount.accountNo,
            })}
          />
        ) : (
          <Alert type="warning" showIcon style={{ marginBottom: 12 }} data-testid="pay-no-account" title={t('actions.paid.noAccount')} />
        )}
        <Typography.Paragraph type="secondary">
          {t('actions.paid.help', {
            amount: application.allocatedTotal === null ? '—' : application.allocatedTotal.toLocaleString('en-US'),
          })}
        </Typography.Paragraph>
        <Flex gap={12} wrap>
          <Form.Item
            name="paidOn"
            label={t('actions.paid.date')}
            style={{ flex: '1 1 160px' }}
            rules={[
              { required: true, message: t('actions.paid.rule.date') },
              {
                validator: (_, v: string) =>
                  !v || v <= today ? Promise.resolve() : Promise.reject(new Error(t('actions.paid.rule.future', { today }))),
              },
            ]}
          >
            <Input type="date" max={today} />
          </Form.Item>
          <Form.Item
            name="reference"
            label={t('actions.paid.reference')}
            style={{ flex: '2 1 200px' }}
            rules={[{ max: 200, message: t('rule.max200') }]}
          >
            <Input maxLength={200} placeholder={t('actions.paid.referencePlaceholder')} />
          </Form.Item>
        </Flex>
        {problem && <Alert type="error" showIcon title={problem} />}
      </Form>
    </Modal>
  );
}
