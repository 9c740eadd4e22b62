import { EditOutlined, FormOutlined, PlusOutlined, WarningOutlined } from '@ant-design/icons';
import type { ApplicationSummary, ApplicationView, Call, EnterpriseView } from '@ftai/api';
import { useMutation, useQueries, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Grid, Row, Skeleton, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiError, api } from '../../api/client';
import { LoadFailed } from '../../components/LoadFailed';
import { Money } from '../../components/Money';
import { ServerPager } from '../../components/ServerPager';
import { ApplicationStatusTag } from '../../components/StatusTag';
import { formatDate, formatTime } from '../../lib/format';
import { EnterpriseFlags } from './EnterpriseFlags';
import { useOffers } from './offer-queries';
import { PendingOffers } from './PendingOffers';
import { isEditable, latestMoveTo, liveOffer } from './portal-logic';
import {
  useCalls,
  useEnterprise,
  useLiveApplications,
  useMyApplicationCounts,
  useMyApplications,
  useMyApplicationsIn,
} from './portal-queries';

/**
 * The applicant's home (/portal): the offers to confirm (免申即享) and returned-for-changes
 * messages first (the officer's note),
 * the enterprise, the calls that take applications now, and its applications, a page at a time,
 * with their figures.
 */
export function PortalDashboard() {
  const { t } = useTranslation('portal');
  const enterprise = useEnterprise();
  const calls = useCalls();
  const applications = useMyApplications();
  const returned = useMyApplicationsIn('returned');
  const callById = new Map((calls.data?.calls ?? []).map((c) => [c.id, c]));

  return (
    <div data-testid="portal-dashboard">
      <Typography.Title level={1} style={{ marginTop: 0, fontSize: 24 }}>
        {t('dashboard.title')}
      </Typography.Title>
      {enterprise.isError && <LoadFailed error={enterprise.error} onRetry={() => void enterprise.refetch()} />}
      {applications.isError && <LoadFailed error={applications.error} onRetry={() => void applications.refetch()} />}
      {calls.isError && <LoadFailed error={calls.error} onRetry={() => void calls.refetch()} />}
      <PendingOffers />
      <ReturnedMessages applications={returned.data ?? []} callById={callById} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9}>
          <EnterpriseCard enterprise={enterprise.data} loading={enterprise.isLoading} />
        </Col>
        <Col xs={24} lg={15}>
          <OpenCalls calls={calls.data?.calls} loading={calls.isLoading} />
        </Col>
        <Col xs={24}>
          <MyApplications page={applications} callById={callById} />
        </Col>
      </Row>
    </div>
  );
}

/** Each application returned for changes, with the officer's note from its timeline, as a warning. */
function ReturnedMessages({ applications, callById }: { applications: ApplicationSummary[]; callById: Map<string, Call> }) {
  const { t } = useTranslation('portal');
  const navigate = useNavigate();
  const views = useQueries({
    queries: applications.map((a) => ({
      queryKey: ['application', a.id],
      queryFn: () => api.get<ApplicationView>(`/api/v1/applications/${encodeURIComponent(a.id)}`),
    })),
  });
  if (applications.length === 0) return null;
  return (
    <Space orientation="vertical" style={{ width: '100%', marginBottom: 16 }} data-testid="returned-messages">
      {applications.map((a, i) => {
        const ret = views[i]?.data ? latestMoveTo(views[i].data.timeline, 'returned') : null;
        return (
          <Alert
            key={a.id}
            type="warning"
            showIcon
            icon={<WarningOutlined />}
            title={t('returned.title', { call: callById.get(a.callId)?.title ?? a.callId })}
            description={
              ret ? (
                <div>
                  <div style={{ whiteSpace: 'pre-wrap', fontSize: 15 }}>{ret.note}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {ret.actor} · {formatTime(ret.at)}
                  </Typography.Text>
                </div>
              ) : (
                <Skeleton active paragraph={{ rows: 1 }} title={false} />
              )
            }
            action={
              <Button type="primary" onClick={() => navigate(`/portal/applications/${a.id}`)}>
                {t('returned.fix')}
              </Button>
            }
          />
        );
      })}
    </Space>
  );
}

