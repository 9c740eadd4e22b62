import type { ApplicationSummary } from '@ftai/api';
import { Badge, Card, Flex, Grid, Input, List, Select, Space, Table, Tabs, Typography } from 'antd';
import type { ColumnsType, SorterResult } from 'antd/es/table/interface';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Money } from '../../components/Money';
import { ServerPager } from '../../components/ServerPager';
import { ApplicationStatusTag } from '../../components/StatusTag';
import { formatTime } from '../../lib/format';
import {
  isApplicationStatus,
  isQueueSort,
  QUEUE_SORTS,
  QUEUE_STATUSES,
  type QueueSort,
  SERVER_SORT,
  searchText,
  tabCounts,
} from './lib/queue-filter';
import { useApplicationCounts, useApplications } from './officer-api';
import { CallSelect, PageHeader, QueryState } from './parts';
import { useSelectedCall } from './use-selected-call';

interface Sort {
  readonly key: QueueSort;
  readonly descending: boolean;
}

/** Rows of a page of the queue. */
const PAGE_SIZE = 20;

/**
 * The application queue (申报受理): a call's applications, by status in tabs with their counts,
 * searchable by the start of the enterprise's name, its credit code or the application's number,
 * sortable by the engine's total, the review score and the submission time. The server filters,
 * sorts and pages (a call may hold a hundred thousand); the filters and the sort live in the URL
 * (?call=&status=&q=&sort=&order=).
 */
