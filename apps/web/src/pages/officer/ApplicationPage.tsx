import { ArrowLeftOutlined, PaperClipOutlined } from '@ant-design/icons';
import type { ApplicationItem, ApplicationView } from '@ftai/api';
import { Card, Col, Descriptions, Empty, Flex, Grid, List, Row, Space, Table, Tabs, Tag, Timeline, Typography } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMeasureIndex } from '../../api/use-catalogue';
import { formatBytes } from '../../components/AttachmentList';
import { Money } from '../../components/Money';
import { ResultsView } from '../../components/ResultsView';
import { ApplicationStatusTag } from '../../components/StatusTag';
import { formatTime, formatYuan } from '../../lib/format';
import { ActionsCard } from './application/ActionsCard';
import { ApprovalForm } from './application/ApprovalForm';
import { FactsView } from './application/FactsView';
import { ReviewersCard } from './application/ReviewersCard';
import { useApplication, useEnterprise } from './officer-api';
import { QueryState } from './parts';

/**
 * One application as the officer handles it: the enterprise and its facts, the engine's answer
 * with every step, the approved and allocated amounts, the reviewers and their scores, the files,
 * the timeline, and the moves allowed now.
 */
export function ApplicationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('officer');
  const application = useApplication(id);
  const approvalRef = useRef<HTMLDivElement>(null);
  const a = application.data;
  const screens = Grid.useBreakpoint();
  // On a narrow screen the actions come right after the summary, not after everything else.
  const isWide = screens.xl ?? true;
  const actions = a && (
    <ActionsCard application={a} onApprove={() => approvalRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' })} />
  );

  return (
    <div>
      <Link to={`/officer/applications${a ? `?call=${a.callId}` : ''}`}>
        <ArrowLeftOutlined /> {t('application.back')}
      </Link>
      <div style={{ marginTop: 12 }}>
        <QueryState isLoading={application.isLoading} error={application.error} onRetry={() => void application.refetch()}>
          {a && (
            <Row gutter={[16, 16]}>
              <Col xs={24} xl={16}>
                <Space orientation="vertical" size={16} style={{ width: '100%' }}>
                  <Summary application={a} />
                  {!isWide && actions}
                  {a.allowedMoves.includes('approved') && (
                    <div ref={approvalRef}>
                      <ApprovalForm key={a.updatedAt} application={a} />
                    </div>
                  )}
                  {a.approvedTotal !== null && <DecidedItems application={a} />}
                  <Card title={t('application.result')} size="small">
                    {a.result ? (
                      <ResultsView answer={a.result} onlyRelevant />
                    ) : (
                      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('application.noResult')} />
                    )}
                  </Card>
                  <FactsCard application={a} />
                </Space>
              </Col>
              <Col xs={24} xl={8}>
                <Space orientation="vertical" size={16} style={{ width: '100%' }}>
                  {isWide && actions}
                  {(a.status === 'under_review' || a.score !== null) && <ReviewersCard application={a} />}
                  <Attachments application={a} />
                  <TimelineCard application={a} />
                </Space>
              </Col>
            </Row>
          )}
        </QueryState>
      </div>
    </div>
  );
}

function Summary({ application: a }: { application: ApplicationView }) {
  const { t } = useTranslation('officer');
  return (
    <Card size="small">
      <Flex justify="space-between" align="start" wrap gap={8}>
        <div style={{ minWidth: 0 }}>
          <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }} data-testid="application-title">
            {a.enterpriseName ?? a.creditCode}
          </Typography.Title>
          <Typography.Text type="secondary" copyable={{ text: a.creditCode }}>
            {t('application.creditCode')} {a.creditCode}
          </Typography.Text>
        </div>
        <span data-testid="application-status">
          <ApplicationStatusTag status={a.status} />
        </span>
      </Flex>
      <Descriptions
        size="small"
        style={{ marginTop: 12 }}
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          { key: 'number', label: t('application.number'), children: a.number ?? '—' },
          { key: 'call', label: t('application.call'), children: a.call?.title ?? a.callId, span: { xs: 1, sm: 2, lg: 2 } },
          { key: 'engine', label: t('figure.requested'), children: <Money value={a.engineTotal} strong /> },
          { key: 'approved', label: t('figure.approved'), children: <Money value={a.approvedTotal} strong /> },
          { key: 'allocated', label: t('figure.allocated'), children: <Money value={a.allocatedTotal} strong /> },
          { key: 'score', label: t('queue.score'), children: a.score ?? '—' },
          { key: 'submitted', label: t('queue.submittedAt'), children: formatTime(a.submittedAt) },
          { key: 'version', label: t('application.policyVersion'), children: a.policyVersion ?? '—' },
        ]}
      />
    </Card>
  );
}

