import { ExperimentOutlined } from '@ant-design/icons';
import type { ParameterVersion, Simulation, SimulationPopulation } from '@ftai/api';
import { Alert, Button, Card, Col, Flex, Form, Grid, InputNumber, Progress, Radio, Row, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ServerPager } from '../../components/ServerPager';
import { formatDateTime } from '../../lib/format';
import { signedYuan } from './lib/simulation-charts';
import { useFinishedMatchJobs } from './offer-api';
import { useCalls } from './officer-api';
import { formProblem, PageHeader, QueryState } from './parts';
import { RegistryDropzone } from './RegistryDropzone';
import { useAllVersions, useSimulationsPage, useStartSimulation } from './versions-api';

type PopulationKind = 'call' | 'platform' | 'upload' | 'match-job';

interface SimulationForm {
  kind: PopulationKind;
  callId?: string;
  year?: number;
  matchJobId?: string;
  versionA: number;
  versionB: number;
  budgetCallId?: string;
}

export const SIMULATION_STATUS_COLORS: Record<Simulation['status'], string> = {
  queued: 'default',
  running: 'processing',
  done: 'success',
  failed: 'error',
  cancelled: 'warning',
};

/** A version in a picker: 第2号（草稿）, with 现行有效 on the one in effect. */
export function versionOption(v: ParameterVersion, t: (k: string, o?: Record<string, unknown>) => string, lang: 'zh' | 'en') {
  const status = v.inEffect ? t('versions.inEffect') : t(`versions.status.${v.status}`);
  return {
    value: v.number,
    label:
      lang === 'en' ? `${t('versions.numbered', { n: v.number })} (${status})` : `${t('versions.numbered', { n: v.number })}（${status}）`,
  };
}

/**
 * 政策模拟 (/officer/simulations): a new simulation — who (a call's applications, the platform's
 * enterprises for a year, an uploaded registry, an earlier match job), version A (the one in effect
 * by default) against version B (the newest draft or pending one, or `?b=`), the call whose budgets
 * are checked — and the simulations made, newest first.
 */
export function SimulationsPage() {
  const { t } = useTranslation('modelling');
  return (
    <div>
      <PageHeader title={t('simulation.heading')} subtitle={t('simulation.subtitle')} />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <NewSimulation />
        <SimulationList />
      </Space>
    </div>
  );
}

