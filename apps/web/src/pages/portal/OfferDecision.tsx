import { CheckCircleOutlined, CloseCircleOutlined, FileSearchOutlined } from '@ant-design/icons';
import type { BankAccount, Offer } from '@ftai/api';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Form, Input, Modal, Result, Statistic, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/client';
import { OFFER_COMMITMENT, OFFER_COMMITMENT_EN, type OfferStatus } from '../../api/offer-words';
import { applyFieldErrors } from '../../lib/field-errors';
import { formatDate, formatDateTime } from '../../lib/format';
import { offerKeys, useConfirmOffer, useDeclineOffer } from './offer-queries';
import { useEnterprise } from './portal-queries';

interface ConfirmValues {
  readonly bankAccount?: BankAccount;
  readonly commitment: boolean;
}

/** The bank account's fields as the API may name them (accountName, as the profile's own form): under bankAccount here. */
const BANK_FIELDS = new Set(['accountName', 'bankName', 'accountNo']);
function withBankPaths(e: unknown): unknown {
  if (!(e instanceof ApiError)) return e;
  const issues = e.issues.map((i) => (BANK_FIELDS.has(i.path) ? { ...i, path: `bankAccount.${i.path}` } : i));
  return new ApiError(e.status, e.code, e.message, issues);
}

const cardTitle = (text: string) => <h2 style={{ fontSize: 'inherit', fontWeight: 'inherit', margin: 0 }}>{text}</h2>;

/** The offer's one step: confirm or decline while pending; what was decided (and where it led) after. */
export function OfferDecision({ offer, standing }: { offer: Offer; standing: OfferStatus }) {
  const { t, i18n } = useTranslation('portal');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  if (standing === 'pending') return <ConfirmCard offer={offer} />;
  if (standing === 'confirmed') {
    return (
      <Card data-testid="offer-confirmed">
        <Result
          status="success"
          style={{ padding: '16px 0' }}
          title={t('offer.confirmed')}
          subTitle={t('offer.confirmedBody', { time: formatDateTime(offer.decidedAt, lang) })}
          extra={
            offer.applicationId && (
              <Link to={`/portal/applications/${offer.applicationId}`} data-testid="offer-application" style={{ fontWeight: 600 }}>
                <FileSearchOutlined /> {t('offer.openApplication')}
              </Link>
            )
          }
        />
      </Card>
    );
  }
  if (standing === 'declined') {
    return (
      <Card data-testid="offer-declined">
        <Result
          status="info"
          icon={<CloseCircleOutlined style={{ color: '#595959' }} />}
          style={{ padding: '16px 0' }}
          title={t('offer.declined')}
          subTitle={
            <>
              <div>{t('offer.declinedBody', { time: formatDateTime(offer.decidedAt, lang) })}</div>
              {offer.declineReason && (
                <div style={{ whiteSpace: 'pre-wrap' }}>{t('offer.declinedReason', { reason: offer.declineReason })}</div>
              )}
            </>
          }
        />
      </Card>
    );
  }
  return (
    <Card data-testid="offer-expired">
      <Result
        status="warning"
        style={{ padding: '16px 0' }}
        title={t('offer.expired')}
        subTitle={t('offer.expiredBody', { date: formatDate(offer.deadline, lang) })}
      />
    </Card>
  );
}

