import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons';
import type { Simulation, SimulationChange, SimulationResult } from '@ftai/api';
import { measureLabel, resultStatusWord } from '@ftai/policy-fengtai/report/words';
import { Alert, Card, Col, Descriptions, Flex, Progress, Row, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { articleShortLabel } from '../../api/article-label';
import { useArticleIndex, useMeasureIndex } from '../../api/use-catalogue';
import { EChart } from '../../components/EChart';
import { Money } from '../../components/Money';
import { ScrollRegion } from '../../components/ScrollRegion';
import { formatAmount, formatDateTime, formatYuan } from '../../lib/format';
import { BudgetEstimateCard } from './BudgetEstimateCard';
import {
  articleChartOption,
  changeChartOption,
  distributionChartOption,
  overBudget,
  type SimulationChartLabels,
  signedYuan,
} from './lib/simulation-charts';
import { PageHeader, QueryState } from './parts';
import { Difference, SIMULATION_STATUS_COLORS } from './SimulationsPage';
import { useSimulation } from './versions-api';

type Lang = 'zh' | 'en';

/**
 * 政策模拟 (/officer/simulations/:id): its progress while it runs (asked again every 2 seconds),
 * then what version B costs against version A — the totals and 差额, the enterprises that gain,
 * lose or stay, the articles beside their budgets, the distribution of award sizes, each measure,
 * whether the call's budgets cover each version, the 20 largest changes with both explanations —
 * the workbook; and below, 年度预算测算 from its figures.
 */
export function SimulationPage() {
  const { t, i18n } = useTranslation('modelling');
  const lang: Lang = i18n.language === 'en' ? 'en' : 'zh';
  const { id = '' } = useParams();
  const sim = useSimulation(id);
  const s = sim.data;
  return (
    <div>
      <Link to="/officer/simulations" style={{ display: 'inline-block', marginBottom: 8 }}>
        <ArrowLeftOutlined /> {t('simulation.back')}
      </Link>
      <QueryState isLoading={sim.isLoading} error={sim.error} onRetry={() => void sim.refetch()}>
        {s && (
          <Flex vertical gap={16}>
            <PageHeader
              title={t('simulation.titleOf', { a: s.versionA.number, b: s.versionB.number })}
              subtitle={s.population.label}
              extra={
                s.xlsx ? (
                  <a href={s.xlsx} download data-testid="simulation-xlsx">
                    <DownloadOutlined /> {t('simulation.download')}
                  </a>
                ) : null
              }
            />
            <SimulationFacts simulation={s} lang={lang} />
            {(s.status === 'queued' || s.status === 'running') && <Running simulation={s} />}
            {s.status === 'failed' && <Alert type="error" showIcon title={t('simulation.failed')} description={s.error ?? ''} />}
            {s.status === 'cancelled' && <Alert type="warning" showIcon title={t('simulation.cancelled')} />}
            {s.result && <Result simulation={s} result={s.result} lang={lang} />}
            {s.status === 'done' && s.result && <BudgetEstimateCard simulation={s} />}
          </Flex>
        )}
      </QueryState>
    </div>
  );
}

function SimulationFacts({ simulation: s, lang }: { simulation: Simulation; lang: Lang }) {
  const { t } = useTranslation('modelling');
  return (
    <Card size="small">
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 1, md: 2, xl: 4 }}
        items={[
          {
            key: 'a',
            label: t('simulation.versionA'),
            children: (
              <Link to={`/officer/policy-versions/${s.versionA.number}`}>
                {t('versions.numbered', { n: s.versionA.number })} <span translate="no">{s.versionA.version}</span>
              </Link>
            ),
          },
          {
            key: 'b',
            label: t('simulation.versionB'),
            children: (
              <Link to={`/officer/policy-versions/${s.versionB.number}`}>
                {t('versions.numbered', { n: s.versionB.number })} <span translate="no">{s.versionB.version}</span>
              </Link>
            ),
          },
          {
            key: 'status',
            label: t('simulation.statusLabel'),
            children: <Tag color={SIMULATION_STATUS_COLORS[s.status]}>{t(`simulation.status.${s.status}`)}</Tag>,
          },
          { key: 'created', label: t('simulation.createdAt'), children: formatDateTime(s.createdAt, lang) },
        ]}
      />
    </Card>
  );
}