function NewSimulation() {
  const { t, i18n } = useTranslation('modelling');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<SimulationForm>();
  const versions = useAllVersions();
  const calls = useCalls();
  const jobs = useFinishedMatchJobs();
  const start = useStartSimulation();
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const kind = Form.useWatch('kind', form) ?? 'call';
  const list = versions.data ?? [];
  const asked = Number(params.get('b'));

  // A: the version in effect; B: the version asked for (模拟此版本), else the newest draft or pending one.
  useEffect(() => {
    if (!versions.data) return;
    const inEffect = versions.data.find((v) => v.inEffect)?.number ?? 1;
    const open = versions.data.find((v) => v.status === 'draft' || v.status === 'pending')?.number;
    const b = versions.data.some((v) => v.number === asked) ? asked : (open ?? inEffect);
    form.setFieldsValue({ versionA: inEffect === b && b !== 1 ? 1 : inEffect, versionB: b });
  }, [versions.data, asked, form]);
  useEffect(() => {
    const open = calls.data?.find((c) => c.status === 'open') ?? calls.data?.[0];
    if (open && !form.getFieldValue('callId')) form.setFieldsValue({ callId: open.id });
  }, [calls.data, form]);

  const onFinish = (v: SimulationForm) => {
    setProblem(null);
    const budgetCallId = v.budgetCallId || undefined;
    const done = {
      onSuccess: (s: Simulation) => navigate(`/officer/simulations/${encodeURIComponent(s.id)}`),
      onError: (e: unknown) => setProblem(formProblem(form, e)),
    };
    if (v.kind === 'upload') {
      if (!file) {
        setProblem(t('simulation.rule.file'));
        return;
      }
      start.mutate({ file, versionA: v.versionA, versionB: v.versionB, callId: budgetCallId }, done);
      return;
    }
    const population: SimulationPopulation =
      v.kind === 'call'
        ? { kind: 'call', callId: v.callId ?? '' }
        : v.kind === 'platform'
          ? { kind: 'platform', year: v.year ?? 0 }
          : { kind: 'match-job', matchJobId: v.matchJobId ?? '' };
    start.mutate(
      { body: { population, versionA: v.versionA, versionB: v.versionB, ...(budgetCallId ? { callId: budgetCallId } : {}) } },
      done,
    );
  };

  const callOptions = (calls.data ?? []).map((c) => ({ value: c.id, label: c.title }));
  return (
    <Card size="small" title={<h2 style={{ fontSize: 'inherit', fontWeight: 'inherit', margin: 0 }}>{t('simulation.new')}</h2>}>
      <Form<SimulationForm>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'call', year: new Date().getFullYear() - 1 }}
        onFinish={onFinish}
        data-testid="simulation-form"
      >
        <Form.Item name="kind" label={t('simulation.population')}>
          <Radio.Group
            optionType="button"
            data-testid="simulation-kind"
            options={(['call', 'platform', 'upload', 'match-job'] as const).map((k) => ({ value: k, label: t(`simulation.kind.${k}`) }))}
          />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} lg={12}>
            {kind === 'call' && (
              <Form.Item
                name="callId"
                label={t('simulation.call')}
                extra={t('simulation.callHelp')}
                rules={[{ required: true, message: t('simulation.rule.call') }]}
              >
                <Select<string> options={callOptions} loading={calls.isLoading} data-testid="simulation-call" />
              </Form.Item>
            )}
            {kind === 'platform' && (
              <Form.Item
                name="year"
                label={t('simulation.year')}
                extra={t('simulation.yearHelp')}
                rules={[{ required: true, type: 'integer', min: 2000, max: 2100, message: t('simulation.rule.year') }]}
              >
                <InputNumber<number> min={2000} max={2100} precision={0} style={{ width: 140 }} data-testid="simulation-year" />
              </Form.Item>
            )}
            {kind === 'match-job' && (
              <Form.Item
                name="matchJobId"
                label={t('simulation.matchJob')}
                rules={[{ required: true, message: t('simulation.rule.matchJob') }]}
              >
                <Select<string>
                  loading={jobs.isLoading}
                  data-testid="simulation-job"
                  notFoundContent={t('simulation.noJobs')}
                  options={(jobs.data ?? []).map((j) => ({
                    value: j.id,
                    label: `${j.source === 'platform' ? t('simulation.platformOf', { year: j.year ?? '—' }) : (j.filename ?? j.id)} · ${formatDateTime(j.createdAt, lang)}`,
                  }))}
                />
              </Form.Item>
            )}
            {kind === 'upload' && (
              <Form.Item label={t('simulation.file')} extra={t('simulation.fileHelp')}>
                <RegistryDropzone
                  file={file}
                  onFile={setFile}
                  onProblem={setProblem}
                  badFile={(name) => t('simulation.badFile', { name })}
                  drop={t('simulation.drop')}
                />
              </Form.Item>
            )}
          </Col>
          <Col xs={24} lg={12}>
            <Form.Item name="budgetCallId" label={t('simulation.budgetCall')} extra={t('simulation.budgetCallHelp')}>
              <Select<string>
                allowClear
                placeholder={t('simulation.budgetCallDefault')}
                options={callOptions}
                data-testid="simulation-budget-call"
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="versionA" label={t('simulation.versionA')} extra={t('simulation.versionAHelp')} rules={[{ required: true }]}>
              <Select<number>
                loading={versions.isLoading}
                options={list.map((v) => versionOption(v, t, lang))}
                data-testid="simulation-a"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="versionB" label={t('simulation.versionB')} extra={t('simulation.versionBHelp')} rules={[{ required: true }]}>
              <Select<number>
                loading={versions.isLoading}
                options={list.map((v) => versionOption(v, t, lang))}
                data-testid="simulation-b"
              />
            </Form.Item>
          </Col>
        </Row>
        {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} data-testid="simulation-error" />}
        <Flex justify="flex-end">
          <Button type="primary" htmlType="submit" icon={<ExperimentOutlined />} loading={start.isPending} data-testid="simulation-start">
            {t('simulation.start')}
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}

