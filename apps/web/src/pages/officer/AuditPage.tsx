import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { AuditEntry, AuditVerification } from '@ftai/api';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Flex, Input, List, Row, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { formatTime } from '../../lib/format';
import { type DiffRow, diffJson, showValue } from './lib/audit-diff';
import { useAudit, useUsers } from './officer-api';
import { errorMessage, PageHeader, QueryState } from './parts';

const PAGE = 20;
const ENTITIES = [
  'application',
  'call',
  'review_assignment',
  'allocation',
  'notice',
  'objection',
  'other_policy_award_batch',
  'match_job',
  'enterprise',
  'user',
];
const KIND_COLORS = { added: 'green', removed: 'red', changed: 'blue' } as const;

/**
 * The audit log (审计日志): every state change, newest first, with who did it and what changed
 * (a leaf-by-leaf diff, and the raw JSON); filtered by entity; and a check of the hash chain that
 * names each broken entry.
 */
export function AuditPage() {
  const { t } = useTranslation('officer');
  const [entity, setEntity] = useState<string | undefined>();
  const [entityId, setEntityId] = useState<string | undefined>();
  // Cursors of the pages seen so far: page k starts before cursors[k] (undefined for the newest).
  const [cursors, setCursors] = useState<(number | undefined)[]>([undefined]);
  const page = cursors.length - 1;
  const audit = useAudit({ entity, entityId, before: cursors[page], limit: PAGE });
  const users = useUsers();
  const names = new Map((users.data ?? []).map((u) => [u.id, u.displayName]));
  const entries = audit.data ?? [];
  const verify = useMutation({ mutationFn: () => api.get<AuditVerification>('/api/v1/audit/verify') });

  const restart = () => setCursors([undefined]);
  const last = entries[entries.length - 1];

  const columns: ColumnsType<AuditEntry> = [
    { title: '#', dataIndex: 'seq', width: 70 },
    { title: t('audit.at'), dataIndex: 'at', width: 150, render: (v: string) => formatTime(v), responsive: ['sm'] },
    {
      title: t('audit.actor'),
      dataIndex: 'actorId',
      responsive: ['md'],
      render: (v: string | null) =>
        v === null ? <Typography.Text type="secondary">{t('audit.system')}</Typography.Text> : (names.get(v) ?? v),
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      render: (v: string) => (
        <div>
          <div>{t(`audit.actions.${v.replace(/\./g, '_')}`, { defaultValue: v })}</div>
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
          <Typography.Text type="secondary" style={{ fontSize: 12 }} copyable={{ text: e.entityId }}>
            {e.entityId.slice(0, 8)}
          </Typography.Text>
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
          <Button icon={<SafetyCertificateOutlined />} onClick={() => verify.mutate()} loading={verify.isPending} data-testid="verify">
            {t('audit.verify')}
          </Button>
        }
      />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {verify.error && <Alert type="error" showIcon title={errorMessage(verify.error)} />}
        {verify.data && <Verification result={verify.data} />}
        <Card size="small">
          <Row gutter={[8, 8]} style={{ marginBottom: 12 }}>
            <Col xs={24} sm={10} md={8}>
              <Select<string>
                allowClear
                aria-label={t('audit.entity')}
                placeholder={t('audit.allEntities')}
                value={entity}
                onChange={(v) => {
                  setEntity(v);
                  restart();
                }}
                style={{ width: '100%' }}
                options={ENTITIES.map((e) => ({ value: e, label: t(`audit.entities.${e}`) }))}
                data-testid="entity-filter"
              />
            </Col>
            <Col xs={24} sm={14} md={10}>
              <Input.Search
                allowClear
                aria-label={t('audit.entityId')}
                placeholder={t('audit.entityId')}
                onSearch={(v) => {
                  setEntityId(v.trim() || undefined);
                  restart();
                }}
              />
            </Col>
          </Row>
          <QueryState
            isLoading={audit.isLoading}
            error={audit.error}
            isEmpty={entries.length === 0 && page === 0}
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
                expandedRowRender: (e) => <EntryDetail entry={e} actor={e.actorId ? (names.get(e.actorId) ?? e.actorId) : null} />,
              }}
              data-testid="audit-table"
            />
            <Flex justify="space-between" align="center" style={{ marginTop: 12 }}>
              <Typography.Text type="secondary">{t('audit.page', { page: page + 1 })}</Typography.Text>
              <Space>
                <Button disabled={page === 0} onClick={() => setCursors((c) => c.slice(0, -1))}>
                  {t('audit.newer')}
                </Button>
                <Button disabled={entries.length < PAGE || !last} onClick={() => last && setCursors((c) => [...c, last.seq])}>
                  {t('audit.older')}
                </Button>
              </Space>
            </Flex>
          </QueryState>
        </Card>
      </Space>
    </div>
  );
}

function Verification({ result }: { result: AuditVerification }) {
  const { t } = useTranslation('officer');
  if (result.ok) {
    return (
      <Alert type="success" showIcon data-testid="verify-result" title={t('audit.ok', { entries: result.entries, head: result.headSeq })} />
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      data-testid="verify-result"
      title={t('audit.broken', { count: result.problems.length, entries: result.entries })}
      description={
        <List
          size="small"
          dataSource={[...result.problems]}
          renderItem={(p) => (
            <List.Item>
              <Typography.Text strong>#{p.seq}</Typography.Text> {p.problem}
            </List.Item>
          )}
        />
      }
    />
  );
}

function EntryDetail({ entry, actor }: { entry: AuditEntry; actor: string | null }) {
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
        {formatTime(entry.at)} · {actor ?? t('audit.system')} · {entry.entity} {entry.entityId} · hash {entry.hash.slice(0, 16)}…
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
