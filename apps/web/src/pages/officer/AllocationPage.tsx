import { CalculatorOutlined, CheckCircleOutlined, DownloadOutlined } from '@ant-design/icons';
import type { AllocationMethod, AllocationPlan, CommittedAllocation, PlannedApplicationPage, PlannedItem } from '@ftai/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Grid,
  Input,
  Progress,
  Radio,
  Row,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, newIdempotencyKey } from '../../api/client';
import { useArticleIndex } from '../../api/use-catalogue';
import { Money } from '../../components/Money';
import { ServerPager } from '../../components/ServerPager';
import { type ArticleName, bindingSentence, scaledByText } from '../../lib/allocation-rule';
import { formatTime, formatYuan } from '../../lib/format';
import { useServerPage } from '../../lib/use-server-page';
import { type ArticleUse, articleUse, committedPages, planPages, summariseAllocation, workbookUrl } from './lib/allocation-summary';
import { percentOf } from './lib/yuan';
import { CallSelect, errorMessage, PageHeader, QueryState } from './parts';
import { useSelectedCall } from './use-selected-call';

type PlannedRow = AllocationPlan['applications'][number];

/** Rows per page of the plan's table. */
const PAGE_SIZE = 20;

/**
 * Budget allocation (预算分配) of a call's approved awards: pick the method, preview what each
 * application would get against the budget the call has left (article budgets first, then the
 * total), and commit it — the awards then enter the ledger and the notice can be published.
 * The server answers the figures of the whole plan and pages its applications (a city's call has
 * tens of thousands); the whole plan downloads as a workbook.
 */
