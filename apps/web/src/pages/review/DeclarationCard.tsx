import { SafetyCertificateOutlined, StopOutlined } from '@ant-design/icons';
import type { Assignment, DeclarationOutcome } from '@ftai/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, type FieldIssue } from '../../api/client';
import { applyFieldErrors } from '../../lib/field-errors';

/**
 * The conflict-of-interest declaration (利益冲突声明), made before the reviewer reads or scores
 * anything: confirm the statement, or declare a conflict with a note — which withdraws the
 * assignment and records the tie, so the reviewer is never assigned to that enterprise again.
 */
export function DeclarationCard({ assignment }: { assignment: Assignment }) {
  const { t } = useTranslation('review');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [agreed, setAgreed] = useState(false);
  const [conflictOpen, setConflictOpen] = useState(false);
  const [form] = Form.useForm<{ note?: string }>();
  const [rest, setRest] = useState<FieldIssue[]>([]);

  const declare = useMutation({
    mutationFn: (body: { noConflict: boolean; note?: string }) =>
      api.post<DeclarationOutcome>(`/api/v1/assignments/${encodeURIComponent(assignment.id)}/declaration`, body),
    onSuccess: async (r) => {
      await queryClient.invalidateQueries({ queryKey: ['reviews'] });
      if (r.isWithdrawn) {
        setConflictOpen(false);
        message.success(t('declare.withdrawn'));
        navigate('/review');
      } else message.success(t('declare.done'));
    },
    onError: (e) => setRest(applyFieldErrors(form, e)),
  });

  const e = assignment.application;
  return (
    <Card
      title={
        <span>
          <SafetyCertificateOutlined /> {t('declare.title')}
        </span>
      }
      style={{ maxWidth: 860 }}
      data-testid="declaration-card"
    >
      <Typography.Paragraph>{t('declare.before')}</Typography.Paragraph>
      <div style={{ background: '#fafafa', border: '1px solid #f0f0f0', borderRadius: 6, padding: '12px 16px', marginBottom: 16 }}>
        <Typography.Paragraph strong style={{ marginBottom: 8 }}>
          {t('declare.statementTitle')}
        </Typography.Paragraph>
        <Typography.Paragraph style={{ marginBottom: 8 }} data-testid="declaration-statement">
          {t('declare.statement', { enterprise: e.enterpriseName, code: e.creditCode, call: e.callTitle })}
        </Typography.Paragraph>
        <ol style={{ margin: 0, paddingInlineStart: 20 }}>
          {(['ties1', 'ties2', 'ties3', 'ties4'] as const).map((k) => (
            <li key={k}>{t(`declare.${k}`)}</li>
          ))}
        </ol>
        <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>{t('declare.promise')}</Typography.Paragraph>
      </div>
      {declare.isError && !conflictOpen && (
        <Alert type="error" showIcon title={t('declare.failed')} description={declare.error.message} style={{ marginBottom: 16 }} />
      )}
      <Checkbox checked={agreed} onChange={(ev) => setAgreed(ev.target.checked)} data-testid="declaration-agree">
        {t('declare.agree')}
      </Checkbox>
      <Space wrap style={{ display: 'flex', marginTop: 16 }}>
        <Button
          type="primary"
          icon={<SafetyCertificateOutlined />}
          disabled={!agreed}
          loading={declare.isPending && declare.variables?.noConflict === true}
          onClick={() => declare.mutate({ noConflict: true })}
        >
          {t('declare.confirm')}
        </Button>
        <Button danger icon={<StopOutlined />} onClick={() => setConflictOpen(true)}>
          {t('declare.conflict')}
        </Button>
      </Space>
      <Modal
        open={conflictOpen}
        title={t('declare.conflictTitle')}
        okText={t('declare.conflictOk')}
        okButtonProps={{ danger: true, loading: declare.isPending }}
        cancelText={t('cancel', { ns: 'common' })}
        onCancel={() => setConflictOpen(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Alert type="warning" showIcon title={t('declare.conflictWarning')} style={{ marginBottom: 16 }} />
        {rest.length > 0 && <Alert type="error" showIcon title={rest.map((i) => i.message).join(';')} style={{ marginBottom: 16 }} />}
        {declare.isError && rest.length === 0 && conflictOpen && (
          <Alert type="error" showIcon title={declare.error.message} style={{ marginBottom: 16 }} />
        )}
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => declare.mutate({ noConflict: false, ...(v.note?.trim() && { note: v.note.trim() }) })}
        >
          <Form.Item
            name="note"
            label={t('declare.note')}
            extra={t('declare.noteHelp')}
            rules={[{ max: 500, message: t('declare.noteMax') }]}
          >
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