function Running({ simulation: s }: { simulation: Simulation }) {
  const { t } = useTranslation('modelling');
  const fraction = s.progress?.fraction ?? (s.rowsTotal ? s.rowsDone / s.rowsTotal : 0);
  const left = s.progress?.secondsLeft ?? null;
  return (
    <Card size="small" data-testid="simulation-running">
      <Typography.Text>{t('simulation.running')}</Typography.Text>
      <Progress percent={Math.min(99, Math.floor(fraction * 100))} status="active" aria-label={t('simulation.progress')} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('simulation.rowsDone', { done: s.rowsDone, total: s.rowsTotal ?? '?' })}
        {left !== null ? ` · ${t('simulation.left', { seconds: Math.ceil(left) })}` : ''}
      </Typography.Text>
    </Card>
  );
}

function Result({ simulation: s, result: r, lang }: { simulation: Simulation; result: SimulationResult; lang: Lang }) {
  const { t } = useTranslation('modelling');
  const articles = useArticleIndex();
  const articleLabel = (n: number) => articleShortLabel(articles.get(n), lang === 'en' ? `Article ${n}` : `第${n}条`);
  const labels: SimulationChartLabels = useMemo(
    () => ({
      a: t('simulation.sideA', { n: s.versionA.number }),
      b: t('simulation.sideB', { n: s.versionB.number }),
      budget: t('simulation.budget'),
      yuan: t('yuan', { ns: 'common' }),
      wan: t('simulation.wan'),
      enterprises: t('simulation.enterpriseCount'),
      gain: t('simulation.gain'),
      lose: t('simulation.lose'),
      unchanged: t('simulation.unchanged'),
      lang,
    }),
    [t, s.versionA.number, s.versionB.number, lang],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: articleLabel follows the catalogue (articles) and the language (labels)
  const charts = useMemo(
    () => ({
      article: articleChartOption(r, (n) => articles.get(n)?.citation ?? articleLabel(n), labels, articleLabel),
      distribution: distributionChartOption(r, labels),
      change: changeChartOption(r, labels),
    }),
    [r, labels, articles],
  );
  const stat = (key: string, title: string, value: number, extra?: React.ReactNode, color?: string) => (
    <Col xs={24} sm={8} key={key}>
      <Card size="small" style={{ height: '100%' }} data-testid={`total-${key}`}>
        <Statistic
          title={title}
          value={value}
          formatter={(v) => (key === 'difference' ? signedYuan(Number(v)) : formatYuan(Number(v)))}
          suffix={<span style={{ fontSize: 13 }}>{t('yuan', { ns: 'common' })}</span>}
          styles={{ content: { fontSize: 24, fontVariantNumeric: 'tabular-nums', color } }}
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {extra ?? '\u00a0'}
        </Typography.Text>
      </Card>
    </Col>
  );
  const e = r.enterprises;
  return (
    <Flex vertical gap={16}>
      <Row gutter={[12, 12]}>
        {stat('a', labels.a, r.total.a, t('simulation.granted', { count: e.grantedA }))}
        {stat('b', labels.b, r.total.b, t('simulation.granted', { count: e.grantedB }))}
        {stat(
          'difference',
          t('simulation.difference'),
          r.total.difference,
          t('simulation.changeCounts', { gain: e.gain, lose: e.lose, unchanged: e.unchanged }),
          r.total.difference > 0 ? '#237804' : r.total.difference < 0 ? '#cf1322' : undefined,
        )}
      </Row>
      {r.bad > 0 && <Alert type="warning" showIcon title={t('simulation.bad', { count: r.bad, rows: r.rows })} />}
      {r.budget && <BudgetCoverage result={r} labels={labels} lang={lang} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card title={t('simulation.byArticle')} size="small" style={{ height: '100%' }}>
            <div data-testid="chart-sim-article">
              <EChart option={charts.article} height={300} label={t('simulation.byArticle')} />
            </div>
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('simulation.changes')} size="small" style={{ height: '100%' }}>
            <div data-testid="chart-sim-change">
              <EChart option={charts.change} height={300} label={t('simulation.changes')} />
            </div>
          </Card>
        </Col>
      </Row>
      <Card title={t('simulation.distribution')} size="small">
        <div data-testid="chart-sim-distribution">
          <EChart option={charts.distribution} height={280} label={t('simulation.distribution')} />
        </div>
      </Card>
      <MeasureTable result={r} labels={labels} />
      <ArticleTable result={r} labels={labels} articleLabel={articleLabel} />
      <LargestChanges result={r} labels={labels} />
    </Flex>
  );
}

/** 预算可覆盖 or 超出预算 (with the amount over), or nothing without a budget. */
function Coverage({
  covered,
  amount,
  budget,
  testId,
  quiet,
}: {
  covered: boolean | null;
  amount: number;
  budget: number | null;
  testId?: string;
  /** Nothing at all (not "—") without a budget: a table's cell under its amount. */
  quiet?: boolean;
}) {
  const { t, i18n } = useTranslation('modelling');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  if (covered === null || budget === null) return quiet ? null : <Typography.Text type="secondary">—</Typography.Text>;
  return covered ? (
    <Tag color="green" data-testid={testId}>
      {t('simulation.covered')}
    </Tag>
  ) : (
    <Tag color="red" data-testid={testId}>
      {t('simulation.over', { amount: formatAmount(overBudget(amount, budget), lang) })}
    </Tag>
  );
}

function BudgetCoverage({ result: r, labels, lang }: { result: SimulationResult; labels: SimulationChartLabels; lang: Lang }) {
  const { t } = useTranslation('modelling');
  const b = r.budget;
  if (!b) return null;
  const colon = lang === 'en' ? ': ' : '：';
  return (
    <Card size="small" title={t('simulation.coverage')} data-testid="budget-coverage">
      <Row gutter={[24, 8]}>
        <Col xs={24} lg={10}>
          <Typography.Text type="secondary">
            {t('simulation.budgetCall')}
            {colon}
          </Typography.Text>
          <div>{b.callTitle}</div>
        </Col>
        <Col xs={24} sm={8} lg={4}>
          <Typography.Text type="secondary">
            {t('simulation.budgetTotal')}
            {colon}
          </Typography.Text>
          <div style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
            {b.total === null ? '—' : formatAmount(b.total, lang)}
          </div>
        </Col>
        <Col xs={24} sm={16} lg={10}>
          <Flex vertical gap={4}>
            <Flex gap={8} align="center" wrap>
              <span style={{ minWidth: 120 }}>{labels.a}</span>
              <Coverage covered={b.coveredA} amount={r.total.a} budget={b.total} testId="coverage-a" />
            </Flex>
            <Flex gap={8} align="center" wrap>
              <span style={{ minWidth: 120 }}>{labels.b}</span>
              <Coverage covered={b.coveredB} amount={r.total.b} budget={b.total} testId="coverage-b" />
            </Flex>
          </Flex>
        </Col>
      </Row>
    </Card>
  );
}

type MeasureRow = SimulationResult['measures'][number];

function MeasureTable({ result: r, labels }: { result: SimulationResult; labels: SimulationChartLabels }) {
  const { t, i18n } = useTranslation('modelling');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const measures = useMeasureIndex();
  const side = (x: { amount: number; enterprises: number }, key: string, id: string) => (
    <div style={{ textAlign: 'right' }}>
      <span data-testid={`measure-${key}-${id}`}>
        <Money value={x.amount} />
      </span>
      <div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('simulation.enterprisesN', { count: x.enterprises })}
        </Typography.Text>
      </div>
    </div>
  );
  const columns: ColumnsType<MeasureRow> = [
    {
      title: t('simulation.measure'),
      key: 'measure',
      render: (_, m) => (
        <div style={{ minWidth: 180 }}>
          <Tooltip title={measureLabel(measures.get(m.measure), lang, m.citation)}>
            <span>{m.citation}</span>
          </Tooltip>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {measures.get(m.measure)?.name ?? ''}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    { title: labels.a, key: 'a', align: 'right', render: (_, m) => side(m.a, 'a', m.measure) },
    { title: labels.b, key: 'b', align: 'right', render: (_, m) => side(m.b, 'b', m.measure) },
    {
      title: t('simulation.difference'),
      key: 'difference',
      align: 'right',
      sorter: (x, y) => Math.abs(x.difference) - Math.abs(y.difference),
      render: (_, m) => <Difference value={m.difference} testId={`measure-difference-${m.measure}`} />,
    },
  ];
  return (
    <Card size="small" title={t('simulation.byMeasure')}>
      <ScrollRegion label={t('simulation.byMeasure')}>
        <Table<MeasureRow>
          rowKey="measure"
          size="small"
          columns={columns}
          dataSource={r.measures.filter((m) => m.a.amount + m.b.amount > 0 || m.a.enterprises + m.b.enterprises > 0)}
          pagination={false}
          // A measure that changes stands out from those that do not.
          onRow={(m) =>
            ({
              'data-testid': `measure-row-${m.measure}`,
              style: m.difference !== 0 ? { background: m.difference > 0 ? '#f6ffed' : '#fff1f0' } : undefined,
            }) as React.HTMLAttributes<HTMLElement>
          }
          data-testid="simulation-measures"
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <strong>{t('simulation.total')}</strong>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                <Money value={r.total.a} strong />
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                <Money value={r.total.b} strong />
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">
                <Difference value={r.total.difference} strong />
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )}
        />
      </ScrollRegion>
    </Card>
  );
}