export function AllocationPage() {
  const { t } = useTranslation('officer');
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const screens = Grid.useBreakpoint();
  const { calls, call, setCallId } = useSelectedCall();
  const [method, setMethod] = useState<AllocationMethod>('proportional');
  const [plan, setPlan] = useState<AllocationPlan | null>(null);
  const [committed, setCommitted] = useState<CommittedAllocation | null>(null);
  // One key per previewed plan: a retried commit of the same plan is answered once.
  const [commitKey, setCommitKey] = useState(newIdempotencyKey);

  const articleOf = useArticleIndex();
  const articleName: ArticleName = (n) => articleOf.get(n)?.citation ?? String(n);
  // What the page shows: the plan previewed, or, once committed, the allocation as the ledger holds it.
  const shown: AllocationPlan | null = plan ?? committed;
  const pages = plan ? planPages(plan) : committed ? committedPages(committed) : null;
  const rows = useServerPage<PlannedApplicationPage>(
    plan ? ['officer', 'allocation-plan', plan.planId] : ['officer', 'allocation-committed', committed?.allocationId ?? ''],
    pages?.path ?? '',
    pages?.params ?? {},
    (url) => api.get<PlannedApplicationPage>(url),
    PAGE_SIZE,
    shown !== null,
  );

  const preview = useMutation({
    mutationFn: () => api.post<AllocationPlan>(`/api/v1/calls/${call?.id}/allocation/preview`, { method }),
    onSuccess: (p) => {
      setPlan(p);
      setCommitted(null);
      setCommitKey(newIdempotencyKey());
    },
  });
  const commit = useMutation({
    mutationFn: (notFundedReason?: string) =>
      api.post<CommittedAllocation>(
        `/api/v1/calls/${call?.id}/allocation/commit`,
        // The plan shown: if the call's data changed since, nothing is written and the officer previews again.
        { method, planId: plan?.planId, ...(notFundedReason !== undefined && { notFundedReason }) },
        { idempotencyKey: commitKey },
      ),
    onSuccess: async (c) => {
      setCommitted(c);
      setPlan(null);
      message.success(t('allocation.committed', { awards: c.awards }));
      // The preview's plan is spent: its pages are not asked for again (the server refuses them as
      // changed once the allocation is committed); everything else of the console is read afresh.
      queryClient.removeQueries({ queryKey: ['officer', 'allocation-plan'] });
      await queryClient.invalidateQueries({ queryKey: ['officer'], predicate: (q) => q.queryKey[1] !== 'allocation-plan' });
    },
  });

  const changeCall = (id: string | undefined) => {
    setCallId(id);
    setPlan(null);
    setCommitted(null);
  };
  const summary = shown ? summariseAllocation(shown) : null;

  // Items approved above 0 that this plan leaves at 0 yuan: the server commits them only with the
  // officer's reason (不予安排), which the dialog asks for.
  const notFunded = plan ? plan.summary.items - plan.summary.awards : 0;
  const confirmCommit = () => {
    let reason = '';
    const ready = () => notFunded === 0 || reason.trim().length >= 2;
    const dialog = modal.confirm({
      title: t('allocation.confirmTitle'),
      width: 520,
      content: (
        <>
          {summary && <p>{t('allocation.confirmText', { count: summary.applications, amount: formatYuan(summary.allocated) })}</p>}
          {notFunded > 0 && (
            <>
              <Alert type="warning" showIcon title={t('allocation.notFundedWarning', { items: notFunded })} style={{ marginBottom: 8 }} />
              <Input.TextArea
                aria-label={t('allocation.notFundedReason')}
                placeholder={t('allocation.notFundedPlaceholder')}
                maxLength={500}
                autoSize={{ minRows: 2, maxRows: 5 }}
                onChange={(e) => {
                  reason = e.target.value;
                  // The commit waits for the reason: the server would refuse it without one.
                  dialog.update({ okButtonProps: { disabled: !ready() } });
                }}
                data-testid="not-funded-reason"
              />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('allocation.notFundedRequired')}
              </Typography.Text>
            </>
          )}
        </>
      ),
      okText: t('allocation.commit'),
      okButtonProps: { disabled: !ready() },
      cancelText: t('cancel', { ns: 'common' }),
      onOk: () => commit.mutateAsync(notFunded > 0 ? reason.trim() : undefined).catch(() => undefined),
    });
  };

  const columns: ColumnsType<PlannedRow> = [
    {
      title: t('queue.enterprise'),
      key: 'enterprise',
      render: (_, a) => (
        <div>
          <Link to={`/officer/applications/${a.applicationId}`}>{a.enterpriseName}</Link>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {a.creditCode}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    { title: t('queue.score'), dataIndex: 'score', align: 'right', render: (v: number | null) => v ?? '—', responsive: ['sm'] },
    { title: t('queue.submittedAt'), dataIndex: 'submittedAt', render: (v: string | null) => formatTime(v), responsive: ['xxl'] },
    { title: t('figure.approved'), dataIndex: 'approved', align: 'right', render: (v: number) => <Money value={v} /> },
    { title: t('figure.allocated'), dataIndex: 'allocated', align: 'right', render: (v: number) => <Money value={v} strong /> },
    {
      title: t('allocation.share'),
      key: 'share',
      align: 'right',
      responsive: ['md'],
      render: (_, a) => <RatioCell application={a} />,
    },
  ];

  return (
    <div>
      <PageHeader
        title={t('allocation.heading')}
        subtitle={t('allocation.subtitle')}
        extra={<CallSelect calls={calls.data ?? []} loading={calls.isLoading} value={call?.id} onChange={changeCall} />}
      />
      <QueryState isLoading={calls.isLoading} error={calls.error} isEmpty={!call} empty={t('call.none')}>
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Card size="small">
            <Flex wrap gap={16} align="center" justify="space-between">
              <Space wrap size={12}>
                <Typography.Text strong id="method-label">
                  {t('allocation.method')}
                </Typography.Text>
                <Radio.Group
                  aria-labelledby="method-label"
                  value={method}
                  onChange={(e) => {
                    setMethod(e.target.value as AllocationMethod);
                    setPlan(null);
                  }}
                  options={[
                    { value: 'proportional', label: t('allocation.proportional') },
                    { value: 'score', label: t('allocation.score') },
                  ]}
                />
              </Space>
              <Button
                type="primary"
                icon={<CalculatorOutlined />}
                loading={preview.isPending}
                onClick={() => preview.mutate()}
                data-testid="preview"
              >
                {t('allocation.preview')}
              </Button>
            </Flex>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
              {t(`allocation.methodHelp.${method}`)}
            </Typography.Paragraph>
          </Card>
          {preview.error && <Alert type="error" showIcon title={errorMessage(preview.error)} />}
          {commit.error && <Alert type="error" showIcon title={errorMessage(commit.error)} />}
          {committed && (
            <Alert
              type="success"
              showIcon
              icon={<CheckCircleOutlined />}
              data-testid="committed"
              title={t('allocation.committedTitle', { amount: formatYuan(committed.summary.allocated), awards: committed.awards })}
              description={t('allocation.committedText', { at: formatTime(committed.committedAt) })}
              action={
                <Space orientation="vertical" align="end">
                  <Link to={`/officer/notices?call=${committed.callId}`}>{t('allocation.toNotice')}</Link>
                  <a href={workbookUrl(committed)} download data-testid="committed-download">
                    <DownloadOutlined /> {t('allocation.downloadCommitted')}
                  </a>
                </Space>
              }
            />
          )}
          {shown &&
            summary &&
            (shown.summary.applications === 0 ? (
              <Card size="small">
                <Empty description={t('allocation.nothing')} />
              </Card>
            ) : (
              <>
                <Row gutter={[12, 12]}>
                  <Col xs={12} lg={6}>
                    <Card size="small">
                      <Statistic
                        title={t('allocation.callBudget')}
                        value={shown.callBudget.total}
                        formatter={(v) => formatYuan(Number(v))}
                      />
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('allocation.committedBefore', { amount: formatYuan(shown.committed.total) })}
                      </Typography.Text>
                    </Card>
                  </Col>
                  <Col xs={12} lg={6}>
                    <Card size="small">
                      <span data-testid="budget-left" data-value={summary.budget}>
                        <Statistic title={t('allocation.budgetLeft')} value={summary.budget} formatter={(v) => formatYuan(Number(v))} />
                      </span>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('allocation.budgetLeftHelp')}
                      </Typography.Text>
                    </Card>
                  </Col>
                  <Col xs={12} lg={6}>
                    <Card size="small">
                      <span data-testid="approved-sum" data-value={summary.approved}>
                        <Statistic title={t('allocation.approvedSum')} value={summary.approved} formatter={(v) => formatYuan(Number(v))} />
                      </span>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('allocation.applications', { count: summary.applications })}
                      </Typography.Text>
                    </Card>
                  </Col>
                  <Col xs={12} lg={6}>
                    <Card size="small" style={{ borderColor: '#fa8c16' }}>
                      <span data-testid="allocated-sum" data-value={summary.allocated}>
                        <Statistic
                          title={t('allocation.allocatedSum')}
                          value={summary.allocated}
                          formatter={(v) => formatYuan(Number(v))}
                          styles={{ content: { color: '#ad4e00' } }}
                        />
                      </span>
                      <Typography.Text type={summary.isFull ? 'success' : 'warning'} style={{ fontSize: 12 }}>
                        {summary.isFull
                          ? t(summary.ceiling === summary.budget ? 'allocation.equalsBudget' : 'allocation.equalsApproved')
                          : t('allocation.belowCeiling', { amount: formatYuan(summary.ceiling) })}
                      </Typography.Text>
                    </Card>
                  </Col>
                </Row>
                <Alert
                  type={summary.isOversubscribed ? 'warning' : 'success'}
                  showIcon
                  data-testid="oversubscribed"
                  title={
                    committed && !plan
                      ? t('allocation.committedRule')
                      : summary.isOversubscribed
                        ? t('allocation.oversubscribed')
                        : t('allocation.enough')
                  }
                  description={
                    summary.isOversubscribed ? (
                      <RuleStatement
                        plan={shown}
                        articleName={articleName}
                        lead={t(`allocation.oversubscribedText.${shown.method}`, {
                          approved: formatYuan(summary.approved),
                          budget: formatYuan(summary.budget),
                        })}
                      />
                    ) : undefined
                  }
                />
                <Row gutter={[16, 16]}>
                  <Col xs={24} xl={15}>
                    <Card
                      title={t('allocation.byApplication')}
                      size="small"
                      extra={
                        <Button size="small" icon={<DownloadOutlined />} href={workbookUrl(shown)} download data-testid="plan-download">
                          {t('allocation.download')}
                        </Button>
                      }
                    >
                      <Table<PlannedRow>
                        rowKey="applicationId"
                        size="small"
                        columns={columns}
                        dataSource={[...(rows.data?.applications ?? shown.applications.slice(0, PAGE_SIZE))]}
                        loading={rows.isFetching}
                        pagination={false}
                        expandable={{
                          expandedRowRender: (a) => <ItemsTable items={a.items} articleName={articleName} />,
                          rowExpandable: (a) => a.items.length > 0,
                        }}
                        summary={() => (
                          <Table.Summary.Row>
                            {/* The expand buttons' column. */}
                            <Table.Summary.Cell index={0} />
                            <Table.Summary.Cell index={1} colSpan={screens.xxl ? 3 : screens.sm ? 2 : 1}>
                              <Typography.Text strong>{t('allocation.planTotal', { count: summary.applications })}</Typography.Text>
                            </Table.Summary.Cell>
                            <Table.Summary.Cell index={2} align="right">
                              <Money value={summary.approved} strong />
                            </Table.Summary.Cell>
                            <Table.Summary.Cell index={3} align="right">
                              <Money value={summary.allocated} strong />
                            </Table.Summary.Cell>
                            {screens.md && <Table.Summary.Cell index={4} />}
                          </Table.Summary.Row>
                        )}
                      />
                      <ServerPager {...rows} />
                    </Card>
                  </Col>
                  <Col xs={24} xl={9}>
                    <Card title={t('allocation.byArticle')} size="small">
                      <ArticleUseList rows={articleUse(shown)} total={shown.budget.total} />
                    </Card>
                  </Col>
                </Row>
                {plan && (
                  <Card size="small">
                    <Flex justify="space-between" align="center" wrap gap={12}>
                      <Descriptions
                        size="small"
                        column={{ xs: 1, sm: 2 }}
                        items={[
                          { key: 'm', label: t('allocation.method'), children: t(`allocation.${plan.method}`) },
                          { key: 's', label: t('allocation.allocatedSum'), children: <Money value={summary.allocated} strong /> },
                        ]}
                      />
                      <Button type="primary" size="large" loading={commit.isPending} onClick={confirmCommit} data-testid="commit">
                        {t('allocation.commit')}
                      </Button>
                    </Flex>
                  </Card>
                )}
              </>
            ))}
          {!plan && !committed && !preview.isPending && (
            <Card size="small">
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('allocation.start')} />
            </Card>
          )}
        </Space>
      </QueryState>
    </div>
  );
}

