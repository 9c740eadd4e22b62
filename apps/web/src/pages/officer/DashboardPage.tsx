import { Button, Card, Col, Flex, Grid, Row, Space, Statistic, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { EChart, type EChartOption } from '../../components/EChart';
import { ApplicationStatusTag } from '../../components/StatusTag';
import { formatYuan } from '../../lib/format';
import {
  articleChartOption,
  type ChartLabels,
  FIGURE_COLORS,
  type Figure,
  measureChartOption,
  topEnterprisesOption,
} from './lib/dashboard-charts';
import { QUEUE_STATUSES } from './lib/queue-filter';
import { percentOf } from './lib/yuan';
import { useDashboard } from './officer-api';
import { CallSelect, PageHeader, QueryState } from './parts';
import { useSelectedCall } from './use-selected-call';

function Chart({ option, height, testId, label }: { option: EChartOption; height: number; testId: string; label: string }) {
  return (
    <div data-testid={testId}>
      <EChart option={option} height={height} label={label} />
    </div>
  );
}

/**
 * The budget dashboard of a call (预算看板): the budget against what enterprises requested (the
 * engine's figures), what officers approved, what the allocation gave and what was paid — in
 * total, by article and by measure — the enterprises with the largest awards, and how many
 * applications stand in each status.
 */
export default function DashboardPage() {
  const { t, i18n } = useTranslation('officer');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const isNarrow = !(screens.lg ?? true);
  const { calls, call, setCallId } = useSelectedCall();
  const dashboard = useDashboard(call?.id);
  const d = dashboard.data;
  const charts = useMemo(() => {
    if (!d) return { article: {}, top: {}, measure: {} };
    const labels: ChartLabels = {
      budget: t('figure.budget'),
      requested: t('figure.requested'),
      approved: t('figure.approved'),
      allocated: t('figure.allocated'),
      paid: t('figure.paid'),
      yuan: t('yuan', { ns: 'common' }),
      wan: t('dashboard.wan'),
    };
    return {
      article: articleChartOption(d, lang, labels),
      top: topEnterprisesOption(d, labels),
      measure: measureChartOption(d, lang, labels, isNarrow),
    };
  }, [d, lang, t, isNarrow]);
  const carry = call ? `call=${encodeURIComponent(call.id)}` : '';

  const stat = (figure: Figure | 'available', value: number, caption?: string) => (
    <Col xs={12} sm={8} xl={4} key={figure}>
      <Card size="small" style={{ height: '100%', borderTop: `3px solid ${figure === 'available' ? '#722ed1' : FIGURE_COLORS[figure]}` }}>
        <Statistic
          title={t(`figure.${figure}`)}
          value={value}
          formatter={(v) => formatYuan(Number(v))}
          suffix={<span style={{ fontSize: 13 }}>{t('yuan', { ns: 'common' })}</span>}
          styles={{ content: { fontSize: 20, fontVariantNumeric: 'tabular-nums' } }}
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {caption ?? '\u00a0'}
        </Typography.Text>
      </Card>
    </Col>
  );

  const ofBudget = (v: number) => {
    const p = percentOf(v, d?.totals.budget);
    return p === null ? undefined : t('dashboard.ofBudget', { percent: p });
  };

  return (
    <div>
      <PageHeader
        title={t('dashboard.title')}
        subtitle={d ? t('dashboard.subtitle', { year: d.call.year }) : undefined}
        extra={<CallSelect calls={calls.data ?? []} loading={calls.isLoading} value={call?.id} onChange={setCallId} />}
      />
      <QueryState
        isLoading={calls.isLoading || dashboard.isLoading}
        error={calls.error ?? dashboard.error}
        isEmpty={!calls.isLoading && !call}
        empty={t('call.none')}
        onRetry={() => void dashboard.refetch()}
      >
        {d && (
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Row gutter={[12, 12]}>
              {stat('budget', d.totals.budget, d.call.status === 'open' ? t('call.status.open') : t('call.status.closed'))}
              {stat('requested', d.totals.requested, ofBudget(d.totals.requested))}
              {stat('approved', d.totals.approved, ofBudget(d.totals.approved))}
              {stat('allocated', d.totals.allocated, ofBudget(d.totals.allocated))}
              {stat('paid', d.totals.paid, ofBudget(d.totals.paid))}
              {stat('available', d.totals.available, ofBudget(d.totals.available))}
            </Row>
            <Card
              title={t('dashboard.counts')}
              size="small"
              extra={<Link to={`/officer/applications?${carry}`}>{t('dashboard.toQueue')}</Link>}
            >
              <StatusCounts counts={d.counts} carry={carry} />
            </Card>
            <Row gutter={[16, 16]}>
              <Col xs={24} xl={14}>
                <Card title={t('dashboard.byArticle')} size="small" style={{ height: '100%' }}>
                  <Chart testId="chart-article" option={charts.article} height={320} label={t('dashboard.byArticle')} />
                </Card>
              </Col>
              <Col xs={24} xl={10}>
                <Card title={t('dashboard.top')} size="small" style={{ height: '100%' }}>
                  {d.topEnterprises.length === 0 ? (
                    <Flex align="center" justify="center" style={{ height: 320 }}>
                      <Typography.Text type="secondary">{t('dashboard.noAwards')}</Typography.Text>
                    </Flex>
                  ) : (
                    <Chart testId="chart-top" option={charts.top} height={320} label={t('dashboard.top')} />
                  )}
                </Card>
              </Col>
            </Row>
            <Card title={t('dashboard.byMeasure')} size="small">
              {d.byMeasure.length === 0 ? (
                <Flex align="center" justify="center" style={{ height: 160 }}>
                  <Typography.Text type="secondary">{t('dashboard.noApplications')}</Typography.Text>
                </Flex>
              ) : (
                <Chart testId="chart-measure" option={charts.measure} height={300} label={t('dashboard.byMeasure')} />
              )}
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
                {t('dashboard.note')}
              </Typography.Paragraph>
            </Card>
            {d.totals.available <= 0 && d.counts.approved > 0 && (
              <Card size="small">
                <Flex justify="space-between" align="center" wrap gap={8}>
                  <Typography.Text>{t('dashboard.waiting', { count: d.counts.approved })}</Typography.Text>
                  <Space>
                    <Button onClick={() => navigate('/officer/calls')}>{t('dashboard.raiseBudget')}</Button>
                    <Button type="primary" onClick={() => navigate(`/officer/allocation?${carry}`)}>
                      {t('nav.allocation')}
                    </Button>
                  </Space>
                </Flex>
              </Card>
            )}
          </Space>
        )}
      </QueryState>
    </div>
  );
}

function StatusCounts({ counts, carry }: { counts: Record<string, number>; carry: string }) {
  const { t } = useTranslation();
  return (
    <Flex wrap gap={8}>
      {QUEUE_STATUSES.map((s) => (
        <Link
          key={s}
          to={`/officer/applications?${carry}&status=${s}`}
          data-testid={`count-${s}`}
          aria-label={`${t(`status.${s}`)} ${counts[s] ?? 0}`}
          style={{ color: 'inherit' }}
        >
          <Flex align="center" gap={6} style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '4px 6px 4px 4px' }}>
            <ApplicationStatusTag status={s} />
            <span style={{ fontWeight: 600, fontVariantNumeric: 'tabular-nums', minWidth: 16, textAlign: 'right' }}>{counts[s] ?? 0}</span>
          </Flex>
        </Link>
      ))}
    </Flex>
  );
}
