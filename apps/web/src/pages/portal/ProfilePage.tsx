import { SaveOutlined } from '@ant-design/icons';
import type { EnterpriseProfileBody, EnterpriseView } from '@ftai/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Descriptions, Divider, Form, Input, Row, Skeleton, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type FieldIssue } from '../../api/client';
import { LoadFailed } from '../../components/LoadFailed';
import { PlainHeading } from '../../components/PlainHeading';
import { applyFieldErrors } from '../../lib/field-errors';
import { formatTime } from '../../lib/format';
import { BankAccountCard } from './BankAccountCard';
import { GENERAL_FLAGS, TYPE_FLAGS } from './EnterpriseFlags';
import { useEnterprise } from './portal-queries';

type ProfileForm = Required<EnterpriseProfileBody>;

/**
 * The enterprise profile (企业信息, PUT /api/v1/enterprises/me): the name and the flags of the
 * contract's `enterprise` object. The credit code is the account's and cannot change here.
 */
export function ProfilePage() {
  const { t } = useTranslation('portal');
  const { message } = App.useApp();
  const enterprise = useEnterprise();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ProfileForm>();
  const [rest, setRest] = useState<FieldIssue[]>([]);

  useEffect(() => {
    const e = enterprise.data;
    if (!e) return;
    form.setFieldsValue({
      name: e.profile.name ?? e.name,
      registeredInFengtai: e.profile.registeredInFengtai ?? false,
      taxResidentInFengtai: e.profile.taxResidentInFengtai ?? false,
      seriousDishonesty: e.profile.seriousDishonesty ?? false,
      aiPartnerProgram: e.profile.aiPartnerProgram ?? false,
      industrialAI: e.profile.industrialAI ?? false,
      startup: e.profile.startup ?? false,
    });
  }, [enterprise.data, form]);

  const save = useMutation({
    mutationFn: (v: ProfileForm) => api.put<EnterpriseView>('/api/v1/enterprises/me', { ...v, name: v.name.trim() }),
    onSuccess: (e) => {
      setRest([]);
      queryClient.setQueryData(['portal', 'enterprise'], e);
      message.success(t('profile.saved'));
    },
    onError: (e) => setRest(applyFieldErrors(form, e)),
  });

  if (enterprise.isError) return <LoadFailed error={enterprise.error} onRetry={() => void enterprise.refetch()} />;
  const flag = (name: keyof ProfileForm) => (
    <Form.Item
      key={name}
      name={name}
      label={t(`profile.flags.${name}`)}
      valuePropName="checked"
      extra={t(`profile.help.${name}`)}
      style={{ marginBottom: 12 }}
    >
      <Switch checkedChildren={t('profile.yes')} unCheckedChildren={t('profile.no')} />
    </Form.Item>
  );

  return (
    <>
      <Card
        title={<PlainHeading>{t('profile.title')}</PlainHeading>}
        style={{ maxWidth: 880, margin: '0 auto' }}
        data-testid="profile-page"
      >
        {enterprise.isLoading || !enterprise.data ? (
          <Skeleton active />
        ) : (
          <>
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 2 }}
              items={[
                {
                  key: 'code',
                  label: t('profile.creditCode'),
                  children: <Typography.Text copyable>{enterprise.data.creditCode}</Typography.Text>,
                },
                { key: 'at', label: t('profile.updatedAt'), children: formatTime(enterprise.data.updatedAt) },
              ]}
            />
            <Typography.Paragraph type="secondary">{t('profile.intro')}</Typography.Paragraph>
            {rest.length > 0 && (
              <Alert
                type="error"
                showIcon
                title={t('profile.saveFailed')}
                description={rest.map((i) => `${i.path || '—'}: ${i.message}`).join(';')}
                style={{ marginBottom: 16 }}
              />
            )}
            {save.isError && rest.length === 0 && !form.getFieldsError().some((f) => f.errors.length > 0) && (
              <Alert type="error" showIcon title={t('profile.saveFailed')} description={save.error.message} style={{ marginBottom: 16 }} />
            )}
            <Form<ProfileForm> form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
              <Form.Item
                name="name"
                label={t('profile.name')}
                rules={[
                  { required: true, whitespace: true, message: t('profile.nameRequired') },
                  { max: 200, message: t('profile.nameMax') },
                ]}
              >
                <Input maxLength={200} autoComplete="organization" />
              </Form.Item>
              <Divider titlePlacement="start" plain>
                {t('profile.general')}
              </Divider>
              <Row gutter={24}>
                {GENERAL_FLAGS.map((f) => (
                  <Col xs={24} md={8} key={f}>
                    {flag(f)}
                  </Col>
                ))}
              </Row>
              <Divider titlePlacement="start" plain>
                {t('profile.types')}
              </Divider>
              <Row gutter={24}>
                {TYPE_FLAGS.map((f) => (
                  <Col xs={24} md={8} key={f}>
                    {flag(f)}
                  </Col>
                ))}
              </Row>
              <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save.isPending}>
                {t('profile.save')}
              </Button>
            </Form>
          </>
        )}
      </Card>
      {enterprise.data && <BankAccountCard enterprise={enterprise.data} />}
    </>
  );
}