/** After approval: each item's engine figure, approved and allocated amount. */
function DecidedItems({ application: a }: { application: ApplicationView }) {
  const { t } = useTranslation('officer');
  const measures = useMeasureIndex(a.call?.year);
  return (
    <Card title={t('application.items')} size="small">
      <Table<ApplicationItem>
        size="small"
        pagination={false}
        rowKey={(i) => `${i.measure}|${i.subject ?? ''}`}
        dataSource={[...a.items]}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('approve.item'),
            key: 'item',
            render: (_, i) => (
              <span>
                <Typography.Text strong>{i.measure}</Typography.Text>{' '}
                <Typography.Text type="secondary">{measures.get(i.measure)?.citation}</Typography.Text>
                {i.subject && <Tag style={{ marginInlineStart: 6 }}>{i.subject}</Tag>}
                {i.review && (
                  <Tag color="gold" style={{ marginInlineStart: 6 }}>
                    {t('approve.review')}
                  </Tag>
                )}
              </span>
            ),
          },
          { title: t('approve.engine'), dataIndex: 'engineAmount', align: 'right', render: (v: number) => <Money value={v} /> },
          {
            title: t('figure.approved'),
            dataIndex: 'approvedAmount',
            align: 'right',
            render: (v: number | null) => <Money value={v} strong />,
          },
          { title: t('figure.allocated'), dataIndex: 'allocatedAmount', align: 'right', render: (v: number | null) => <Money value={v} /> },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <Typography.Text strong>{t('total', { ns: 'common' })}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              <Money value={a.engineTotal} />
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              <Money value={a.approvedTotal} strong />
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} align="right">
              <Money value={a.allocatedTotal} />
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
    </Card>
  );
}

function FactsCard({ application: a }: { application: ApplicationView }) {
  const { t } = useTranslation('officer');
  const enterprise = useEnterprise(a.creditCode);
  const profile = { ...(enterprise.data?.profile ?? {}), ...(a.request.enterprise ?? {}) };
  delete profile.creditCode;
  return (
    <Card size="small" styles={{ body: { paddingTop: 0 } }}>
      <Tabs
        items={[
          { key: 'facts', label: t('application.facts'), children: <FactsView facts={a.request.facts} /> },
          {
            key: 'enterprise',
            label: t('application.enterprise'),
            children: (
              <QueryState isLoading={enterprise.isLoading} error={enterprise.error}>
                <FactsView facts={profile} />
              </QueryState>
            ),
          },
          {
            key: 'awards',
            label: t('application.awards'),
            children: (
              <QueryState
                isLoading={enterprise.isLoading}
                error={enterprise.error}
                isEmpty={(enterprise.data?.awards ?? []).length === 0}
                empty={t('application.noAwards')}
              >
                <Table
                  size="small"
                  pagination={false}
                  rowKey={(w) => `${w.applicationId}|${w.measure}|${w.subject ?? ''}`}
                  dataSource={[...(enterprise.data?.awards ?? [])]}
                  scroll={{ x: 'max-content' }}
                  columns={[
                    { title: t('application.year'), dataIndex: 'year' },
                    { title: t('approve.item'), key: 'm', render: (_, w) => `${w.measure}${w.subject ? ` · ${w.subject}` : ''}` },
                    { title: t('application.amount'), dataIndex: 'amount', align: 'right', render: (v: number) => formatYuan(v) },
                    {
                      title: t('application.awardStatus'),
                      dataIndex: 'status',
                      render: (s: string) => t(`awardStatus.${s}`, { defaultValue: s }),
                    },
                  ]}
                />
              </QueryState>
            ),
          },
        ]}
      />
    </Card>
  );
}

function Attachments({ application: a }: { application: ApplicationView }) {
  const { t } = useTranslation('officer');
  return (
    <Card title={t('application.attachments', { count: a.attachments.length })} size="small">
      {a.attachments.length === 0 ? (
        <Typography.Text type="secondary">{t('application.noAttachments')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={[...a.attachments]}
          renderItem={(f) => (
            <List.Item>
              <div style={{ minWidth: 0 }}>
                <a href={f.url} target="_blank" rel="noreferrer">
                  <PaperClipOutlined /> {f.filename}
                </a>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatBytes(f.size)} · {f.uploadedBy} · {formatTime(f.at)}
                  </Typography.Text>
                </div>
              </div>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

function TimelineCard({ application: a }: { application: ApplicationView }) {
  const { t } = useTranslation('officer');
  return (
    <Card title={t('application.timeline')} size="small">
      <Timeline
        items={a.timeline.map((e) => ({
          key: e.seq,
          color: e.to === 'rejected' ? 'red' : e.to === 'returned' ? 'orange' : e.to === 'paid' || e.to === 'final' ? 'green' : 'blue',
          content: (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatTime(e.at)}
              </Typography.Text>
              <Space size={4} wrap>
                {e.from && <ApplicationStatusTag status={e.from} />}
                {e.from && <span>→</span>}
                <ApplicationStatusTag status={e.to} />
              </Space>
              <div style={{ fontSize: 12, color: '#595959' }}>
                {e.actor} · {t(`role.${e.role}`, { ns: 'common', defaultValue: e.role })}
              </div>
              {e.note && <div style={{ fontSize: 13 }}>{e.note}</div>}
            </div>
          ),
        }))}
      />
    </Card>
  );
}
