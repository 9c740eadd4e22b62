import { EditOutlined, ExportOutlined, FileExcelOutlined, NotificationOutlined } from '@ant-design/icons';
import type { Notice, NoticeList, NoticeReadiness, NoticeSummary } from '@ftai/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Form, Grid, Input, InputNumber, List, Modal, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, newIdempotencyKey } from '../../api/client';
import { Money } from '../../components/Money';
import { ServerPager } from '../../components/ServerPager';
import { formatTime, formatYuan } from '../../lib/format';
import { useServerPage } from '../../lib/use-server-page';
import { useObjections } from './officer-api';
import { CallSelect, formProblem, PageHeader, QueryState } from './parts';
import { useSelectedCall } from './use-selected-call';

/**
 * Public notice (公示): publish a call's allocated awards with an objection window, the notices
 * with their printable page and .xlsx export, and the objections received. The notices are paged
 * by the server (of the chosen call, or all), as their lines are on the notice's own page.
 */
export function NoticesAdminPage() {
  const { t } = useTranslation('officer');
  const screens = Grid.useBreakpoint();
  const { calls, call, setCallId } = useSelectedCall();
  const notices = useServerPage(
    ['officer', 'notices', 'page'],
    '/api/v1/notices',
    { callId: call?.id },
    (url) => api.get<NoticeList>(url),
    20,
  );
  const [published, setPublished] = useState<Notice | null>(null);
  const list = notices.data?.notices ?? [];

  const links = (n: NoticeSummary) => (
    <Space size={12} wrap>
      <a href={`/notices/${n.id}`} target="_blank" rel="noreferrer" data-testid={`notice-page-${n.id}`}>
        <ExportOutlined /> {t('notices.page')}
      </a>
      <a href={`/api/v1/notices/${n.id}/export.xlsx`} download data-testid={`notice-export-${n.id}`}>
        <FileExcelOutlined /> {t('notices.export')}
      </a>
    </Space>
  );
  const versionOf = (n: NoticeSummary) => (
    <Space orientation="vertical" size={2}>
      <Tag color={n.version > 1 ? 'warning' : 'default'} data-testid={`notice-version-${n.id}`}>
        {n.version > 1 ? t('notices.correction', { n: n.version - 1 }) : t('notices.original')}
      </Tag>
      {n.version > 1 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {n.versionOn} · {n.reason}
        </Typography.Text>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-all' }}>
        {t('notices.auditHead', { seq: n.auditHead.seq })}{' '}
        <Typography.Text code copyable={{ text: n.auditHead.hash }}>
          {n.auditHead.hash.slice(0, 12)}…
        </Typography.Text>
      </Typography.Text>
    </Space>
  );
  const windowOf = (n: NoticeSummary) => (
    <Space size={4} wrap>
      <span>{t('notices.until', { date: n.objectionsUntil })}</span>
      <Tag color={n.isOpenForObjections ? 'orange' : 'default'}>{n.isOpenForObjections ? t('notices.open') : t('notices.closed')}</Tag>
    </Space>
  );

  const columns: ColumnsType<NoticeSummary> = [
    {
      title: t('notices.publishedOn'),
      key: 'on',
      render: (_, n) => (
        <div>
          <div>{n.publishedOn}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {n.title}
          </Typography.Text>
        </div>
      ),
    },
    { title: t('notices.version'), key: 'version', render: (_, n) => versionOf(n) },
    { title: t('notices.lines'), key: 'size', render: (_, n) => t('notices.size', { lines: n.count, enterprises: n.enterprises }) },
    { title: t('notices.total'), dataIndex: 'total', align: 'right', render: (v: number) => <Money value={v} strong /> },
    { title: t('notices.window'), key: 'window', render: (_, n) => windowOf(n) },
    { title: t('notices.files'), key: 'links', render: (_, n) => links(n) },
    { title: '', key: 'revise', render: (_, n) => <ReviseButton notice={n} /> },
  ];

  return (
    <div>
      <PageHeader
        title={t('notices.heading')}
        subtitle={t('notices.subtitle')}
        extra={<CallSelect calls={calls.data ?? []} loading={calls.isLoading} value={call?.id} onChange={setCallId} allowAll />}
      />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {call && <PublishCard callId={call.id} onPublished={setPublished} />}
        {published && (
          <Alert
            type="success"
            showIcon
            data-testid="published"
            title={t('notices.published', {
              lines: published.lineCount,
              total: formatYuan(published.total),
              until: published.objectionsUntil,
            })}
            action={links({
              ...published,
              versionOn: published.on,
              count: published.lineCount,
              enterprises: published.enterpriseCount,
            })}
          />
        )}
        <Card title={t('notices.list')} size="small">
          <QueryState
            isLoading={notices.isLoading}
            error={notices.error}
            isEmpty={list.length === 0}
            empty={t('notices.none')}
            onRetry={() => void notices.refetch()}
          >
            {screens.md ? (
              <Table<NoticeSummary>
                rowKey="id"
                size="middle"
                columns={columns}
                dataSource={list}
                pagination={false}
                expandable={{ expandedRowRender: (n) => <Objections noticeId={n.id} />, rowExpandable: () => true }}
              />
            ) : (
              // Cards one under another (a list holds list items only).
              <div>
                {list.map((n) => (
                  <Card key={n.id} size="small" style={{ marginBottom: 8 }} title={n.publishedOn} extra={<Money value={n.total} strong />}>
                    <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                      <Typography.Text type="secondary">{n.title}</Typography.Text>
                      <span>{t('notices.size', { lines: n.count, enterprises: n.enterprises })}</span>
                      {versionOf(n)}
                      {windowOf(n)}
                      {links(n)}
                      <ReviseButton notice={n} />
                      <Objections noticeId={n.id} />
                    </Space>
                  </Card>
                ))}
              </div>
            )}
            <ServerPager {...notices} />
          </QueryState>
        </Card>
      </Space>
    </div>
  );
}

/** Publish the call's approved and allocated applications, with the objection window in days. */
function PublishCard({ callId, onPublished }: { callId: string; onPublished: (n: Notice) => void }) {
  const { t } = useTranslation('officer');
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  // Counted by the server: a call may have a hundred thousand applications.
  const readiness = useQuery({
    queryKey: ['officer', 'notice-readiness', callId],
    queryFn: () => api.get<NoticeReadiness>(`/api/v1/calls/${encodeURIComponent(callId)}/notice/readiness`),
  });
  const [form] = Form.useForm<{ objectionDays: number }>();
  const [problem, setProblem] = useState<string | null>(null);
  const [key, setKey] = useState(newIdempotencyKey);
  const approved = readiness.data?.approved ?? 0;
  const ready = readiness.data?.allocated ?? 0;
  const unallocated = approved - ready;
  const amount = readiness.data?.amount ?? 0;

  const publish = useMutation({
    mutationFn: (v: { objectionDays: number }) => api.post<Notice>(`/api/v1/calls/${callId}/notice`, v, { idempotencyKey: key }),
    onSuccess: async (n) => {
      setProblem(null);
      setKey(newIdempotencyKey());
      message.success(t('notices.publishedShort'));
      onPublished(n);
      await queryClient.invalidateQueries({ queryKey: ['officer'] });
    },
    onError: (e) => setProblem(formProblem(form, e)),
  });

  return (
    <Card title={t('notices.publish')} size="small">
      <Typography.Paragraph>
        {readiness.isLoading
          ? t('loading', { ns: 'common' })
          : approved === 0
            ? t('notices.nothingApproved')
            : t('notices.ready', { ready, amount: formatYuan(amount) })}
      </Typography.Paragraph>
      {unallocated > 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('notices.unallocated', { count: unallocated })} />
      )}
      <Form
        form={form}
        layout="inline"
        initialValues={{ objectionDays: 5 }}
        onFinish={(v) =>
          modal.confirm({
            title: t('notices.confirmTitle'),
            content: t('notices.confirmText', { count: ready, days: v.objectionDays }),
            okText: t('notices.publishButton'),
            cancelText: t('cancel', { ns: 'common' }),
            onOk: () => publish.mutateAsync(v).catch(() => undefined),
          })
        }
      >
        <Form.Item
          name="objectionDays"
          label={t('notices.objectionDays')}
          tooltip={t('notices.objectionDaysHelp')}
          rules={[{ required: true, type: 'integer', min: 1, max: 30, message: t('notices.rule.days') }]}
        >
          <InputNumber<number> min={1} max={30} precision={0} suffix={t('notices.days')} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            icon={<NotificationOutlined />}
            loading={publish.isPending}
            disabled={ready === 0 || unallocated > 0}
            data-testid="publish"
          >
            {t('notices.publishButton')}
          </Button>
        </Form.Item>
      </Form>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginTop: 12 }} />}
    </Card>
  );
}

