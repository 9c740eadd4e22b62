import type { Assignment } from '@ftai/api';
import { Button, Card, Col, Descriptions, Empty, Grid, Row, Segmented, Skeleton, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { LoadFailed } from '../../components/LoadFailed';
import { Money } from '../../components/Money';
import { ServerPager } from '../../components/ServerPager';
import { ApplicationStatusTag } from '../../components/StatusTag';
import { formatTime } from '../../lib/format';
import { openingTab, REVIEW_TABS, type ReviewTab, reviewStage } from './review-logic';
import { useAssignments, useStageCounts } from './review-queries';

const STAGE_COLORS = { declare: 'orange', score: 'blue', scored: 'green', closed: 'default' } as const;

const COUNTED = ['declare', 'score', 'scored'] as const;

/**
 * The applications assigned to the signed-in reviewer: what waits for a declaration, a score, or
 * is done, a stage at a time (pending work first) or all, newest first; the server pages.
 */
export function ReviewList() {
  const { t } = useTranslation('review');
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const isWide = screens.md ?? true;
  const counts = useStageCounts(COUNTED);
  const [declare, score, scored] = counts.map((c) => c.data ?? 0) as [number, number, number];
  const isCounted = counts.every((c) => c.data !== undefined || c.isError);
  // Until the reviewer picks a tab, the console opens on the first stage with work waiting.
  const [picked, setPicked] = useState<ReviewTab | undefined>(undefined);
  const tab = picked ?? (isCounted ? openingTab({ declare, score }) : undefined);
  const assignments = useAssignments(tab === 'all' ? undefined : tab, 20, tab !== undefined);
  const list = assignments.data?.assignments ?? [];
  const figures = { declare, score, scored };
  const loading = assignments.isLoading || tab === undefined;
  const open = (a: Assignment) => navigate(`/review/assignments/${a.id}`);

  const progress = (a: Assignment) => {
    const stage = reviewStage(a);
    return (
      <Space size={4} wrap>
        <Tag color={STAGE_COLORS[stage]}>{t(`stage.${stage}`)}</Tag>
        {a.totalScore !== null && (
          <Typography.Text strong data-testid={`score-${a.id}`}>
            {t('list.points', { score: a.totalScore })}
          </Typography.Text>
        )}
      </Space>
    );
  };
  const action = (a: Assignment) => {
    const stage = reviewStage(a);
    return (
      <Button type={stage === 'declare' || stage === 'score' ? 'primary' : 'default'} size="small" onClick={() => open(a)}>
        {t(`list.action.${stage}`)}
      </Button>
    );
  };

  const columns: ColumnsType<Assignment> = [
    {
      title: t('list.enterprise'),
      key: 'enterprise',
      render: (_, a) => (
        <div>
          <Link to={`/review/assignments/${a.id}`}>{a.application.enterpriseName}</Link>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {a.application.creditCode}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    { title: t('list.call'), key: 'call', render: (_, a) => a.application.callTitle, responsive: ['xl'] },
    { title: t('list.status'), key: 'status', render: (_, a) => <ApplicationStatusTag status={a.application.status} /> },
    {
      title: t('list.engineTotal'),
      key: 'total',
      align: 'right',
      render: (_, a) => <Money value={a.application.engineTotal} />,
    },
    { title: t('list.items'), key: 'items', align: 'right', render: (_, a) => a.application.items.length, responsive: ['lg'] },
    { title: t('list.progress'), key: 'progress', render: (_, a) => progress(a) },
    { title: t('list.assignedAt'), dataIndex: 'assignedAt', key: 'assignedAt', render: (v: string) => formatTime(v), responsive: ['lg'] },
    { title: t('actions', { ns: 'common' }), key: 'action', render: (_, a) => action(a) },
  ];

  return (
    <div data-testid="review-list">
      <Typography.Title level={1} style={{ marginTop: 0, fontSize: 24 }}>
        {t('list.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('list.intro')}</Typography.Paragraph>
      {assignments.isError && <LoadFailed error={assignments.error} onRetry={() => void assignments.refetch()} />}
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {COUNTED.map((s) => (
          <Col xs={8} key={s}>
            <Card size="small" hoverable onClick={() => setPicked(s)} data-testid={`stage-count-${s}`}>
              <Statistic title={t(`stage.${s}`)} value={figures[s]} loading={!isCounted} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card
        title={t('list.assigned')}
        extra={
          <Segmented<ReviewTab>
            size="small"
            value={tab ?? 'all'}
            onChange={setPicked}
            options={REVIEW_TABS.map((s) => ({ value: s, label: s === 'all' ? t('list.all') : t(`stage.${s}`) }))}
            data-testid="stage-tabs"
          />
        }
      >
        {isWide ? (
          <Table<Assignment>
            rowKey="id"
            loading={loading || assignments.isFetching}
            columns={columns}
            dataSource={list}
            pagination={false}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('list.none')} /> }}
          />
        ) : loading ? (
          <Skeleton active />
        ) : list.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('list.none')} />
        ) : (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {list.map((a) => (
              <Card
                key={a.id}
                size="small"
                title={a.application.enterpriseName}
                extra={<ApplicationStatusTag status={a.application.status} />}
              >
                <Descriptions
                  size="small"
                  column={1}
                  items={[
                    { key: 'call', label: t('list.call'), children: a.application.callTitle },
                    { key: 'total', label: t('list.engineTotal'), children: <Money value={a.application.engineTotal} /> },
                    { key: 'progress', label: t('list.progress'), children: progress(a) },
                  ]}
                />
                <div style={{ textAlign: 'right' }}>{action(a)}</div>
              </Card>
            ))}
          </Space>
        )}
        <ServerPager {...assignments} hideOnSinglePage />
      </Card>
    </div>
  );
}