function ArticleUseList({ rows, total }: { rows: readonly ArticleUse[]; total: number }) {
  const { t } = useTranslation('officer');
  const articleOf = useArticleIndex();
  return (
    <Flex vertical gap={10}>
      {rows.map((r) => {
        // What the article can really receive (the server's figure): its own budget left, never more
        // than the total left, and once the total binds what the total step leaves it.
        const cap = r.available;
        return (
          <div key={r.article}>
            <Flex justify="space-between" wrap gap={4}>
              <span>
                <Typography.Text strong>{articleOf.get(r.article)?.citation ?? r.article}</Typography.Text>{' '}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {articleOf.get(r.article)?.shortName}
                </Typography.Text>
              </span>
              {cap === null ? (
                <Tag>{t('allocation.noOwnBudget')}</Tag>
              ) : (
                <Tag color="purple">{t('allocation.ownBudget', { amount: formatYuan(cap) })}</Tag>
              )}
            </Flex>
            <Progress
              aria-label={articleOf.get(r.article)?.citation ?? String(r.article)}
              percent={percentOf(r.allocated, cap ?? total) ?? 0}
              size="small"
              strokeColor="#fa8c16"
              showInfo={false}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('allocation.articleLine', { approved: formatYuan(r.approved), allocated: formatYuan(r.allocated) })}
            </Typography.Text>
          </div>
        );
      })}
    </Flex>
  );
}

