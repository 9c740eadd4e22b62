import { CloudUploadOutlined, DatabaseOutlined, DownloadOutlined, GiftOutlined, StopOutlined, TeamOutlined } from '@ant-design/icons';
import type { MatchJob, MatchJobDetail, MatchJobStatus, NotifyEntry, NotifyPage } from '@ftai/api';
import { MATCH_JOB_STATUSES } from '@ftai/api/statuses';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Drawer,
  Flex,
  Form,
  Grid,
  InputNumber,
  Progress,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { Money } from '../../components/Money';
import { ServerPager } from '../../components/ServerPager';
import { formatTime, formatYuan } from '../../lib/format';
import { isActive, measureIds, progressPercent } from './lib/match-jobs';
import { errorMessage, formProblem, PageHeader, QueryState } from './parts';
import { RegistryDropzone } from './RegistryDropzone';
import { recordKeys, useMatchJobsPage } from './records-api';

const BASE = '/api/v1/match-jobs';
const POLL_MS = 2000;
/** The notify list shown at once; the whole list is in the summary workbook. */
const NOTIFY_LIMIT = 1000;
const STATUS_COLORS: Record<MatchJob['status'], string> = {
  queued: 'default',
  running: 'processing',
  done: 'success',
  failed: 'error',
  cancelled: 'warning',
};

/**
 * Registry matching (免申即享 / 政策找人): match a registry file, or the enterprises the platform
 * holds for a year, against every measure as a background job; follow its progress (polled every
 * 2 s while it runs), download the answers, the summary workbook and the bad rows, and see the
 * enterprises to tell what they can get.
 */
