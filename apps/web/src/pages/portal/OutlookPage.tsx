import type { ApplicationView, Outlook } from '@ftai/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Skeleton, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client';
import { LoadFailed } from '../../components/LoadFailed';
import { ResultsView } from '../../components/ResultsView';
import { formatDate, formatYuan } from '../../lib/format';

/**
 * “What can we get now?” (可享政策): for every call accepting applications today, what the engine
 * finds likely on the enterprise's offer, its application there, or its latest facts, with its
 * ledger as history — every measure with its amount, steps and what is missing (待补充信息) — and
 * the way to ask for it: 确认申领 an offer, continue the application, or 申报.
 */
export function OutlookPage() {
  const { t, i18n } = useTranslation('portal');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const outlook = useQuery({
    queryKey: ['portal', 'outlook', lang],
    queryFn: () => api.get<Outlook>(`/api/v1/enterprises/me/outlook?lang=${lang}`),
  });
  if (outlook.isLoading) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (outlook.isError) return <LoadFailed error={outlook.error} onRetry={() => void outlook.refetch()} />;
  const calls = outlook.data?.calls ?? [];
  return (
    <div data-testid="outlook">
      <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>
        {t('outlook.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('outlook.intro')}</Typography.Paragraph>
      {calls.length === 0 && <Empty description={t('outlook.none')} />}
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {calls.map((c) => (
          <Card
            key={c.call.id}
            data-testid={`outlook-${c.call.id}`}
            title={
              <span style={{ whiteSpace: 'normal' }}>
                {c.call.title} <Tag>{t('outlook.closes', { date: formatDate(c.call.closesOn, lang) })}</Tag>
              </span>
            }
          >
            <Space direction="vertical" size={12} style={{ width: '100%' }}>
              <Alert type={c.basedOn === 'profile' ? 'warning' : 'info'} showIcon title={t(`outlook.basedOn.${c.basedOn}`)} />
              <Typography.Text>
                {t('outlook.total')}
                <Typography.Text strong data-testid="outlook-total">
                  {formatYuan(c.answer.total)}
                  {lang === 'en' ? ' yuan' : '元'}
                </Typography.Text>
              </Typography.Text>
              <ResultsView answer={c.answer} onlyRelevant />
              <Action call={c} />
            </Space>
          </Card>
        ))}
      </Space>
    </div>
  );
}

/** The step the enterprise takes next in this call. */
function Action({ call: c }: { call: Outlook['calls'][number] }) {
  const { t } = useTranslation('portal');
  if (c.offer?.status === 'pending')
    return (
      <Link to={`/portal/offers/${c.offer.id}`}>
        <Button type="primary" data-testid="outlook-confirm">
          {t('outlook.confirm')}
        </Button>
      </Link>
    );
  if (c.application)
    return (
      <Link to={`/portal/applications/${c.application.id}`}>
        <Button data-testid="outlook-application">
          {c.application.number ? t('outlook.follow', { number: c.application.number }) : t('outlook.continue')}
        </Button>
      </Link>
    );
  return <StartButton callId={c.call.id} />;
}

/** 申报: a draft in the call, opened in the editor (as the dashboard's 申报 does). */
function StartButton({ callId }: { callId: string }) {
  const { t } = useTranslation('portal');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const start = useMutation({
    mutationFn: () => api.post<ApplicationView>('/api/v1/applications', { callId }),
    onSuccess: async (view) => {
      await queryClient.invalidateQueries({ queryKey: ['portal'] });
      navigate(`/portal/applications/${view.id}`);
    },
    onError: (e) => message.error(`${t('calls.startFailed')}${e.message}`),
  });
  return (
    <Button type="primary" loading={start.isPending} onClick={() => start.mutate()} data-testid="outlook-apply">
      {t('outlook.apply')}
    </Button>
  );
}