/**
 * The rule as this allocation applied it: the method's steps in a sentence, then one line per
 * budget that bound (article budgets by number, then the total) with its exact ratio, the product
 * for an article the total binds too, and the yuan given by largest remainder.
 */
function RuleStatement({ plan, lead, articleName }: { plan: AllocationPlan; lead: string; articleName: ArticleName }) {
  const { t } = useTranslation('common');
  const { bindings } = plan.summary;
  return (
    <div data-testid="allocation-rule">
      <Typography.Paragraph style={{ marginBottom: 4 }}>{lead}</Typography.Paragraph>
      <ul style={{ margin: '0 0 4px', paddingInlineStart: 20 }}>
        {bindings.map((b) => (
          <li
            key={`${b.scope}-${b.article ?? ''}`}
            data-testid={b.scope === 'total' ? 'binding-total' : `binding-article-${b.article}`}
            data-percent={b.ratio.percent}
            data-combined={b.combinedPercent ?? ''}
          >
            {bindingSentence(t, b, bindings, plan.method, articleName)}
          </li>
        ))}
      </ul>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t(`allocationRule.${plan.method}`)}
      </Typography.Text>
    </div>
  );
}

/** +N 元 given by largest remainder, with what it means on hover. */
function PlusYuan({ count }: { count: number | null }) {
  const { t } = useTranslation('common');
  if (!count) return null;
  return (
    <Tag
      color="blue"
      title={t('allocationRule.plusYuanHelp', { count })}
      style={{ marginInlineEnd: 0, marginInlineStart: 4 }}
      data-testid="plus-yuan"
    >
      {t('allocationRule.plusYuan', { count })}
    </Tag>
  );
}

