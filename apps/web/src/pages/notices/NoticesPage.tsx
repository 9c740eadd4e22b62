import { DownloadOutlined, ExportOutlined, MessageOutlined } from '@ant-design/icons';
import type { Notice, NoticeAuditHead, NoticeEntry, NoticeList, NoticeSummary } from '@ftai/api';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Collapse,
  Empty,
  Grid,
  Input,
  List,
  Result,
  Row,
  Skeleton,
  Space,
  Statistic,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { Money } from '../../components/Money';
import { ServerPager } from '../../components/ServerPager';
import { formatDate, formatYuan } from '../../lib/format';
import { usePageTitle } from '../../lib/use-page-title';
import { useServerPage } from '../../lib/use-server-page';
import { ObjectionModal } from './ObjectionModal';

/**
 * The lines of a notice, a page at a time from the server, with a search by enterprise name or
 * credit code (loaded when opened): a notice may list a hundred thousand lines.
 */
function NoticeLines({ id }: { id: string }) {
  const { t, i18n } = useTranslation('policy');
  const { t: tc } = useTranslation();
  const screens = Grid.useBreakpoint();
  const [q, setQ] = useState('');
  const lines = useServerPage(
    ['notice', id, 'lines'],
    `/api/v1/notices/${encodeURIComponent(id)}`,
    { q },
    (url) => api.get<Notice>(url),
    10,
  );
  if (lines.isError) return <Typography.Text type="danger">{tc('error')}</Typography.Text>;
  const rows = lines.data?.lines ?? [];
  return (
    <div>
      <Input.Search
        allowClear
        placeholder={t('notices.search')}
        aria-label={t('notices.search')}
        onSearch={(v) => setQ(v.trim())}
        style={{ maxWidth: 360, marginBottom: 12 }}
        data-testid={`lines-search-${id}`}
      />
      <Table<NoticeEntry>
        size="small"
        rowKey="no"
        loading={lines.isFetching}
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={tc('empty')} /> }}
        columns={[
          { title: t('notices.no'), dataIndex: 'no', key: 'no', width: 64 },
          { title: t('notices.enterpriseName'), dataIndex: 'enterpriseName', key: 'name' },
          ...(screens.md ? [{ title: t('notices.creditCode'), dataIndex: 'creditCode', key: 'creditCode' }] : []),
          { title: t('notices.lines'), dataIndex: 'measureName', key: 'measure' },
          {
            title: i18n.language === 'en' ? `${t('notices.amount')} (${tc('yuan')})` : `${t('notices.amount')}（${tc('yuan')}）`,
            dataIndex: 'amount',
            key: 'amount',
            align: 'right' as const,
            render: (v: number) => <Money value={v} />,
          },
        ]}
      />
      <ServerPager {...lines} />
    </div>
  );
}

/** The name of a version: 原公示, or 第N次更正. */
function useVersionName() {
  const { t } = useTranslation('policy');
  return (version: number) => (version === 1 ? t('notices.original') : t('notices.correction', { n: version - 1 }));
}

/** The audit chain's head printed on the notice, for the public to keep (审计链校验值). */
function AuditHead({ head }: { head: NoticeAuditHead }) {
  const { t } = useTranslation('policy');
  return (
    <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 12, marginBottom: 0, wordBreak: 'break-all' }}>
      <Tooltip title={t('notices.auditHeadHelp')}>
        <span style={{ textDecoration: 'underline dotted' }}>{t('notices.auditHead')}</span>
      </Tooltip>
      {'：'}
      {t('notices.auditHeadValue', { seq: head.seq })}{' '}
      <Typography.Text code copyable style={{ fontSize: 12 }}>
        {head.hash}
      </Typography.Text>
    </Typography.Paragraph>
  );
}

/** Every version of a notice, oldest first, each with its page and workbook (loaded when opened). */
function NoticeVersions({ id }: { id: string }) {
  const { t, i18n } = useTranslation('policy');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const { t: tc } = useTranslation();
  const name = useVersionName();
  const detail = useQuery({
    queryKey: ['notice', id, 'versions'],
    queryFn: () => api.get<Notice>(`/api/v1/notices/${encodeURIComponent(id)}?limit=1`),
  });
  if (detail.isLoading) return <Skeleton active paragraph={{ rows: 2 }} />;
  if (detail.isError || !detail.data) return <Typography.Text type="danger">{tc('error')}</Typography.Text>;
  const latest = detail.data.latestVersion;
  const base = `/notices/${encodeURIComponent(id)}/versions`;
  return (
    <List
      size="small"
      data-testid={`versions-${id}`}
      dataSource={[...detail.data.versions]}
      renderItem={(v) => (
        <List.Item
          actions={[
            <a key="page" href={`${base}/${v.version}`} target="_blank" rel="noopener">
              {t('notices.versionPage')}
            </a>,
            <a key="xlsx" href={`/api/v1${base}/${v.version}/export.xlsx`} download>
              {t('notices.versionXlsx')}
            </a>,
          ]}
        >
          <Space orientation="vertical" size={0}>
            <Space size={8} wrap>
              <Typography.Text strong>{name(v.version)}</Typography.Text>
              <span>{formatDate(v.on, lang)}</span>
              {v.version === latest ? <Tag color="blue">{t('notices.current')}</Tag> : <Tag>{t('notices.superseded')}</Tag>}
            </Space>
            {v.reason && (
              <Typography.Text type="secondary">
                {t('notices.reason')}
                {lang === 'en' ? ': ' : '：'}
                {v.reason}
              </Typography.Text>
            )}
          </Space>
        </List.Item>
      )}
    />
  );
}

