import { FileDoneOutlined } from '@ant-design/icons';
import type { ApplicationAllocation, ApplicationItem, ApplicationView } from '@ftai/api';
import { canWithdraw } from '@ftai/api/statuses';
import { Alert, Card, Col, Descriptions, Empty, Grid, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useArticleIndex, useMeasureIndex } from '../../api/use-catalogue';
import { ApplicationTimeline } from '../../components/ApplicationTimeline';
import { FactsEditor } from '../../components/facts-editor/FactsEditor';
import { topicsOf } from '../../components/facts-editor/fact-fields';
import { Money } from '../../components/Money';
import { ResultsView } from '../../components/ResultsView';
import { type ArticleName, itemReason } from '../../lib/allocation-rule';
import { formatTime, formatYuan } from '../../lib/format';
import { AttachmentsCard } from './AttachmentsCard';
import { latestMoveTo } from './portal-logic';
import { WithdrawButton } from './WithdrawButton';

/**
 * A submitted application, read-only: the engine's answer stored at submission with its policy
 * version, the items with approved and allocated amounts, the status timeline, the files and
 * the facts as sent.
 */
export function ApplicationSubmittedView({ app }: { app: ApplicationView }) {
  const { t } = useTranslation('portal');
  const screens = Grid.useBreakpoint();
  const rejected = app.status === 'rejected' ? latestMoveTo(app.timeline, 'rejected') : null;
  const hasDecisions = app.items.some((i) => i.approvedAmount !== null || i.allocatedAmount !== null);
  return (
    <div data-testid="application-submitted">
      {rejected && (
        <Alert
          type="error"
          showIcon
          title={t('view.rejected')}
          description={rejected.note ? `${rejected.note}(${rejected.actor} · ${formatTime(rejected.at)})` : undefined}
          style={{ marginBottom: 16 }}
        />
      )}
      {app.status === 'submitted' && (
        <Alert
          type="success"
          showIcon
          title={t('view.submittedHint')}
          description={canWithdraw(app.status) ? t('withdraw.hint') : undefined}
          action={canWithdraw(app.status) ? <WithdrawButton app={app} /> : undefined}
          style={{ marginBottom: 16 }}
        />
      )}
      {app.number && (
        <Link
          to={`/portal/applications/${app.id}/receipt`}
          data-testid="receipt-link"
          style={{ display: 'inline-block', marginBottom: 16 }}
        >
          <FileDoneOutlined /> {t('receipt.open')}
        </Link>
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card title={t('view.figures')}>
              <Row gutter={[16, 16]}>
                <Col xs={12} md={8}>
                  <Statistic title={t('apps.engineTotal')} value={app.engineTotal} suffix={t('yuan', { ns: 'common' })} />
                </Col>
                <Col xs={12} md={8}>
                  <Statistic
                    title={t('apps.approvedTotal')}
                    value={app.approvedTotal ?? '—'}
                    suffix={app.approvedTotal === null ? undefined : t('yuan', { ns: 'common' })}
                  />
                </Col>
                <Col xs={12} md={8}>
                  <Statistic
                    title={t('apps.allocatedTotal')}
                    value={app.allocatedTotal ?? '—'}
                    suffix={app.allocatedTotal === null ? undefined : t('yuan', { ns: 'common' })}
                  />
                </Col>
              </Row>
              <Descriptions
                size="small"
                column={{ xs: 1, md: 2 }}
                style={{ marginTop: 16 }}
                items={[
                  { key: 'submitted', label: t('apps.submittedAt'), children: formatTime(app.submittedAt) },
                  {
                    key: 'version',
                    label: t('view.policyVersion'),
                    children: <span data-testid="policy-version">{app.policyVersion ?? '—'}</span>,
                  },
                ]}
              />
            </Card>
            {hasDecisions && <ItemsCard items={app.items} allocation={app.allocation} />}
            <Card title={t('view.result')} data-testid="stored-result">
              {app.result ? (
                <>
                  <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
                    {t('view.resultHint')}
                  </Typography.Paragraph>
                  <ResultsView answer={app.result} onlyRelevant />
                </>
              ) : (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
              )}
            </Card>
            <Card title={t('view.facts')}>
              <FactsEditor value={app.request.facts} onChange={() => undefined} topics={topicsOf(app.request.facts)} disabled />
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <Space orientation="vertical" size={16} style={{ width: '100%', ...(screens.xl ? { position: 'sticky', top: 80 } : {}) }}>
            <Card title={t('timeline.title', { ns: 'common' })} data-testid="timeline-card">
              <ApplicationTimeline events={app.timeline} />
            </Card>
            <AttachmentsCard app={app} editable={false} results={app.result?.results ?? []} />
          </Space>
        </Col>
      </Row>
    </div>
  );
}

/** An item's key, as the allocation names it ('' for an enterprise-level measure). */
const itemKey = (measure: string, subject: string | null) => `${measure}|${subject ?? ''}`;

/**
 * The items the engine granted, with what the bureau approved and allocated for each; once the
 * allocation is committed, each item's ratio and why (the budget that bound, +1 元).
 */
function ItemsCard({ items, allocation }: { items: readonly ApplicationItem[]; allocation: ApplicationAllocation | null }) {
  const { t, i18n } = useTranslation('portal');
  const { t: tc } = useTranslation('common');
  const measures = useMeasureIndex();
  const articleOf = useArticleIndex();
  const articleName: ArticleName = (n) => articleOf.get(n)?.citation ?? String(n);
  const allocated = new Map((allocation?.items ?? []).map((i) => [itemKey(i.measure, i.subject), i]));
  const reasonOf = (i: ApplicationItem) => {
    const a = allocated.get(itemKey(i.measure, i.subject));
    return a && allocation ? itemReason(tc, a, allocation.bindings, allocation.method, articleName) : null;
  };
  const columns: ColumnsType<ApplicationItem> = [
    {
      title: t('awards.measure'),
      key: 'measure',
      render: (_, i) => {
        const m = measures.get(i.measure);
        return (
          <span>
            <Typography.Text strong>{i.measure}</Typography.Text>{' '}
            <Typography.Text type="secondary">{m ? (i18n.language === 'en' ? m.citationEn : m.citationZh) : ''}</Typography.Text>
          </span>
        );
      },
    },
    { title: t('awards.subject'), dataIndex: 'subject', key: 'subject', render: (s: string | null) => s ?? '—' },
    { title: t('apps.engineTotal'), dataIndex: 'engineAmount', key: 'engine', align: 'right', render: (v: number) => <Money value={v} /> },
    {
      title: t('apps.approvedTotal'),
      dataIndex: 'approvedAmount',
      key: 'approved',
      align: 'right',
      render: (v: number | null) => <Money value={v} />,
    },
    {
      title: t('apps.allocatedTotal'),
      dataIndex: 'allocatedAmount',
      key: 'allocated',
      align: 'right',
      render: (v: number | null) => <Money value={v} />,
    },
    ...(allocation
      ? [
          {
            title: t('view.allocationRatio'),
            key: 'ratio',
            align: 'right' as const,
            render: (_: unknown, i: ApplicationItem) => {
              const a = allocated.get(itemKey(i.measure, i.subject));
              return a?.percent ? (
                <span data-testid="item-ratio">
                  {a.percent}%
                  {(a.remainderYuan ?? 0) > 0 && (
                    <Tag color="blue" style={{ marginInlineStart: 4, marginInlineEnd: 0 }}>
                      {tc('allocationRule.plusYuan', { count: a.remainderYuan })}
                    </Tag>
                  )}
                </span>
              ) : (
                '—'
              );
            },
          },
        ]
      : []),
  ];
  return (
    <Card title={t('view.items')}>
      {allocation && allocation.items.length > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('view.allocation')}
          data-testid="allocation-explanation"
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {items.map((i) => {
                const a = allocated.get(itemKey(i.measure, i.subject));
                if (!a) return null;
                const m = measures.get(i.measure);
                return (
                  <li key={itemKey(i.measure, i.subject)}>
                    <Typography.Text strong>
                      {i.measure}
                      {m ? ` ${i18n.language === 'en' ? m.citationEn : m.citationZh}` : ''}
                    </Typography.Text>
                    {i18n.language === 'en' ? ': ' : '：'}
                    {tc('allocationRule.itemLine', {
                      approved: formatYuan(a.approved),
                      allocated: formatYuan(a.allocated),
                      percent: a.percent ?? '—',
                    })}
                    {i18n.language === 'en' ? '. ' : '。'}
                    {reasonOf(i) && `${reasonOf(i)}${tc('allocationRule.stop')}`}
                  </li>
                );
              })}
            </ul>
          }
        />
      )}
      <Table<ApplicationItem>
        size="small"
        rowKey={(i) => `${i.measure}|${i.subject ?? ''}`}
        columns={columns}
        dataSource={[...items]}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
    </Card>
  );
}
