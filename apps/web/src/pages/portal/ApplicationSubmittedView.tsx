import type { ApplicationItem, ApplicationView } from '@ftai/api';
import { Alert, Card, Col, Descriptions, Empty, Grid, Row, Space, Statistic, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useMeasureIndex } from '../../api/use-catalogue';
import { ApplicationTimeline } from '../../components/ApplicationTimeline';
import { FactsEditor } from '../../components/facts-editor/FactsEditor';
import { topicsOf } from '../../components/facts-editor/fact-fields';
import { Money } from '../../components/Money';
import { ResultsView } from '../../components/ResultsView';
import { formatTime } from '../../lib/format';
import { AttachmentsCard } from './AttachmentsCard';
import { latestMoveTo } from './portal-logic';

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
      {app.status === 'submitted' && <Alert type="success" showIcon title={t('view.submittedHint')} style={{ marginBottom: 16 }} />}
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
            {hasDecisions && <ItemsCard items={app.items} />}
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
            <AttachmentsCard app={app} editable={false} />
          </Space>
        </Col>
      </Row>
    </div>
  );
}

/** The items the engine granted, with what the bureau approved and allocated for each. */
function ItemsCard({ items }: { items: readonly ApplicationItem[] }) {
  const { t, i18n } = useTranslation('portal');
  const measures = useMeasureIndex();
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
  ];
  return (
    <Card title={t('view.items')}>
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
