import { BankOutlined, SaveOutlined } from '@ant-design/icons';
import type { BankAccount, EnterpriseView } from '@ftai/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { applyFieldErrors } from '../../lib/field-errors';

/**
 * The enterprise's bank account for payments (收款账户, PUT /api/v1/enterprises/me/bank-account):
 * the account name is the enterprise's own, the bank and the number. A payment waits for it: the
 * card says so while none is on record.
 */
export function BankAccountCard({ enterprise }: { enterprise: EnterpriseView }) {
  const { t } = useTranslation('portal');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<BankAccount>();
  useEffect(() => {
    form.setFieldsValue(enterprise.bankAccount ?? { accountName: enterprise.name, bankName: '', accountNo: '' });
  }, [enterprise, form]);
  const save = useMutation({
    mutationFn: (v: BankAccount) => api.put<EnterpriseView>('/api/v1/enterprises/me/bank-account', v),
    onSuccess: (e) => {
      queryClient.setQueryData(['portal', 'enterprise'], e);
      message.success(t('bank.saved'));
    },
    onError: (e) => applyFieldErrors(form, e),
  });
  return (
    <Card
      title={
        <h2 style={{ fontSize: 'inherit', fontWeight: 'inherit', margin: 0 }}>
          <BankOutlined /> {t('bank.title')}
        </h2>
      }
      style={{ maxWidth: 880, margin: '16px auto 0' }}
      data-testid="bank-account"
    >
      {enterprise.bankAccount === null && (
        <Alert type="warning" showIcon title={t('bank.missing')} style={{ marginBottom: 16 }} data-testid="bank-account-missing" />
      )}
      <Form<BankAccount> form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item
          name="accountName"
          label={t('bank.accountName')}
          extra={t('bank.accountNameHelp')}
          rules={[{ required: true, whitespace: true, message: t('bank.accountNameRequired') }]}
        >
          <Input maxLength={200} autoComplete="organization" />
        </Form.Item>
        <Form.Item
          name="bankName"
          label={t('bank.bankName')}
          rules={[{ required: true, whitespace: true, message: t('bank.bankNameRequired') }]}
        >
          <Input maxLength={200} placeholder={t('bank.bankNamePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="accountNo"
          label={t('bank.accountNo')}
          rules={[
            { required: true, message: t('bank.accountNoRequired') },
            { pattern: /^[\d\s-]{8,40}$/, message: t('bank.accountNoFormat') },
          ]}
        >
          <Input maxLength={40} inputMode="numeric" autoComplete="off" />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save.isPending}>
          {t('bank.save')}
        </Button>
      </Form>
    </Card>
  );
}