/** 确认申领: the total, the bank account when none is on record, the commitment, and 放弃 beside. */
function ConfirmCard({ offer }: { offer: Offer }) {
  const { t, i18n } = useTranslation('portal');
  const { t: tc } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ConfirmValues>();
  const [problem, setProblem] = useState<string | null>(null);
  const [declining, setDeclining] = useState(false);
  const confirm = useConfirmOffer(offer.id);
  const needsAccount = !offer.hasBankAccount;
  const hasReview = offer.items.some((i) => i.review);
  // The account name must be the enterprise's name on record: filled in from it.
  const enterprise = useEnterprise(needsAccount);
  const recordName = enterprise.data?.name;
  useEffect(() => {
    if (recordName && !form.isFieldTouched(['bankAccount', 'accountName'])) form.setFieldValue(['bankAccount', 'accountName'], recordName);
  }, [recordName, form]);

  /** The bank fields' own rules, for an issue the API words in English only. */
  const fallback = (issue: { message: string }, name: (string | number)[]) => {
    if (name[0] === 'commitment') return t('offer.commitmentRequired');
    if (name[0] !== 'bankAccount') return undefined;
    if (name[1] === 'accountNo') return t('bank.accountNoFormat');
    if (name[1] === 'bankName') return t('bank.bankNameRequired');
    if (name[1] === 'accountName') {
      const onRecord = /name on record, (.+?): payments/.exec(issue.message)?.[1];
      return onRecord ? t('offer.accountNameMismatch', { name: onRecord }) : t('bank.accountNameHelp');
    }
    return undefined;
  };

  const onFinish = (v: ConfirmValues) => {
    setProblem(null);
    confirm.mutate(
      { commitment: true, ...(needsAccount && v.bankAccount && { bankAccount: v.bankAccount }) },
      {
        onSuccess: () => {
          message.success(t('offer.done'));
          window.scrollTo({ top: 0 });
        },
        onError: async (e) => {
          const rest = applyFieldErrors(form, withBankPaths(e), '', fallback);
          const inPlace = e instanceof ApiError && e.issues.length > 0 && rest.length === 0;
          if (!inPlace) setProblem(`${t('offer.failed')}${e.message}`);
          // Decided meanwhile (another colleague), or past its deadline: the page shows where it stands now.
          if (e instanceof ApiError && e.status === 409) await queryClient.invalidateQueries({ queryKey: offerKeys.offer(offer.id) });
        },
      },
    );
  };

  return (
    <Card title={cardTitle(t('offer.decide'))} data-testid="offer-decision">
      <Statistic
        title={t('offer.totalTitle')}
        value={offer.total}
        prefix={hasReview ? tc('result.upTo') : undefined}
        suffix={tc('yuan')}
        styles={{ content: { color: '#cf1322', fontVariantNumeric: 'tabular-nums' } }}
      />
      <Typography.Paragraph style={{ margin: '4px 0 16px' }}>
        {t('offer.deadline')}
        {lang === 'en' ? ': ' : '：'}
        <Typography.Text strong>{formatDate(offer.deadline, lang)}</Typography.Text>
      </Typography.Paragraph>
      <Form<ConfirmValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={onFinish}
        initialValues={{ commitment: false, bankAccount: { accountName: offer.enterpriseName ?? '', bankName: '', accountNo: '' } }}
      >
        {needsAccount && (
          <fieldset style={{ border: 'none', margin: 0, padding: 0 }} data-testid="offer-bank-account">
            <legend style={{ fontSize: 15, fontWeight: 600, marginBottom: 8 }}>{t('offer.bankTitle')}</legend>
            <Alert type="warning" showIcon title={t('offer.bankMissing')} style={{ marginBottom: 12 }} />
            <Form.Item
              name={['bankAccount', 'accountName']}
              label={t('bank.accountName')}
              extra={t('bank.accountNameHelp')}
              rules={[{ required: true, whitespace: true, message: t('bank.accountNameRequired') }]}
            >
              <Input maxLength={200} autoComplete="organization" />
            </Form.Item>
            <Form.Item
              name={['bankAccount', 'bankName']}
              label={t('bank.bankName')}
              rules={[{ required: true, whitespace: true, message: t('bank.bankNameRequired') }]}
            >
              <Input maxLength={200} placeholder={t('bank.bankNamePlaceholder')} />
            </Form.Item>
            <Form.Item
              name={['bankAccount', 'accountNo']}
              label={t('bank.accountNo')}
              rules={[
                { required: true, message: t('bank.accountNoRequired') },
                { pattern: /^[\d\s-]{8,40}$/, message: t('bank.accountNoFormat') },
              ]}
            >
              <Input maxLength={40} inputMode="numeric" autoComplete="off" />
            </Form.Item>
          </fieldset>
        )}
        <fieldset style={{ border: 'none', margin: 0, padding: 0 }}>
          <legend style={{ fontSize: 15, fontWeight: 600, marginBottom: 8 }}>{t('offer.commitmentTitle')}</legend>
          <div
            style={{ background: '#fafafa', border: '1px solid #f0f0f0', borderRadius: 6, padding: '8px 12px', marginBottom: 8 }}
            data-testid="offer-commitment-text"
          >
            {lang === 'en' ? (
              <>
                <Typography.Paragraph style={{ marginBottom: 4 }}>{OFFER_COMMITMENT_EN}</Typography.Paragraph>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('offer.commitmentOriginal')}: <span lang="zh-CN">{OFFER_COMMITMENT}</span>
                </Typography.Text>
              </>
            ) : (
              <Typography.Paragraph style={{ marginBottom: 0 }}>{OFFER_COMMITMENT}</Typography.Paragraph>
            )}
          </div>
          <Form.Item
            name="commitment"
            valuePropName="checked"
            rules={[{ validator: (_, v) => (v === true ? Promise.resolve() : Promise.reject(new Error(t('offer.commitmentRequired')))) }]}
          >
            <Checkbox data-testid="offer-commitment">{t('offer.commitmentCheck')}</Checkbox>
          </Form.Item>
        </fieldset>
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
          {t('offer.confirmHint')}
        </Typography.Paragraph>
        {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} data-testid="offer-error" />}
        <Button
          type="primary"
          size="large"
          block
          htmlType="submit"
          icon={<CheckCircleOutlined />}
          loading={confirm.isPending}
          data-testid="offer-confirm"
        >
          {t('offer.confirm')}
        </Button>
        <Button block style={{ marginTop: 8 }} onClick={() => setDeclining(true)} disabled={confirm.isPending} data-testid="offer-decline">
          {t('offer.decline')}
        </Button>
      </Form>
      <DeclineModal offer={offer} open={declining} onClose={() => setDeclining(false)} />
    </Card>
  );
}