/** One notice: call, dates, window, size and total, and the ways to read it and to object. */
function NoticeCard({ notice, onObject }: { notice: NoticeSummary; onObject: () => void }) {
  const { t, i18n } = useTranslation('policy');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const { t: tc } = useTranslation();
  const name = useVersionName();
  return (
    <Card
      data-testid={`notice-${notice.id}`}
      title={<span style={{ whiteSpace: 'normal' }}>{notice.title}</span>}
      extra={
        <Space size={4} wrap>
          {notice.version > 1 && <Tag color="warning">{name(notice.version)}</Tag>}
          {notice.isOpenForObjections ? (
            <Tag color="processing">{t('notices.open')}</Tag>
          ) : (
            <Tag color="default">{t('notices.closed')}</Tag>
          )}
        </Space>
      }
      style={{ marginBottom: 16 }}
    >
      <Row gutter={[16, 12]}>
        <Col xs={12} md={5}>
          <Statistic title={t('notices.publishedOn')} value={formatDate(notice.publishedOn, lang)} styles={{ content: { fontSize: 18 } }} />
        </Col>
        <Col xs={12} md={5}>
          <Statistic
            title={t('notices.window')}
            value={t('notices.until', { d: formatDate(notice.objectionsUntil, lang) })}
            styles={{ content: { fontSize: 18, color: notice.isOpenForObjections ? '#0958d9' : undefined } }}
          />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t('notices.enterprises')} value={notice.enterprises} styles={{ content: { fontSize: 18 } }} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t('notices.lines')} value={notice.count} styles={{ content: { fontSize: 18 } }} />
        </Col>
        <Col xs={24} md={6}>
          <Statistic
            title={`${t('notices.total')}(${tc('yuan')})`}
            value={formatYuan(notice.total)}
            styles={{ content: { fontSize: 18, fontWeight: 600 } }}
          />
        </Col>
      </Row>
      {notice.version > 1 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 16 }}
          title={t('notices.correctionLine', {
            version: name(notice.version),
            date: formatDate(notice.versionOn, lang),
            reason: notice.reason ?? '',
          })}
        />
      )}
      <AuditHead head={notice.auditHead} />
      <Space wrap style={{ marginTop: 16 }}>
        {/* The server renders the notice page itself: a full page load, not a route of this app. */}
        <Button type="primary" href={`/notices/${encodeURIComponent(notice.id)}`} target="_blank" rel="noopener" icon={<ExportOutlined />}>
          {t('notices.view')}
          <span
            className="sr-only"
            style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' }}
          >
            {t('notices.newWindow')}
          </span>
        </Button>
        <Button href={`/api/v1/notices/${encodeURIComponent(notice.id)}/export.xlsx`} download icon={<DownloadOutlined />}>
          {t('notices.xlsx')}
        </Button>
        {notice.isOpenForObjections && (
          <Button icon={<MessageOutlined />} onClick={onObject} data-testid={`object-${notice.id}`}>
            {t('notices.object')}
          </Button>
        )}
      </Space>
      <Collapse
        ghost
        style={{ marginTop: 8 }}
        items={[
          {
            key: 'list',
            label: lang === 'en' ? `${t('notices.list')} (${notice.count})` : `${t('notices.list')}（${notice.count}）`,
            children: <NoticeLines id={notice.id} />,
          },
          {
            key: 'versions',
            label: lang === 'en' ? `${t('notices.versions')} (${notice.version})` : `${t('notices.versions')}（${notice.version}）`,
            children: <NoticeVersions id={notice.id} />,
          },
        ]}
      />
    </Card>
  );
}

/** 公示公告: published notices, each with its page, its .xlsx, and objections while open. */
export function NoticesPage() {
  usePageTitle('nav.notices');
  const { t } = useTranslation('policy');
  const { t: tc } = useTranslation();
  const notices = useServerPage(['notices'], '/api/v1/notices', {}, (url) => api.get<NoticeList>(url), 10);
  const [objecting, setObjecting] = useState<NoticeSummary | null>(null);
  return (
    <div>
      <Typography.Title level={1} style={{ marginTop: 0, marginBottom: 4, fontSize: 30 }}>
        {t('notices.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('notices.subtitle')}</Typography.Paragraph>
      {notices.isLoading && <Skeleton active paragraph={{ rows: 6 }} />}
      {notices.isError && (
        <Result status="error" title={tc('error')} extra={<Button onClick={() => void notices.refetch()}>{tc('retry')}</Button>} />
      )}
      {notices.data && notices.data.notices.length === 0 && (
        <Card>
          <Empty description={t('notices.empty')} data-testid="notices-empty" />
        </Card>
      )}
      {notices.data?.notices.map((n) => (
        <NoticeCard key={n.id} notice={n} onObject={() => setObjecting(n)} />
      ))}
      {notices.data && (notices.hasNext || notices.hasPrevious) && <ServerPager {...notices} />}
      {objecting && <ObjectionModal notice={objecting} onClose={() => setObjecting(null)} />}
    </div>
  );
}