export function QueuePage() {
  const { t } = useTranslation('officer');
  const screens = Grid.useBreakpoint();
  const [params, setParams] = useSearchParams();
  const { calls, call, setCallId } = useSelectedCall();
  const statusParam = params.get('status');
  const status = isApplicationStatus(statusParam) ? statusParam : undefined;
  const text = params.get('q') ?? '';
  const q = searchText(text);
  const sortParam = params.get('sort');
  const sort: Sort = { key: isQueueSort(sortParam) ? sortParam : 'submittedAt', descending: params.get('order') !== 'asc' };
  const applications = useApplications(
    { callId: call?.id, status, q, sort: SERVER_SORT[sort.key], order: sort.descending ? 'desc' : 'asc' },
    PAGE_SIZE,
  );
  const counted = useApplicationCounts(call?.id, q ?? '');

  const setParam = (name: string, value: string | undefined) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );

  const setSort = (next: Sort | undefined) =>
    setParams(
      (p) => {
        const after = new URLSearchParams(p);
        if (next === undefined || (next.key === 'submittedAt' && next.descending)) {
          after.delete('sort');
          after.delete('order');
        } else {
          after.set('sort', next.key);
          after.set('order', next.descending ? 'desc' : 'asc');
        }
        return after;
      },
      { replace: true },
    );

  const rows = applications.data?.applications ?? [];
  const counts = tabCounts(counted.data);

  const order = (key: QueueSort) => (sort.key === key ? (sort.descending ? 'descend' : 'ascend') : null);
  const columns: ColumnsType<ApplicationSummary> = [
    {
      title: t('queue.enterprise'),
      key: 'enterprise',
      render: (_, a) => (
        <div>
          <Link to={`/officer/applications/${a.id}`} data-testid={`open-${a.id}`}>
            {a.enterpriseName ?? a.creditCode}
          </Link>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }} copyable={{ text: a.creditCode }}>
              {a.creditCode}
            </Typography.Text>
          </div>
          {a.number && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {a.number}
            </Typography.Text>
          )}
        </div>
      ),
    },
    { title: t('queue.status'), dataIndex: 'status', key: 'status', render: (_, a) => <ApplicationStatusTag status={a.status} /> },
    {
      title: t('figure.requested'),
      dataIndex: 'engineTotal',
      key: 'engineTotal',
      align: 'right',
      sorter: true,
      sortOrder: order('engineTotal'),
      render: (v: number) => <Money value={v} strong />,
    },
    {
      title: t('figure.approved'),
      dataIndex: 'approvedTotal',
      key: 'approvedTotal',
      align: 'right',
      render: (v: number | null) => <Money value={v} />,
      responsive: ['lg'],
    },
    {
      title: t('figure.allocated'),
      dataIndex: 'allocatedTotal',
      key: 'allocatedTotal',
      align: 'right',
      render: (v: number | null) => <Money value={v} />,
      responsive: ['xl'],
    },
    {
      title: t('queue.score'),
      dataIndex: 'score',
      key: 'score',
      align: 'right',
      sorter: true,
      sortOrder: order('score'),
      render: (v: number | null) => (v === null ? '—' : v),
    },
    {
      title: t('queue.submittedAt'),
      dataIndex: 'submittedAt',
      key: 'submittedAt',
      sorter: true,
      sortOrder: order('submittedAt'),
      render: (v: string | null) => formatTime(v),
    },
  ];

  const statuses = [
    { key: '', text: t('queue.all'), count: counts.all },
    ...QUEUE_STATUSES.map((s) => ({ key: s, text: t(`status.${s}`, { ns: 'common' }), count: counts[s] })),
  ];
  const tabs = statuses.map((s) => ({ key: s.key, label: <TabLabel text={s.text} count={s.count} /> }));

  return (
    <div>
      <PageHeader
        title={t('queue.heading')}
        subtitle={call ? call.title : undefined}
        extra={
          <>
            <CallSelect calls={calls.data ?? []} loading={calls.isLoading} value={call?.id} onChange={setCallId} />
            <Input.Search
              allowClear
              aria-label={t('queue.search')}
              placeholder={t('queue.search')}
              defaultValue={text}
              onSearch={(v) => setParam('q', v.trim() || undefined)}
              onChange={(e) => {
                if (e.target.value === '') setParam('q', undefined);
              }}
              style={{ width: 260, maxWidth: '100%' }}
              data-testid="queue-search"
            />
          </>
        }
      />
      <Card size="small" styles={{ body: { paddingTop: 0 } }}>
        {screens.md ? (
          <Tabs activeKey={status ?? ''} items={tabs} onChange={(k) => setParam('status', k || undefined)} data-testid="status-tabs" />
        ) : (
          // On a phone the statuses do not fit as tabs (antd folds them behind a button inside the tab
          // list, which screen readers cannot use): one select instead.
          <Select<string>
            aria-label={t('queue.status')}
            value={status ?? ''}
            options={statuses.map((s) => ({ value: s.key, label: `${s.text}（${s.count}）` }))}
            onChange={(k) => setParam('status', k || undefined)}
            style={{ width: '100%', marginBlock: 12 }}
            data-testid="status-select"
          />
        )}
        <QueryState
          isLoading={calls.isLoading || applications.isLoading}
          error={calls.error ?? applications.error}
          isEmpty={rows.length === 0}
          empty={t('queue.empty')}
          onRetry={() => void applications.refetch()}
        >
          {screens.md ? (
            <Table<ApplicationSummary>
              rowKey="id"
              size="middle"
              columns={columns}
              dataSource={rows}
              loading={applications.isFetching}
              pagination={false}
              onChange={(_p, _f, sorter) => {
                const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<ApplicationSummary> | undefined;
                const key = String(s?.columnKey ?? '');
                if (isQueueSort(key) && s?.order) setSort({ key, descending: s.order === 'descend' });
                else setSort(undefined);
              }}
            />
          ) : (
            <>
              <Flex justify="end" style={{ marginBottom: 8 }}>
                <Select<string>
                  aria-label={t('queue.sortBy')}
                  value={`${sort.key}:${sort.descending ? 'desc' : 'asc'}`}
                  onChange={(v) => {
                    const [key, dir] = v.split(':') as [QueueSort, string];
                    setSort({ key, descending: dir === 'desc' });
                  }}
                  options={QUEUE_SORTS.flatMap((k) => [
                    { value: `${k}:desc`, label: t(`queue.sort.${k}.desc`) },
                    { value: `${k}:asc`, label: t(`queue.sort.${k}.asc`) },
                  ])}
                  style={{ width: 200 }}
                />
              </Flex>
              <List
                dataSource={rows}
                loading={applications.isFetching}
                renderItem={(a) => (
                  // Each card in its list item: a list holds items, not cards.
                  <List.Item style={{ padding: 0, borderBlockEnd: 'none' }}>
                    <Card size="small" style={{ marginBottom: 8, width: '100%' }}>
                      <Flex justify="space-between" align="start" gap={8}>
                        <div style={{ minWidth: 0 }}>
                          <Link to={`/officer/applications/${a.id}`} style={{ fontWeight: 600 }}>
                            {a.enterpriseName ?? a.creditCode}
                          </Link>
                          <div>
                            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                              {a.creditCode}
                            </Typography.Text>
                          </div>
                        </div>
                        <ApplicationStatusTag status={a.status} />
                      </Flex>
                      <Flex justify="space-between" wrap gap={4} style={{ marginTop: 8, fontSize: 13 }}>
                        <span>
                          {t('figure.requested')} <Money value={a.engineTotal} strong />
                        </span>
                        {a.allocatedTotal !== null ? (
                          <span>
                            {t('figure.allocated')} <Money value={a.allocatedTotal} strong />
                          </span>
                        ) : a.approvedTotal !== null ? (
                          <span>
                            {t('figure.approved')} <Money value={a.approvedTotal} strong />
                          </span>
                        ) : (
                          <span>
                            {t('queue.score')} {a.score ?? '—'}
                          </span>
                        )}
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {formatTime(a.submittedAt)}
                        </Typography.Text>
                      </Flex>
                    </Card>
                  </List.Item>
                )}
              />
            </>
          )}
          <ServerPager {...applications} />
        </QueryState>
      </Card>
    </div>
  );
}

function TabLabel({ text, count }: { text: string; count: number }) {
  return (
    <Space size={6}>
      <span>{text}</span>
      <Badge count={count} showZero color={count > 0 ? '#0958d9' : '#595959'} size="small" overflowCount={999} />
    </Space>
  );
}