type ArticleRow = SimulationResult['articles'][number];

function ArticleTable({
  result: r,
  labels,
  articleLabel,
}: {
  result: SimulationResult;
  labels: SimulationChartLabels;
  articleLabel: (n: number) => string;
}) {
  const { t } = useTranslation('modelling');
  const columns: ColumnsType<ArticleRow> = [
    { title: t('simulation.article'), key: 'article', render: (_, a) => articleLabel(a.article) },
    {
      title: t('simulation.budget'),
      key: 'budget',
      align: 'right',
      render: (_, a) => (a.budget === null ? '—' : <Money value={a.budget} />),
    },
    {
      title: labels.a,
      key: 'a',
      align: 'right',
      render: (_, a) => (
        <Flex vertical align="end" gap={2}>
          <Money value={a.a.amount} />
          <Coverage covered={a.coveredA} amount={a.a.amount} budget={a.budget} quiet />
        </Flex>
      ),
    },
    {
      title: labels.b,
      key: 'b',
      align: 'right',
      render: (_, a) => (
        <Flex vertical align="end" gap={2}>
          <Money value={a.b.amount} />
          <Coverage covered={a.coveredB} amount={a.b.amount} budget={a.budget} testId={`article-coverage-b-${a.article}`} quiet />
        </Flex>
      ),
    },
    { title: t('simulation.difference'), key: 'difference', align: 'right', render: (_, a) => <Difference value={a.difference} /> },
  ];
  return (
    <Card size="small" title={t('simulation.byArticleTable')}>
      <ScrollRegion label={t('simulation.byArticleTable')}>
        <Table<ArticleRow>
          rowKey="article"
          size="small"
          columns={columns}
          dataSource={r.articles.filter((a) => a.budget !== null || a.a.amount + a.b.amount > 0)}
          pagination={false}
          data-testid="simulation-articles"
        />
      </ScrollRegion>
    </Card>
  );
}

