import { ArrowDownOutlined } from '@ant-design/icons';
import type { ApplicationView, Assignment } from '@ftai/api';
import { useQuery } from '@tanstack/react-query';
import { Breadcrumb, Button, Card, Col, Descriptions, Empty, Grid, Result, Row, Skeleton, Space, Steps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../api/client';
import { ApplicationTimeline } from '../../components/ApplicationTimeline';
import { AttachmentList } from '../../components/AttachmentList';
import { FactsEditor } from '../../components/facts-editor/FactsEditor';
import { topicsOf } from '../../components/facts-editor/fact-fields';
import { LoadFailed } from '../../components/LoadFailed';
import { Money } from '../../components/Money';
import { ResultsView } from '../../components/ResultsView';
import { ApplicationStatusTag } from '../../components/StatusTag';
import { formatTime } from '../../lib/format';
import { DeclarationCard } from './DeclarationCard';
import { reviewStage } from './review-logic';
import { useAssignment, useRubric } from './review-queries';
import { ScoringCard } from './ScoringCard';

const STEP: Record<ReturnType<typeof reviewStage>, number> = { declare: 0, score: 1, scored: 2, closed: 2 };

/**
 * One assignment (/review/assignments/:id): the declaration first; once declared, the
 * application (the engine's stored answer, the facts, the files) beside the rubric scoring.
 */
export function ReviewAssignmentPage() {
  const { t } = useTranslation('review');
  const { id } = useParams();
  const navigate = useNavigate();
  const found = useAssignment(id);
  const rubric = useRubric();
  const assignment = found.data;

  if (found.isLoading) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (found.isError) return <LoadFailed error={found.error} onRetry={() => void found.refetch()} />;
  if (!assignment) {
    return (
      <Result
        status="404"
        title={t('page.goneTitle')}
        subTitle={t('page.gone')}
        extra={
          <Button type="primary" onClick={() => navigate('/review')}>
            {t('page.back')}
          </Button>
        }
      />
    );
  }
  const stage = reviewStage(assignment);
  return (
    <div data-testid="review-assignment">
      <Breadcrumb
        items={[{ title: <Link to="/review">{t('list.title')}</Link> }, { title: t('page.crumb') }]}
        style={{ marginBottom: 8 }}
      />
      <Space wrap align="center" size={[12, 4]}>
        <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>
          {assignment.application.enterpriseName}
        </Typography.Title>
        <ApplicationStatusTag status={assignment.application.status} />
      </Space>
      <div style={{ marginBottom: 16 }}>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {assignment.application.creditCode} · {assignment.application.callTitle} ·{' '}
          {t('page.assignedAt', { time: formatTime(assignment.assignedAt) })}
        </Typography.Text>
      </div>
      <Steps
        current={STEP[stage]}
        status={stage === 'scored' || stage === 'closed' ? 'finish' : 'process'}
        size="small"
        style={{ marginBottom: 24, maxWidth: 760 }}
        items={[
          { title: t('page.step1') },
          { title: t('page.step2') },
          { title: stage === 'closed' ? t('page.step3closed') : t('page.step3') },
        ]}
      />
      {stage === 'declare' ? (
        <DeclarationCard assignment={assignment} />
      ) : (
        <Materials assignment={assignment}>
          {rubric.data ? (
            <ScoringCard key={`${assignment.id}|${assignment.scoredAt ?? ''}`} assignment={assignment} rubric={rubric.data} />
          ) : rubric.isError ? (
            <LoadFailed error={rubric.error} onRetry={() => void rubric.refetch()} />
          ) : (
            <Card>
              <Skeleton active />
            </Card>
          )}
        </Materials>
      )}
    </div>
  );
}

/** What the reviewer reads: the engine's answer stored at submission, the facts, the files, the timeline. */
function Materials({ assignment, children }: { assignment: Assignment; children: React.ReactNode }) {
  const { t } = useTranslation('review');
  const screens = Grid.useBreakpoint();
  const app = useQuery({
    queryKey: ['application', assignment.applicationId],
    queryFn: () => api.get<ApplicationView>(`/api/v1/applications/${encodeURIComponent(assignment.applicationId)}`),
  });
  const data = app.data;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={15}>
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          {!screens.xl && (
            <Button
              icon={<ArrowDownOutlined />}
              onClick={() => document.getElementById('review-scoring')?.scrollIntoView({ behavior: 'smooth' })}
            >
              {t('page.toScoring')}
            </Button>
          )}
          {app.isError && <LoadFailed error={app.error} onRetry={() => void app.refetch()} />}
          <Card title={t('page.result')} data-testid="review-result">
            {app.isLoading ? (
              <Skeleton active />
            ) : data?.result ? (
              <>
                <Descriptions
                  size="small"
                  column={{ xs: 1, md: 3 }}
                  items={[
                    { key: 'total', label: t('list.engineTotal'), children: <Money value={data.engineTotal} strong /> },
                    { key: 'submitted', label: t('page.submittedAt'), children: formatTime(data.submittedAt) },
                    { key: 'version', label: t('page.policyVersion'), children: data.policyVersion ?? '—' },
                  ]}
                  style={{ marginBottom: 12 }}
                />
                <ResultsView answer={data.result} onlyRelevant />
              </>
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
            )}
          </Card>
          <Card title={t('page.facts')}>
            {data ? (
              <FactsEditor value={data.request.facts} onChange={() => undefined} topics={topicsOf(data.request.facts)} disabled />
            ) : (
              <Skeleton active />
            )}
          </Card>
          <Card title={t('attachments.title', { ns: 'common' })}>
            {data ? <AttachmentList attachments={data.attachments} /> : <Skeleton active paragraph={{ rows: 1 }} />}
          </Card>
          <Card title={t('timeline.title', { ns: 'common' })}>
            {data ? <ApplicationTimeline events={data.timeline} /> : <Skeleton active paragraph={{ rows: 2 }} />}
          </Card>
        </Space>
      </Col>
      <Col xs={24} xl={9}>
        <div id="review-scoring" style={screens.xl ? { position: 'sticky', top: 80 } : { scrollMarginTop: 72 }}>
          {children}
        </div>
      </Col>
    </Row>
  );
}