/** 放弃, with the reason (required: the officer reads it). */
function DeclineModal({ offer, open, onClose }: { offer: Offer; open: boolean; onClose: () => void }) {
  const { t } = useTranslation('portal');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [problem, setProblem] = useState<string | null>(null);
  const decline = useDeclineOffer(offer.id);
  const onFinish = (v: { reason: string }) => {
    setProblem(null);
    decline.mutate(v.reason.trim(), {
      onSuccess: () => {
        onClose();
        message.success(t('offer.declineDone'));
        window.scrollTo({ top: 0 });
      },
      onError: (e) => {
        const rest = applyFieldErrors(form, e, '', () => t('offer.declineReasonRequired'));
        if (!(e instanceof ApiError && e.issues.length > 0 && rest.length === 0)) setProblem(`${t('offer.declineFailed')}${e.message}`);
      },
    });
  };
  return (
    <Modal
      open={open}
      title={t('offer.declineTitle')}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          {tc('cancel')}
        </Button>,
        <Button key="ok" danger type="primary" loading={decline.isPending} onClick={() => form.submit()} data-testid="offer-decline-ok">
          {t('offer.declineOk')}
        </Button>,
      ]}
    >
      <Typography.Paragraph>{t('offer.declineBody')}</Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark={false} onFinish={onFinish}>
        <Form.Item
          name="reason"
          label={t('offer.declineReason')}
          rules={[{ required: true, whitespace: true, message: t('offer.declineReasonRequired') }]}
        >
          <Input.TextArea
            maxLength={500}
            showCount
            autoSize={{ minRows: 3, maxRows: 6 }}
            placeholder={t('offer.declineReasonPlaceholder')}
            data-testid="offer-decline-reason"
          />
        </Form.Item>
      </Form>
      {problem && <Alert type="error" showIcon title={problem} />}
    </Modal>
  );
}
