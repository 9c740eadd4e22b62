import { FormOutlined, PlusOutlined } from '@ant-design/icons';
import type { ApplicationView, Call } from '@ftai/api';
import { statusLabel } from '@ftai/api/statuses';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Radio, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router';
import { api } from '../../api/client';
import { LoadFailed } from '../../components/LoadFailed';
import { formatDate } from '../../lib/format';
import { usePageTitle } from '../../lib/use-page-title';
import { dropHandoff, readHandoff } from './apply-handoff';
import { isEditable } from './portal-logic';
import { useCalls, useLiveApplications } from './portal-queries';

/**
 * 按此申报 (/portal/apply): the calculator's facts go into the enterprise's application in an
 * open call. One enterprise has one application a call (一企一报): where it has one, the page
 * offers to fill it (a draft, or one returned for changes) or to open it; where not, to start one
 * with these facts. The enterprise's own details come from its profile, not from the calculator.
 */
export function ApplyPage() {
  const { t, i18n } = useTranslation('portal');
  usePageTitle('apply.title', 'portal');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [handoff] = useState(readHandoff);
  const calls = useCalls();
  const open = (calls.data?.calls ?? []).filter((c) => c.isAccepting);
  const [picked, setPicked] = useState<string | null>(null);
  const call: Call | undefined = open.find((c) => c.id === picked) ?? open[0];
  const live = useLiveApplications(open.map((c) => c.id));
  const mine = call ? (live.byCall.get(call.id) ?? null) : null;

  const done = async (view: ApplicationView) => {
    dropHandoff();
    queryClient.setQueryData(['application', view.id], view);
    await queryClient.invalidateQueries({ queryKey: ['portal', 'applications'] });
    message.success(t('apply.filled'));
    navigate(`/portal/applications/${view.id}`);
  };
  const start = useMutation({
    mutationFn: (c: Call) => api.post<ApplicationView>('/api/v1/applications', { callId: c.id, facts: handoff?.facts ?? {} }),
    onSuccess: done,
    onError: async (e) => {
      message.error(`${t('apply.failed')}${e.message}`);
      await queryClient.invalidateQueries({ queryKey: ['portal', 'applications'] });
    },
  });
  const fill = useMutation({
    mutationFn: (id: string) => api.put<ApplicationView>(`/api/v1/applications/${encodeURIComponent(id)}`, { facts: handoff?.facts ?? {} }),
    onSuccess: done,
    onError: (e) => message.error(`${t('apply.failed')}${e.message}`),
  });

  if (!handoff) return <Navigate to="/portal" replace />;
  const status = mine ? statusLabel(mine.status, lang) : '';
  return (
    <Card data-testid="apply-page">
      <Typography.Title level={1} style={{ marginTop: 0, fontSize: 22 }}>
        {t('apply.title')}
      </Typography.Title>
      {calls.isError && <LoadFailed error={calls.error} onRetry={() => void calls.refetch()} />}
      {calls.isLoading || live.isLoading ? (
        <Skeleton active paragraph={{ rows: 3 }} title={false} />
      ) : !call ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('apply.noCall')} />
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          {open.length > 1 && (
            <div>
              <Typography.Text strong>{t('apply.pickCall')}</Typography.Text>
              <Radio.Group
                value={call.id}
                onChange={(e) => setPicked(e.target.value as string)}
                style={{ display: 'flex', flexDirection: 'column', gap: 8, marginTop: 8 }}
                options={open.map((c) => ({ value: c.id, label: `${c.title}（${formatDate(c.closesOn, lang)}）` }))}
              />
            </div>
          )}
          {handoff.year !== call.year && (
            <Alert type="warning" showIcon title={t('apply.yearMismatch', { year: handoff.year, callYear: call.year })} />
          )}
          {mine ? (
            <>
              <Alert
                type="info"
                showIcon
                data-testid="apply-existing"
                title={
                  mine.number
                    ? t('apply.existingNumbered', { call: call.title, number: mine.number, status })
                    : t('apply.existing', { call: call.title, status })
                }
                description={isEditable(mine.status) ? t('apply.fillHint') : t('apply.cannotFill')}
              />
              <Space wrap>
                {isEditable(mine.status) && (
                  <Button type="primary" icon={<FormOutlined />} loading={fill.isPending} onClick={() => fill.mutate(mine.id)}>
                    {t('apply.fill')}
                  </Button>
                )}
                <Button onClick={() => navigate(`/portal/applications/${mine.id}`)}>{t('apply.open')}</Button>
              </Space>
            </>
          ) : (
            <>
              <Typography.Paragraph>{t('apply.startHint', { call: call.title })}</Typography.Paragraph>
              <Button
                type="primary"
                icon={<PlusOutlined />}
                loading={start.isPending}
                onClick={() => start.mutate(call)}
                data-testid="apply-start"
              >
                {t('apply.start')}
              </Button>
            </>
          )}
        </Space>
      )}
      <div style={{ marginTop: 16 }}>
        <Link to="/calculator">{t('apply.back')}</Link>
      </div>
    </Card>
  );
}