/**
 * An application's ratio, allocated ÷ approved as the server computed it (2 decimals); with items
 * at different ratios (an article budget binds some), each item's below it.
 */
function RatioCell({ application: a }: { application: PlannedRow }) {
  const isMixed = a.items.length > 1 && a.items.some((i) => i.percent !== a.items[0]?.percent);
  return (
    <div>
      <span data-testid="row-ratio" data-percent={a.percent ?? ''}>
        {a.percent === null ? '—' : `${a.percent}%`}
      </span>
      {!isMixed && <PlusYuan count={a.remainderYuan} />}
      {isMixed &&
        a.items.map((i) => (
          <div key={`${i.measure}|${i.subject}`}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {i.measure}：{i.percent}%
            </Typography.Text>
            <PlusYuan count={i.remainderYuan} />
          </div>
        ))}
    </div>
  );
}

/** An application's items: approved, allocated, the ratio, what scaled it and any remainder yuan. */
function ItemsTable({ items, articleName }: { items: readonly PlannedItem[]; articleName: ArticleName }) {
  const { t } = useTranslation('officer');
  const { t: tc } = useTranslation('common');
  const columns: ColumnsType<PlannedItem> = [
    {
      title: t('allocation.item'),
      key: 'measure',
      render: (_, i) => (i.subject ? `${i.measure}（${i.subject}）` : i.measure),
    },
    {
      title: t('allocation.article'),
      dataIndex: 'article',
      render: (n: number) => <span style={{ whiteSpace: 'nowrap' }}>{articleName(n)}</span>,
    },
    { title: t('figure.approved'), dataIndex: 'approved', align: 'right', render: (v: number) => <Money value={v} /> },
    { title: t('figure.allocated'), dataIndex: 'allocated', align: 'right', render: (v: number) => <Money value={v} strong /> },
    {
      title: t('allocation.share'),
      key: 'percent',
      align: 'right',
      render: (_, i) => <span data-testid="item-ratio">{i.percent === null ? '—' : `${i.percent}%`}</span>,
    },
    { title: t('allocation.scaledBy'), key: 'scaledBy', render: (_, i) => scaledByText(tc, i, articleName) },
    { title: t('allocation.remainderYuan'), key: 'remainder', render: (_, i) => <PlusYuan count={i.remainderYuan} /> },
  ];
  return (
    <Table<PlannedItem>
      size="small"
      rowKey={(i) => `${i.measure}|${i.subject}`}
      columns={columns}
      dataSource={[...items]}
      pagination={false}
      aria-label={t('allocation.items')}
    />
  );
}