function LargestChanges({ result: r, labels }: { result: SimulationResult; labels: SimulationChartLabels }) {
  const { t, i18n } = useTranslation('modelling');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const columns: ColumnsType<SimulationChange> = [
    {
      title: t('simulation.enterprise'),
      key: 'enterprise',
      render: (_, c) => (
        <div style={{ minWidth: 160 }}>
          <div>{c.name ?? t('simulation.rowN', { n: c.row })}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} translate="no">
            {c.creditCode ?? ''}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {' '}
            {t('simulation.yearOf', { year: c.year })}
          </Typography.Text>
        </div>
      ),
    },
    { title: labels.a, dataIndex: 'a', align: 'right', render: (v: number) => <Money value={v} /> },
    { title: labels.b, dataIndex: 'b', align: 'right', render: (v: number) => <Money value={v} /> },
    { title: t('simulation.difference'), dataIndex: 'difference', align: 'right', render: (v: number) => <Difference value={v} strong /> },
  ];
  return (
    <Card size="small" title={t('simulation.largest', { n: r.largest.length })}>
      <ScrollRegion label={t('simulation.largest', { n: r.largest.length })}>
        <Table<SimulationChange>
          rowKey={(c) => `${c.row}-${c.creditCode ?? ''}-${c.year}`}
          size="small"
          columns={columns}
          dataSource={[...r.largest]}
          pagination={false}
          data-testid="simulation-largest"
          locale={{ emptyText: t('simulation.noChanges') }}
          expandable={{
            expandedRowRender: (c) => <ChangeExplanations change={c} labels={labels} lang={lang} />,
            expandRowByClick: true,
          }}
        />
      </ScrollRegion>
    </Card>
  );
}