function EnterpriseCard({ enterprise, loading }: { enterprise: EnterpriseView | undefined; loading: boolean }) {
  const { t } = useTranslation('portal');
  return (
    <Card
      title={t('dashboard.enterprise')}
      loading={loading}
      extra={
        <Link to="/portal/profile">
          <EditOutlined /> {t('dashboard.editProfile')}
        </Link>
      }
      style={{ height: '100%' }}
    >
      {enterprise && (
        <>
          <Descriptions
            column={1}
            size="small"
            items={[
              { key: 'name', label: t('profile.name'), children: <span data-testid="enterprise-name">{enterprise.name}</span> },
              {
                key: 'code',
                label: t('profile.creditCode'),
                children: <Typography.Text copyable>{enterprise.creditCode}</Typography.Text>,
              },
              { key: 'updated', label: t('profile.updatedAt'), children: formatTime(enterprise.updatedAt) },
            ]}
          />
          <EnterpriseFlags profile={enterprise.profile} />
        </>
      )}
    </Card>
  );
}

function OpenCalls({ calls, loading }: { calls: Call[] | undefined; loading: boolean }) {
  const { t, i18n } = useTranslation('portal');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const open = (calls ?? []).filter((c) => c.isAccepting);
  const live = useLiveApplications(open.map((c) => c.id));
  // Calls where a 免申即享 offer waits for the enterprise's confirmation: call → offer.
  const offers = useOffers();
  const pendingOffer = new Map((offers.data ?? []).filter((o) => o.status === 'pending').map((o) => [o.callId, o.id]));
  const start = useMutation({
    mutationFn: (callId: string) => api.post<ApplicationView>('/api/v1/applications', { callId }),
    onSuccess: async (view) => {
      await queryClient.invalidateQueries({ queryKey: ['portal', 'applications'] });
      queryClient.setQueryData(['application', view.id], view);
      message.success(t('calls.started'));
      navigate(`/portal/applications/${view.id}`);
    },
    onError: async (e) => {
      message.error(`${t('calls.startFailed')}${e.message}`);
      // Started meanwhile (another tab, another colleague): the list now offers to continue it.
      if (e instanceof ApiError && e.code === 'FTAI_ERR_APPLICATION_EXISTS')
        await queryClient.invalidateQueries({ queryKey: ['portal', 'applications'] });
    },
  });
  return (
    <Card title={t('calls.title')} loading={loading || live.isLoading} style={{ height: '100%' }} data-testid="open-calls">
      {open.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('calls.none')} />
      ) : (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {open.map((c) => {
            const mine = live.byCall.get(c.id) ?? null;
            const offer = mine ? liveOffer(mine.status) : null;
            return (
              <li key={c.id} style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}>
                <Row gutter={[8, 8]} align="middle" wrap>
                  <Col flex="1 1 260px">
                    <Typography.Text strong>{c.title}</Typography.Text>
                    <div>
                      <Space size={[8, 4]} wrap>
                        <Tag color="green">{t('calls.accepting')}</Tag>
                        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                          {t('calls.window', { from: formatDate(c.opensOn, lang), to: formatDate(c.closesOn, lang) })}
                        </Typography.Text>
                        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                          {t('calls.year', { year: c.year })}
                        </Typography.Text>
                        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                          {t('calls.budget')}
                          {lang === 'en' ? ': ' : '：'}
                          <Money value={c.totalBudget} />
                          {lang === 'en' ? ' yuan' : '元'}
                        </Typography.Text>
                      </Space>
                    </div>
                    {mine && (
                      <div style={{ marginTop: 4 }} data-testid="live-application">
                        <Space size={[8, 4]} wrap>
                          <Typography.Text style={{ fontSize: 13 }}>
                            {mine.number ? t('calls.mineNumbered', { number: mine.number }) : t('calls.mine')}
                          </Typography.Text>
                          <ApplicationStatusTag status={mine.status} />
                        </Space>
                      </div>
                    )}
                  </Col>
                  <Col flex="none">
                    {!mine && pendingOffer.get(c.id) ? (
                      // 免申即享: the bureau has offered; confirming is the way, not a second application.
                      <Button
                        type="primary"
                        onClick={() => navigate(`/portal/offers/${pendingOffer.get(c.id)}`)}
                        aria-label={`${t('outlook.confirm')} ${c.title}`}
                        data-testid="call-offer"
                      >
                        {t('outlook.confirm')}
                      </Button>
                    ) : mine && offer ? (
                      <Button
                        type={offer === 'view' ? 'default' : 'primary'}
                        icon={offer === 'view' ? undefined : <FormOutlined />}
                        onClick={() => navigate(`/portal/applications/${mine.id}`)}
                        aria-label={`${t(`calls.offer.${offer}`)} ${c.title}`}
                      >
                        {t(`calls.offer.${offer}`)}
                      </Button>
                    ) : (
                      <Button
                        type="primary"
                        icon={<PlusOutlined />}
                        loading={start.isPending && start.variables === c.id}
                        onClick={() => start.mutate(c.id)}
                        aria-label={`${t('calls.apply')} ${c.title}`}
                      >
                        {t('calls.apply')}
                      </Button>
                    )}
                  </Col>
                </Row>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}

function MyApplications({ page, callById }: { page: ReturnType<typeof useMyApplications>; callById: Map<string, Call> }) {
  const { t } = useTranslation('portal');
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const isWide = screens.md ?? true;
  const counts = useMyApplicationCounts();
  const applications = page.data?.applications ?? [];
  const loading = page.isLoading;
  const open = (a: ApplicationSummary) => navigate(`/portal/applications/${a.id}`);
  const statStyles = isWide ? undefined : { content: { fontSize: 20 } };
  const action = (a: ApplicationSummary) => (
    <Button type={isEditable(a.status) ? 'primary' : 'default'} size="small" onClick={() => open(a)}>
      {a.status === 'draft' ? t('apps.edit') : a.status === 'returned' ? t('apps.fix') : t('apps.view')}
    </Button>
  );
  const columns: ColumnsType<ApplicationSummary> = [
    {
      title: t('apps.call'),
      key: 'call',
      render: (_, a) => <Link to={`/portal/applications/${a.id}`}>{callById.get(a.callId)?.title ?? a.callId}</Link>,
    },
    { title: t('apps.status'), dataIndex: 'status', key: 'status', render: (_, a) => <ApplicationStatusTag status={a.status} /> },
    {
      title: t('apps.engineTotal'),
      dataIndex: 'engineTotal',
      key: 'engine',
      align: 'right',
      render: (v: number, a) => (a.submittedAt ? <Money value={v} /> : '—'),
    },
    {
      title: t('apps.approvedTotal'),
      dataIndex: 'approvedTotal',
      key: 'approved',
      align: 'right',
      render: (v: number | null) => <Money value={v} />,
    },
    {
      title: t('apps.allocatedTotal'),
      dataIndex: 'allocatedTotal',
      key: 'allocated',
      align: 'right',
      render: (v: number | null) => <Money value={v} />,
    },
    {
      title: t('apps.submittedAt'),
      dataIndex: 'submittedAt',
      key: 'submitted',
      render: (v: string | null) => formatTime(v),
      responsive: ['lg'],
    },
    { title: t('actions', { ns: 'common' }), key: 'action', render: (_, a) => action(a) },
  ];
  return (
    <Card title={t('apps.title')} data-testid="my-applications">
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} sm={8}>
          <Statistic title={t('apps.count')} value={counts.data?.total ?? 0} loading={counts.isLoading} styles={statStyles} />
        </Col>
        <Col xs={12} sm={8}>
          <Statistic
            title={t('apps.estimated')}
            value={counts.data?.requested ?? 0}
            loading={counts.isLoading}
            suffix={t('yuan', { ns: 'common' })}
            styles={statStyles}
          />
        </Col>
        <Col xs={12} sm={8}>
          <Statistic
            title={t('apps.approved')}
            value={counts.data?.approved ?? 0}
            loading={counts.isLoading}
            suffix={t('yuan', { ns: 'common' })}
            styles={statStyles}
          />
        </Col>
      </Row>
      {isWide ? (
        <Table<ApplicationSummary>
          rowKey="id"
          size="middle"
          loading={loading}
          columns={columns}
          dataSource={applications}
          pagination={false}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('apps.none')} /> }}
        />
      ) : loading ? (
        <Skeleton active />
      ) : applications.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('apps.none')} />
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {applications.map((a) => (
            <Card
              key={a.id}
              size="small"
              title={callById.get(a.callId)?.title ?? a.callId}
              extra={<ApplicationStatusTag status={a.status} />}
            >
              <Descriptions
                column={1}
                size="small"
                items={[
                  { key: 'e', label: t('apps.engineTotal'), children: a.submittedAt ? <Money value={a.engineTotal} /> : '—' },
                  { key: 'a', label: t('apps.approvedTotal'), children: <Money value={a.approvedTotal} /> },
                  { key: 'l', label: t('apps.allocatedTotal'), children: <Money value={a.allocatedTotal} /> },
                  { key: 's', label: t('apps.submittedAt'), children: formatTime(a.submittedAt) },
                ]}
              />
              <div style={{ textAlign: 'right' }}>{action(a)}</div>
            </Card>
          ))}
        </Space>
      )}
      <ServerPager {...page} hideOnSinglePage />
    </Card>
  );
}