function SimulationList() {
  const { t, i18n } = useTranslation('modelling');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const screens = Grid.useBreakpoint();
  const sims = useSimulationsPage();
  const rows = sims.data?.simulations ?? [];
  type Row = (typeof rows)[number];
  const name = (s: Row) => (
    <Link to={`/officer/simulations/${encodeURIComponent(s.id)}`} data-testid={`simulation-${s.id}`}>
      {s.population.label}
    </Link>
  );
  const versions = (s: Row) => t('simulation.aAgainstB', { a: s.versionA.number, b: s.versionB.number });
  const status = (s: Row) => (
    <Flex vertical gap={2} style={{ minWidth: 120 }}>
      <Tag color={SIMULATION_STATUS_COLORS[s.status]} style={{ width: 'fit-content' }}>
        {t(`simulation.status.${s.status}`)}
      </Tag>
      {(s.status === 'running' || s.status === 'queued') && (
        <Progress size="small" percent={Math.floor((s.progress?.fraction ?? 0) * 100)} aria-label={t('simulation.progress')} />
      )}
    </Flex>
  );
  const columns: ColumnsType<Row> = [
    {
      title: t('simulation.populationShort'),
      key: 'population',
      render: (_, s) => (
        <div>
          {name(s)}
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(s.createdAt, lang)}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    { title: t('simulation.versions'), key: 'versions', render: (_, s) => versions(s) },
    { title: t('simulation.statusLabel'), key: 'status', render: (_, s) => status(s) },
    {
      title: t('simulation.rows'),
      key: 'rows',
      align: 'right',
      render: (_, s) => (s.rowsTotal === null ? s.rowsDone : `${s.rowsDone}/${s.rowsTotal}`),
    },
  ];
  return (
    <Card size="small" title={<h2 style={{ fontSize: 'inherit', fontWeight: 'inherit', margin: 0 }}>{t('simulation.list')}</h2>}>
      <QueryState
        isLoading={sims.isLoading}
        error={sims.error}
        isEmpty={rows.length === 0 && sims.pageIndex === 0}
        empty={t('simulation.none')}
        onRetry={() => void sims.refetch()}
      >
        {screens.md ? (
          <Table<Row> rowKey="id" size="small" columns={columns} dataSource={rows} pagination={false} data-testid="simulations" />
        ) : (
          <div data-testid="simulations">
            {rows.map((s) => (
              <Card key={s.id} size="small" style={{ marginBottom: 8 }} title={name(s)}>
                <Space orientation="vertical" size={4}>
                  <span>{versions(s)}</span>
                  {status(s)}
                </Space>
              </Card>
            ))}
          </div>
        )}
        <ServerPager {...sims} hideOnSinglePage />
      </QueryState>
    </Card>
  );
}

/** A signed difference in yuan, green when B gives more, red when less. */
export function Difference({ value, testId, strong }: { value: number; testId?: string; strong?: boolean }) {
  const { t, i18n } = useTranslation();
  const color = value > 0 ? '#237804' : value < 0 ? '#cf1322' : undefined;
  return (
    <span
      style={{ color, fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', fontWeight: strong ? 600 : undefined }}
      data-testid={testId}
    >
      {signedYuan(value)}
      {i18n.language === 'en' ? ' ' : ''}
      {t('yuan')}
    </span>
  );
}