/**
 * A correction (更正公告): a new version of the notice from the records as they stand, with its
 * reason, and optionally a reopened objection window. The earlier versions stay public.
 */
function ReviseButton({ notice }: { notice: NoticeSummary }) {
  const { t } = useTranslation('officer');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string; objectionDays?: number | null }>();
  const [problem, setProblem] = useState<string | null>(null);
  const [key, setKey] = useState(newIdempotencyKey);
  const revise = useMutation({
    mutationFn: (v: { reason: string; objectionDays?: number | null }) =>
      api.post<Notice>(
        `/api/v1/notices/${encodeURIComponent(notice.id)}/revisions`,
        { reason: v.reason, ...(v.objectionDays ? { objectionDays: v.objectionDays } : {}) },
        { idempotencyKey: key },
      ),
    onSuccess: async (n) => {
      setProblem(null);
      setKey(newIdempotencyKey());
      setOpen(false);
      form.resetFields();
      message.success(t('notices.revised', { n: n.correction }));
      await queryClient.invalidateQueries({ queryKey: ['officer'] });
      await queryClient.invalidateQueries({ queryKey: ['notice', notice.id] });
    },
    onError: (e) => setProblem(formProblem(form, e)),
  });
  return (
    <>
      <Button size="small" icon={<EditOutlined />} onClick={() => setOpen(true)} data-testid={`revise-${notice.id}`}>
        {t('notices.revise')}
      </Button>
      <Modal
        open={open}
        title={t('notices.revise')}
        okText={t('notices.revise')}
        cancelText={t('cancel', { ns: 'common' })}
        confirmLoading={revise.isPending}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('notices.reviseHelp')}</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={(v) => revise.mutate(v)}>
          <Form.Item
            name="reason"
            label={t('notices.reason')}
            rules={[{ required: true, whitespace: true, message: t('notices.reasonRule') }]}
          >
            <Input.TextArea rows={3} maxLength={2000} showCount />
          </Form.Item>
          <Form.Item
            name="objectionDays"
            label={t('notices.reopenDays')}
            extra={t('notices.reopenHelp')}
            rules={[{ type: 'integer', min: 1, max: 30, message: t('notices.rule.days') }]}
          >
            <InputNumber<number> min={1} max={30} precision={0} suffix={t('notices.days')} style={{ width: 120 }} />
          </Form.Item>
        </Form>
        {problem && <Alert type="error" showIcon title={problem} />}
      </Modal>
    </>
  );
}

function Objections({ noticeId }: { noticeId: string }) {
  const { t } = useTranslation('officer');
  const objections = useObjections(noticeId);
  const rows = objections.data ?? [];
  if (objections.isLoading) return <Typography.Text type="secondary">{t('loading', { ns: 'common' })}</Typography.Text>;
  if (objections.error) return <Alert type="error" showIcon title={String((objections.error as Error).message)} />;
  return (
    <div>
      <Typography.Text strong>{t('notices.objections', { count: rows.length })}</Typography.Text>
      {rows.length > 0 && (
        <List
          size="small"
          dataSource={rows}
          renderItem={(o) => (
            <List.Item>
              <Flex vertical gap={2}>
                <span>
                  <Typography.Text strong>{o.name}</Typography.Text>{' '}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {o.contact} · {formatTime(o.at)}
                  </Typography.Text>
                </span>
                <span>{o.text}</span>
                {o.applicationId && (
                  <Link to={`/officer/applications/${o.applicationId}`} style={{ fontSize: 12 }}>
                    {t('notices.aboutApplication')}
                  </Link>
                )}
              </Flex>
            </List.Item>
          )}
        />
      )}
    </div>
  );
}