/** One enterprise-year's measures under A and B side by side: status, amount, the explanation lines. */
function ChangeExplanations({ change: c, labels, lang }: { change: SimulationChange; labels: SimulationChartLabels; lang: Lang }) {
  const { t } = useTranslation('modelling');
  const measures = useMeasureIndex();
  const side = (x: SimulationChange['items'][number]['a'], testId: string) =>
    x ? (
      <div data-testid={testId}>
        <Flex gap={8} align="center" wrap>
          <Tag>{resultStatusWord(x.status, lang)}</Tag>
          <Typography.Text strong>{formatAmount(x.amount, lang)}</Typography.Text>
        </Flex>
        <ul style={{ margin: '6px 0 0', paddingLeft: 18 }}>
          {x.lines.map((line, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: lines of one explanation, in order
            <li key={i} style={{ fontSize: 13 }}>
              {line}
            </li>
          ))}
        </ul>
      </div>
    ) : (
      <Typography.Text type="secondary" data-testid={testId}>
        {t('simulation.notInAnswer')}
      </Typography.Text>
    );
  // The measures whose amount moved first, largest move first; then those granted alike under both.
  const moved = (x: SimulationChange['items'][number]) => Math.abs((x.b?.amount ?? 0) - (x.a?.amount ?? 0));
  const items = [...c.items].sort((x, y) => moved(y) - moved(x));
  return (
    <Flex vertical gap={12} data-testid={`explanations-${c.row}`}>
      {items.map((item, i) => (
        <Card
          // biome-ignore lint/suspicious/noArrayIndexKey: a measure may come once per subject
          key={i}
          size="small"
          type="inner"
          title={
            <span>
              {measureLabel(measures.get(item.measure), lang, item.measure)}
              {item.subject ? <Typography.Text type="secondary">{` · ${item.subject}`}</Typography.Text> : null}
              {moved(item) > 0 && (
                <Tag color="blue" style={{ marginInlineStart: 8 }}>
                  {t('simulation.moved')}
                </Tag>
              )}
            </span>
          }
        >
          <Row gutter={[16, 8]}>
            <Col xs={24} md={12}>
              <Typography.Text type="secondary">{labels.a}</Typography.Text>
              {side(item.a, 'explanation-a')}
            </Col>
            <Col xs={24} md={12} style={{ borderInlineStart: '1px solid #f0f0f0' }}>
              <Typography.Text type="secondary">{labels.b}</Typography.Text>
              {side(item.b, 'explanation-b')}
            </Col>
          </Row>
        </Card>
      ))}
    </Flex>
  );
}