export function MatchJobsPage() {
  const { t, i18n } = useTranslation('officer');
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const [status, setStatus] = useState<MatchJobStatus | undefined>();
  const jobs = useMatchJobsPage(status);
  const list = jobs.data?.jobs ?? [];
  const active = list.filter(isActive);
  // Each running job's progress, every 2 seconds until it stops.
  const progress = useQueries({
    queries: active.map((j) => ({
      queryKey: ['officer', 'match-job', j.id],
      queryFn: () => api.get<MatchJobDetail>(`${BASE}/${j.id}`),
      refetchInterval: (q: { state: { data?: MatchJob } }) => (q.state.data && !isActive(q.state.data) ? false : POLL_MS),
    })),
  });
  const latest = new Map(progress.flatMap((p) => (p.data ? [[p.data.id, p.data] as const] : [])));
  const rows = list.map((j) => latest.get(j.id) ?? j);
  const finished = rows.filter((j) => !isActive(j) && list.find((l) => l.id === j.id && isActive(l))).length;
  useEffect(() => {
    if (finished > 0) void queryClient.invalidateQueries({ queryKey: recordKeys.matchJobs });
  }, [finished, queryClient]);
  const [notifyOf, setNotifyOf] = useState<MatchJob | null>(null);

  const cancel = useMutation({
    mutationFn: (id: string) => api.post(`${BASE}/${id}/cancel`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: recordKeys.matchJobs }),
  });

  const what = (j: MatchJob) =>
    j.source === 'platform' ? (
      <span>
        <DatabaseOutlined /> {t('match.platformOf', { year: j.year ?? '—' })}
      </span>
    ) : (
      <span>
        <CloudUploadOutlined /> {j.filename ?? t('match.upload')}
      </span>
    );

  const progressOf = (j: MatchJob) => {
    const p = progressPercent(j);
    const left = j.progress?.secondsLeft ?? null;
    const rate = j.progress?.rowsPerSecond ?? 0;
    return (
      <div style={{ minWidth: 160, maxWidth: 280 }}>
        <Progress
          aria-label={t('match.rows', { done: formatYuan(j.rowsDone), total: j.rowsTotal === null ? '?' : formatYuan(j.rowsTotal) })}
          percent={p ?? 0}
          size="small"
          status={j.status === 'failed' ? 'exception' : j.status === 'done' ? 'success' : isActive(j) ? 'active' : 'normal'}
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('match.rows', { done: formatYuan(j.rowsDone), total: j.rowsTotal === null ? '?' : formatYuan(j.rowsTotal) })}
          {rate > 0 ? ` · ${t('match.rate', { rate: formatYuan(Math.round(rate)) })}` : ''}
          {left !== null ? ` · ${t('match.left', { seconds: Math.ceil(left) })}` : ''}
        </Typography.Text>
        {j.error && (
          <Typography.Paragraph type="danger" style={{ fontSize: 12, margin: 0, maxWidth: 360 }} ellipsis={{ rows: 2, tooltip: j.error }}>
            {j.error}
          </Typography.Paragraph>
        )}
      </div>
    );
  };

  const downloads = (j: MatchJob) =>
    j.downloads ? (
      <Space size={[10, 2]} wrap style={{ maxWidth: 260 }}>
        <a href={j.downloads.summary} download>
          <DownloadOutlined /> {t('match.file.summary')}
        </a>
        <a href={j.downloads.resultsXlsx} download data-testid={`results-xlsx-${j.id}`}>
          <DownloadOutlined /> {t('match.file.resultsXlsx')}
        </a>
        <a href={j.downloads.results} download>
          <DownloadOutlined /> {t('match.file.resultsJsonl')}
        </a>
        {j.rowsBad > 0 && (
          <>
            <a href={j.downloads.errorsXlsx} download data-testid={`errors-xlsx-${j.id}`}>
              <DownloadOutlined /> {t('match.file.errorsXlsx')}
            </a>
            <a href={j.downloads.errors} download>
              <DownloadOutlined /> {t('match.file.errorsJsonl')}
            </a>
          </>
        )}
      </Space>
    ) : (
      <Typography.Text type="secondary">—</Typography.Text>
    );

  const actions = (j: MatchJob) => (
    <Space size={8} wrap>
      {j.downloads && (
        <Button size="small" icon={<TeamOutlined />} onClick={() => setNotifyOf(j)} data-testid={`notify-${j.id}`}>
          {t('match.notify')}
        </Button>
      )}
      {j.downloads && j.grantedEnterprises > 0 && (
        <Button
          size="small"
          type="primary"
          icon={<GiftOutlined />}
          onClick={() => navigate(`/officer/offer-batches/new?job=${encodeURIComponent(j.id)}`)}
          data-testid={`offer-batch-${j.id}`}
        >
          {t('offers.create')}
        </Button>
      )}
      {isActive(j) && (
        <Button
          size="small"
          danger
          icon={<StopOutlined />}
          loading={cancel.isPending && cancel.variables === j.id}
          onClick={() => cancel.mutate(j.id)}
        >
          {t('match.cancel')}
        </Button>
      )}
    </Space>
  );

  const columns: ColumnsType<MatchJob> = [
    {
      title: t('match.job'),
      key: 'what',
      render: (_, j) => (
        <div>
          {what(j)}
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatTime(j.createdAt)}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      title: t('match.status'),
      dataIndex: 'status',
      render: (s: MatchJob['status']) => <Tag color={STATUS_COLORS[s]}>{t(`match.statuses.${s}`)}</Tag>,
    },
    { title: t('match.progress'), key: 'progress', render: (_, j) => progressOf(j) },
    {
      title: t('match.granted'),
      key: 'granted',
      align: 'right',
      render: (_, j) =>
        isActive(j) || j.status === 'failed' ? (
          '—'
        ) : (
          <div>
            <Money value={j.grantedTotal} strong />
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('match.enterprises', { count: j.grantedEnterprises })}
              </Typography.Text>
            </div>
          </div>
        ),
    },
    {
      title: t('match.bad'),
      dataIndex: 'rowsBad',
      align: 'right',
      render: (v: number) => (v > 0 ? <Typography.Text type="warning">{v}</Typography.Text> : 0),
    },
    {
      title: t('match.downloads'),
      key: 'downloads',
      render: (_, j) => (
        <Flex vertical gap={4} align="start">
          {downloads(j)}
          {actions(j)}
        </Flex>
      ),
    },
  ];

  return (
    <div>
      <PageHeader title={t('match.heading')} subtitle={t('match.subtitle')} />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={14}>
            <UploadCard />
          </Col>
          <Col xs={24} lg={10}>
            <PlatformCard />
          </Col>
        </Row>
        <Card
          title={t('match.jobs')}
          size="small"
          extra={
            <Select<MatchJobStatus>
              allowClear
              size="small"
              aria-label={t('match.status')}
              placeholder={t('match.allStatuses')}
              value={status}
              onChange={setStatus}
              options={MATCH_JOB_STATUSES.map((s) => ({ value: s, label: t(`match.statuses.${s}`) }))}
              style={{ width: 130 }}
              data-testid="job-status-filter"
            />
          }
        >
          <QueryState
            isLoading={jobs.isLoading}
            error={jobs.error}
            isEmpty={rows.length === 0 && jobs.pageIndex === 0}
            empty={t('match.none')}
            onRetry={() => void jobs.refetch()}
          >
            {cancel.error && <Alert type="error" showIcon title={errorMessage(cancel.error)} style={{ marginBottom: 12 }} />}
            {screens.md ? (
              <Table<MatchJob>
                rowKey="id"
                size="small"
                columns={columns}
                dataSource={rows}
                pagination={false}
                scroll={{ x: 'max-content' }}
              />
            ) : (
              // Cards one under another (a list holds list items only).
              <div>
                {rows.map((j) => (
                  <Card
                    key={j.id}
                    size="small"
                    style={{ marginBottom: 8 }}
                    title={what(j)}
                    extra={<Tag color={STATUS_COLORS[j.status]}>{t(`match.statuses.${j.status}`)}</Tag>}
                  >
                    <Space orientation="vertical" size={6} style={{ width: '100%' }}>
                      {progressOf(j)}
                      {(j.status === 'done' || j.status === 'cancelled') && (
                        <span>
                          {t('match.granted')}
                          {i18n.language === 'en' ? ': ' : '：'}
                          <Money value={j.grantedTotal} strong /> · {t('match.enterprises', { count: j.grantedEnterprises })}
                        </span>
                      )}
                      {downloads(j)}
                      {actions(j)}
                    </Space>
                  </Card>
                ))}
              </div>
            )}
            <ServerPager {...jobs} />
          </QueryState>
        </Card>
      </Space>
      <NotifyDrawer job={notifyOf} onClose={() => setNotifyOf(null)} />
    </div>
  );
}

