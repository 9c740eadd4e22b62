import type { InvitationSignUpBody } from '@ftai/api';
import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError, type FieldIssue } from '../api/client';
import { useAuth } from '../auth/auth-context';
import { PlainHeading } from '../components/PlainHeading';
import { applyFieldErrors } from '../lib/field-errors';
import { usePageTitle } from '../lib/use-page-title';

interface Values extends InvitationSignUpBody {
  readonly passwordAgain: string;
}

/** A unified social credit code as the register writes it: 18 digits and capital letters (no I, O, S, V, Z). */
const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;
const USERNAME = /^[\w.@-]{3,64}$/;
const MIN_PASSWORD = 12;

/**
 * 凭邀请码注册 (/invitation): an enterprise without an account, told of an offer with an invitation
 * code, creates its account (credit code, code, user name, name shown, password), is signed in and
 * lands on its offer. `?code=` and `?creditCode=` fill the form from a link. The API's field
 * errors show on their fields.
 */
export function InvitationPage() {
  const { t, i18n } = useTranslation('portal');
  usePageTitle('invitation.title', 'portal');
  const { signUpWithInvitation } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  /** Each field's own rule, for an issue the API words in English only. */
  const fallback = (issue: FieldIssue, name: (string | number)[]) => {
    if (issue.code === 'FTAI_ERR_WEAK_PASSWORD') return t('invitation.passwordWeak');
    const field = String(name[0]);
    const texts: Record<string, string> = {
      code: issue.code === 'FTAI_ERR_INVALID_FIELD' ? t('invitation.codeInvalid') : t('invitation.codeRule'),
      creditCode: t('invitation.creditCodeRule'),
      username: t('invitation.usernameRule'),
      displayName: t('invitation.displayNameRule'),
      password: t('invitation.passwordRule'),
    };
    return texts[field];
  };

  const onFinish = async ({ passwordAgain: _, ...v }: Values) => {
    setBusy(true);
    setProblem(null);
    try {
      const body: InvitationSignUpBody = {
        code: v.code.trim(),
        creditCode: v.creditCode.trim().toUpperCase(),
        username: v.username.trim(),
        displayName: v.displayName.trim(),
        password: v.password,
      };
      const { offerId } = await signUpWithInvitation(body);
      message.success(t('invitation.done'));
      navigate(`/portal/offers/${encodeURIComponent(offerId)}`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409 && e.issues.length === 0) {
        // The user name is taken (the one conflict a sign-up meets).
        form.setFields([{ name: 'username', errors: [t('invitation.usernameTaken')] }]);
      } else {
        const rest = applyFieldErrors(form, e, '', fallback);
        const inPlace = e instanceof ApiError && e.issues.length > 0 && rest.length === 0;
        if (!inPlace) setProblem(e instanceof Error ? e.message : String(e));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={<PlainHeading>{t('invitation.title')}</PlainHeading>} style={{ maxWidth: 520, margin: '32px auto' }}>
      <Typography.Paragraph type="secondary">{t('invitation.intro')}</Typography.Paragraph>
      {problem && <Alert type="error" showIcon title={t('invitation.failed')} description={problem} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(v) => void onFinish(v)}
        initialValues={{ code: params.get('code') ?? '', creditCode: params.get('creditCode') ?? '' }}
      >
        <Form.Item
          name="creditCode"
          label={t('invitation.creditCode')}
          normalize={(v: string) => v.toUpperCase()}
          rules={[{ required: true, whitespace: true, pattern: CREDIT_CODE, message: t('invitation.creditCodeRule') }]}
        >
          <Input maxLength={18} autoComplete="off" spellCheck={false} data-testid="invitation-credit-code" />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('invitation.code')}
          rules={[{ required: true, whitespace: true, min: 6, max: 32, message: t('invitation.codeRule') }]}
        >
          <Input maxLength={32} autoComplete="one-time-code" spellCheck={false} data-testid="invitation-code" />
        </Form.Item>
        <Form.Item
          name="username"
          label={t('invitation.username')}
          extra={t('invitation.usernameHelp')}
          rules={[{ required: true, pattern: USERNAME, message: t('invitation.usernameRule') }]}
        >
          <Input maxLength={64} autoComplete="username" spellCheck={false} data-testid="invitation-username" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('invitation.displayName')}
          extra={t('invitation.displayNameHelp')}
          rules={[{ required: true, whitespace: true, max: 100, message: t('invitation.displayNameRule') }]}
        >
          <Input maxLength={100} autoComplete="name" data-testid="invitation-display-name" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('invitation.password')}
          extra={t('invitation.passwordHelp')}
          rules={[
            { required: true, min: MIN_PASSWORD, message: t('invitation.passwordRule') },
            ({ getFieldValue }) => ({
              validator: (_, v: string | undefined) =>
                v && getFieldValue('username') && v.toLowerCase().includes(String(getFieldValue('username')).toLowerCase())
                  ? Promise.reject(new Error(t('invitation.passwordWeak')))
                  : Promise.resolve(),
            }),
          ]}
        >
          <Input.Password maxLength={200} autoComplete="new-password" data-testid="invitation-password" />
        </Form.Item>
        <Form.Item
          name="passwordAgain"
          label={t('invitation.passwordAgain')}
          dependencies={['password']}
          rules={[
            { required: true, message: t('invitation.passwordMismatch') },
            ({ getFieldValue }) => ({
              validator: (_, v: string | undefined) =>
                !v || v === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error(t('invitation.passwordMismatch'))),
            }),
          ]}
        >
          <Input.Password maxLength={200} autoComplete="new-password" data-testid="invitation-password-again" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} block size="large" data-testid="invitation-submit">
          {t('invitation.submit')}
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
        {t('invitation.haveAccount')}
        {i18n.language === 'en' ? ' ' : ''}
        <Link to="/login" style={{ textDecoration: 'underline' }}>
          {t('invitation.login')}
        </Link>
      </Typography.Paragraph>
    </Card>
  );
}
