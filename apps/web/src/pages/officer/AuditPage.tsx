import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { AuditEntry, AuditVerification } from '@ftai/api';
import { type DiffRow, diffJson, showValue } from '@ftai/api/audit-diff';
import { AUDIT_ACTIONS, AUDIT_ENTITIES, auditActionKey } from '@ftai/api/audit-labels';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Col, DatePicker, Descriptions, Input, List, Row, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ServerPager } from '../../components/ServerPager';
import { formatTime } from '../../lib/format';
import { auditExportUrl } from './lib/audit-export';
import { useUsers } from './officer-api';
import { errorMessage, PageHeader, QueryState } from './parts';
import { type AuditFilters, useAuditPage } from './records-api';

const PAGE = 20;
const DATE = 'YYYY-MM-DD';
/** The actions the log names (@ftai/api's AUDIT_ACTIONS; the select also finds them by their label). */
const ACTIONS = Object.keys(AUDIT_ACTIONS);
const ENTITIES = Object.keys(AUDIT_ENTITIES);
const KIND_COLORS = { added: 'green', removed: 'red', changed: 'blue' } as const;

/**
 * The audit log (审计日志): every state change, newest first, with who did it (name and role),
 * to which record (by its name, its number to copy) and what changed (a leaf-by-leaf diff, and the
 * raw JSON); filtered by Beijing dates, operator, action and entity and paged by the server; the
 * filtered entries as a workbook (导出Excel); and a check of the hash chain that names each broken
 * entry and shows the chain's head and its anchor.
 */