function UploadCard() {
  const { t } = useTranslation('officer');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [allowExtra, setAllowExtra] = useState(false);
  const start = useMutation({
    mutationFn: (f: File) => {
      const body = new FormData();
      body.append('file', f, f.name);
      return api.post<MatchJob>(`${BASE}${allowExtra ? '?allowExtraColumns=true' : ''}`, body);
    },
    onSuccess: async () => {
      setFile(null);
      setProblem(null);
      message.success(t('match.started'));
      await queryClient.invalidateQueries({ queryKey: recordKeys.matchJobs });
    },
    onError: (e) => setProblem(errorMessage(e)),
  });
  return (
    <Card
      title={t('match.uploadTitle')}
      size="small"
      style={{ height: '100%' }}
      extra={
        <Tooltip title={t('match.templateHelp')}>
          <a href={`${BASE}/template.xlsx`} download data-testid="registry-template">
            <DownloadOutlined /> {t('match.template')}
          </a>
        </Tooltip>
      }
    >
      <RegistryDropzone
        file={file}
        onFile={setFile}
        onProblem={setProblem}
        badFile={(name) => t('match.badFile', { name })}
        drop={t('match.drop')}
        hint={t('match.dropHint')}
      />
      {problem && <Alert type="error" showIcon title={problem} style={{ marginTop: 12 }} />}
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginTop: 12 }}>
        <Checkbox checked={allowExtra} onChange={(e) => setAllowExtra(e.target.checked)}>
          <Tooltip title={t('match.allowExtraHelp')}>{t('match.allowExtra')}</Tooltip>
        </Checkbox>
        <Button type="primary" disabled={!file} loading={start.isPending} onClick={() => file && start.mutate(file)}>
          {t('match.start')}
        </Button>
      </Flex>
    </Card>
  );
}