export function AuditPage() {
  const { t } = useTranslation('officer');
  const [filters, setFilters] = useState<AuditFilters>({});
  const audit = useAuditPage(filters, PAGE);
  const users = useUsers();
  const names = new Map((users.data ?? []).map((u) => [u.id, u.displayName]));
  const entries = audit.data?.entries ?? [];
  const verify = useMutation({ mutationFn: () => api.get<AuditVerification>('/api/v1/audit/verify') });
  /** A change of filter: the pages start again from the newest (useServerPage). */
  const filter = (change: AuditFilters) => setFilters((f) => ({ ...f, ...change }));
  const actionLabel = (a: string) => t(`audit.actions.${auditActionKey(a)}`, { defaultValue: a });

  const columns: ColumnsType<AuditEntry> = [
    { title: '#', dataIndex: 'seq', width: 70 },
    { title: t('audit.at'), dataIndex: 'at', width: 150, render: (v: string) => formatTime(v), responsive: ['sm'] },
    {
      title: t('audit.actor'),
      key: 'actor',
      responsive: ['md'],
      render: (_, e) => <Actor entry={e} names={names} />,
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      render: (v: string) => (
        <div>
          <div>{actionLabel(v)}</div>
          <Typography.Text type="secondary" code style={{ fontSize: 11 }}>
            {v}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('audit.entity'),
      key: 'entity',
      responsive: ['lg'],
      render: (_, e) => (
        <div>
          <Tag>{t(`audit.entities.${e.entity}`, { defaultValue: e.entity })}</Tag>
          {e.entityLabel && <span data-testid="entity-label">{e.entityLabel}</span>}
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }} copyable={{ text: e.entityId }}>
              {t('audit.id', { id: e.entityId.slice(0, 8) })}
            </Typography.Text>
          </div>
        </div>
      ),
    },
  ];

  return (
    <div>
      <PageHeader
        title={t('audit.heading')}
        subtitle={t('audit.subtitle')}
        extra={
          <>
            <Button
              icon={<DownloadOutlined />}
              href={auditExportUrl(filters)}
              download
              title={t('audit.exportHelp')}
              data-testid="audit-export"
            >
              {t('audit.export')}
            </Button>
            <Button icon={<SafetyCertificateOutlined />} onClick={() => verify.mutate()} loading={verify.isPending} data-testid="verify">
              {t('audit.verify')}
            </Button>
          </>
        }
      />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {verify.error && <Alert type="error" showIcon title={errorMessage(verify.error)} />}
        {verify.data && <Verification result={verify.data} />}
        <Card size="small">
          <Row gutter={[8, 8]} style={{ marginBottom: 12 }}>
            <Col xs={24} md={12} xl={8}>
              <DatePicker.RangePicker
                allowEmpty={[true, true]}
                aria-label={t('audit.dates')}
                placeholder={[t('audit.from'), t('audit.to')]}
                value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
                onChange={(range) => filter({ from: range?.[0]?.format(DATE) ?? undefined, to: range?.[1]?.format(DATE) ?? undefined })}
                style={{ width: '100%' }}
                data-testid="date-filter"
              />
            </Col>
            <Col xs={24} sm={12} md={6} xl={4}>
              <Select<string>
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                aria-label={t('audit.actor')}
                placeholder={t('audit.allActors')}
                value={filters.actorId}
                onChange={(v) => filter({ actorId: v })}
                style={{ width: '100%' }}
                options={(users.data ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
                data-testid="actor-filter"
              />
            </Col>
            <Col xs={24} sm={12} md={6} xl={4}>
              <Select<string>
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                aria-label={t('audit.action')}
                placeholder={t('audit.allActions')}
                value={filters.action}
                onChange={(v) => filter({ action: v })}
                style={{ width: '100%' }}
                options={ACTIONS.map((a) => ({ value: a, label: actionLabel(a) }))}
                data-testid="action-filter"
              />
            </Col>
            <Col xs={24} sm={12} md={8} xl={4}>
              <Select<string>
                allowClear
                aria-label={t('audit.entity')}
                placeholder={t('audit.allEntities')}
                value={filters.entity}
                onChange={(v) => filter({ entity: v })}
                style={{ width: '100%' }}
                options={ENTITIES.map((e) => ({ value: e, label: t(`audit.entities.${e}`) }))}
                data-testid="entity-filter"
              />
            </Col>
            <Col xs={24} sm={12} md={16} xl={4}>
              <Input.Search
                allowClear
                aria-label={t('audit.entityId')}
                placeholder={t('audit.entityId')}
                onSearch={(v) => filter({ entityId: v.trim() || undefined })}
              />
            </Col>
          </Row>
          <QueryState
            isLoading={audit.isLoading}
            error={audit.error}
            isEmpty={entries.length === 0 && audit.pageIndex === 0}
            empty={t('audit.none')}
            onRetry={() => void audit.refetch()}
          >
            <Table<AuditEntry>
              rowKey="seq"
              size="small"
              columns={columns}
              dataSource={entries}
              pagination={false}
              loading={audit.isFetching}
              expandable={{
                expandedRowRender: (e) => <EntryDetail entry={e} names={names} />,
              }}
              data-testid="audit-table"
            />
            <ServerPager {...audit} />
          </QueryState>
        </Card>
      </Space>
    </div>
  );
}

/** Who made the change: the operator's name and role; the system, or the public for an objection. */
function Actor({ entry, names }: { entry: AuditEntry; names: ReadonlyMap<string, string> }) {
  const { t } = useTranslation('officer');
  if (entry.actorId === null)
    return <Typography.Text type="secondary">{entry.entity === 'objection' ? t('audit.public') : t('audit.system')}</Typography.Text>;
  return (
    <span>
      {entry.actorName ?? names.get(entry.actorId) ?? entry.actorId}
      {entry.actorRole && (
        <Tag style={{ marginInlineStart: 6 }} data-testid="actor-role">
          {t(`role.${entry.actorRole}`, { ns: 'common' })}
        </Tag>
      )}
    </span>
  );
}

/** The chain as checked: its head, the key it is signed with, and the anchor file with the head it last held. */
function ChainFacts({ result }: { result: AuditVerification }) {
  const { t } = useTranslation('officer');
  const last = result.anchors?.last ?? null;
  const items = [
    {
      key: 'head',
      label: t('audit.verification.head'),
      children:
        result.headHash === null
          ? t('audit.verification.noHead')
          : t('audit.verification.headValue', { seq: result.headSeq, hash: result.headHash.slice(0, 16) }),
    },
    {
      key: 'key',
      label: t('audit.verification.key'),
      children:
        result.keyId === null ? (
          t('audit.verification.noKey')
        ) : (
          <span>
            <Typography.Text code>{result.keyId}</Typography.Text>
            {result.keyedFrom !== null && t('audit.verification.keyedFrom', { seq: result.keyedFrom })}
          </span>
        ),
    },
    {
      key: 'anchorFile',
      label: t('audit.verification.anchorFile'),
      children:
        result.anchors === null ? (
          t('audit.verification.noAnchorFile')
        ) : (
          <span>
            <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
              {result.anchors.file}
            </Typography.Text>
            {t('audit.verification.anchorCount', { count: result.anchors.count })}
          </span>
        ),
    },
    {
      key: 'lastAnchor',
      label: t('audit.verification.lastAnchor'),
      children:
        last === null
          ? t('audit.verification.noAnchor')
          : t('audit.verification.lastAnchorValue', { seq: last.seq, hash: last.hash.slice(0, 16), at: formatTime(last.at) }),
    },
  ];
  return <Descriptions size="small" column={{ xs: 1, md: 2 }} items={items} data-testid="verify-facts" style={{ marginTop: 8 }} />;
}

function Verification({ result }: { result: AuditVerification }) {
  const { t } = useTranslation('officer');
  if (result.ok) {
    return (
      <Alert
        type="success"
        showIcon
        data-testid="verify-result"
        title={t('audit.ok', { entries: result.entries, head: result.headSeq })}
        description={<ChainFacts result={result} />}
      />
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      data-testid="verify-result"
      title={t('audit.broken', { count: result.problems.length, entries: result.entries })}
      description={
        <>
          <List
            size="small"
            dataSource={[...result.problems]}
            renderItem={(p) => (
              <List.Item>
                <Typography.Text strong>#{p.seq}</Typography.Text> {p.problem}
              </List.Item>
            )}
          />
          <ChainFacts result={result} />
        </>
      }
    />
  );
}

function EntryDetail({ entry, names }: { entry: AuditEntry; names: ReadonlyMap<string, string> }) {
  const { t } = useTranslation('officer');
  const [raw, setRaw] = useState(false);
  const rows = diffJson(entry.before, entry.after);
  const columns: ColumnsType<DiffRow> = [
    { title: t('audit.path'), dataIndex: 'path', render: (p: string) => <Typography.Text code>{p || '—'}</Typography.Text> },
    {
      title: t('audit.change'),
      dataIndex: 'kind',
      width: 90,
      render: (k: DiffRow['kind']) => <Tag color={KIND_COLORS[k]}>{t(`audit.kind.${k}`)}</Tag>,
    },
    {
      title: t('audit.before'),
      dataIndex: 'before',
      render: (v: unknown) => <span style={{ wordBreak: 'break-all' }}>{showValue(v)}</span>,
    },
    { title: t('audit.after'), dataIndex: 'after', render: (v: unknown) => <span style={{ wordBreak: 'break-all' }}>{showValue(v)}</span> },
  ];
  return (
    <div>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {formatTime(entry.at)} · <Actor entry={entry} names={names} /> ·{' '}
        {t(`audit.entities.${entry.entity}`, { defaultValue: entry.entity })}
        {entry.entityLabel && <> · {entry.entityLabel}</>} · {t('audit.id', { id: entry.entityId })} ·{' '}
        {t('audit.hash', { hash: entry.hash.slice(0, 16) })}
      </Typography.Paragraph>
      {rows.length > 0 ? (
        <Table<DiffRow> size="small" rowKey="path" columns={columns} dataSource={rows} pagination={false} scroll={{ x: 'max-content' }} />
      ) : (
        <Typography.Text type="secondary">{t('audit.noChange')}</Typography.Text>
      )}
      <Button type="link" size="small" onClick={() => setRaw(!raw)} style={{ paddingInline: 0, marginTop: 4 }}>
        {raw ? t('audit.hideJson') : t('audit.showJson')}
      </Button>
      {raw && (
        <Row gutter={12}>
          {(['before', 'after'] as const).map((side) => (
            <Col xs={24} md={12} key={side}>
              <Typography.Text strong>{t(`audit.${side}`)}</Typography.Text>
              <pre style={{ background: '#fafafa', padding: 8, borderRadius: 6, fontSize: 12, maxHeight: 320, overflow: 'auto' }}>
                {JSON.stringify(entry[side], null, 2)}
              </pre>
            </Col>
          ))}
        </Row>
      )}
    </div>
  );
}