function PlatformCard() {
  const { t } = useTranslation('officer');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ year: number }>();
  const [problem, setProblem] = useState<string | null>(null);
  const start = useMutation({
    mutationFn: (v: { year: number }) => api.post<MatchJob>(BASE, { source: 'platform', year: v.year }),
    onSuccess: async () => {
      setProblem(null);
      message.success(t('match.started'));
      await queryClient.invalidateQueries({ queryKey: recordKeys.matchJobs });
    },
    onError: (e) => setProblem(formProblem(form, e)),
  });
  return (
    <Card title={t('match.platformTitle')} size="small" style={{ height: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('match.platformHelp')}
      </Typography.Paragraph>
      <Form form={form} layout="inline" initialValues={{ year: new Date().getFullYear() - 1 }} onFinish={(v) => start.mutate(v)}>
        <Form.Item
          name="year"
          label={t('match.year')}
          rules={[{ required: true, type: 'integer', min: 2000, max: 2100, message: t('match.rule.year') }]}
        >
          <InputNumber<number> min={2000} max={2100} precision={0} style={{ width: 110 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" icon={<DatabaseOutlined />} loading={start.isPending}>
            {t('match.platformStart')}
          </Button>
        </Form.Item>
      </Form>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginTop: 12 }} />}
    </Card>
  );
}

function NotifyDrawer({ job, onClose }: { job: MatchJob | null; onClose: () => void }) {
  const { t } = useTranslation('officer');
  const screens = Grid.useBreakpoint();
  const notify = useQuery({
    queryKey: ['officer', 'match-notify', job?.id ?? ''],
    queryFn: () => api.get<NotifyPage>(`${job?.downloads?.notify ?? `${BASE}/${job?.id}/notify`}?limit=${NOTIFY_LIMIT}`),
    enabled: job !== null,
  });
  const rows = notify.data?.enterprises ?? [];
  const total = notify.data?.total ?? 0;
  const columns: ColumnsType<NotifyEntry> = [
    { title: t('match.row'), dataIndex: 'row', width: 70, responsive: ['sm'] },
    {
      title: t('queue.enterprise'),
      key: 'e',
      render: (_, e) => (
        <div>
          <div>{e.name ?? e.creditCode ?? '—'}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {e.creditCode ?? t('match.noCreditCode')}
            {e.year !== null ? ` · ${e.year}` : ''}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('match.measures'),
      key: 'm',
      render: (_, e) => (
        <Space size={[4, 4]} wrap>
          {measureIds(e).map((m) => (
            <Tag key={m}>{m}</Tag>
          ))}
        </Space>
      ),
    },
    { title: t('match.grantedTotal'), dataIndex: 'total', align: 'right', render: (v: number) => <Money value={v} strong /> },
  ];
  return (
    <Drawer open={job !== null} onClose={onClose} title={t('match.notifyTitle')} size={screens.md ? 760 : '100%'}>
      <QueryState isLoading={notify.isLoading} error={notify.error} isEmpty={rows.length === 0} empty={t('match.notifyNone')}>
        <Typography.Paragraph type="secondary">
          {t('match.notifyHelp', { count: total })}
          {total > rows.length ? ` ${t('match.notifyMore', { shown: rows.length })}` : ''}
        </Typography.Paragraph>
        <Table<NotifyEntry>
          rowKey="row"
          size="small"
          columns={columns}
          dataSource={[...rows]}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        />
      </QueryState>
    </Drawer>
  );
}
