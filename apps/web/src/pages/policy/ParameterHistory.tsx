import type { ParameterHistory as History } from '@ftai/api';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Input, Result, Skeleton, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { articleHeading } from '../../api/article-label';
import { api } from '../../api/client';
import { useArticleIndex } from '../../api/use-catalogue';
import { ParameterValue } from '../../components/ParameterValue';
import { ScrollRegion } from '../../components/ScrollRegion';
import { formatDate } from '../../lib/format';
import { articleOfParameter } from '../../lib/parameter-values';

type Parameter = History['parameters'][number];
type Entry = Parameter['history'][number];

/**
 * 参数及历史 (the policy browser): every parameter with its value in effect today, its clause, 假设
 * with the assumption's text where the figure or reading is one, and its history over the approved
 * versions (version, effective date, value, the document behind it); the version in effect named
 * at the top.
 */
export function ParameterHistoryTab() {
  const { t, i18n } = useTranslation('policy');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const [q, setQ] = useState('');
  const articles = useArticleIndex();
  const data = useQuery({ queryKey: ['policy', 'parameters'], queryFn: () => api.get<History>('/api/v1/policy/parameters') });
  const groups = useMemo(() => {
    const out = new Map<number | null, Parameter[]>();
    const needle = q.trim().toLowerCase();
    for (const p of data.data?.parameters ?? []) {
      if (needle && !`${p.id} ${p.reference} ${p.label.zh} ${p.label.en}`.toLowerCase().includes(needle)) continue;
      const a = articleOfParameter(p.id);
      out.set(a, [...(out.get(a) ?? []), p]);
    }
    return out;
  }, [data.data, q]);

  if (data.isLoading) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (data.isError || !data.data)
    return (
      <Result
        status="error"
        title={t('error', { ns: 'common' })}
        extra={<Button onClick={() => void data.refetch()}>{t('retry', { ns: 'common' })}</Button>}
      />
    );
  const d = data.data;
  const historyColumns: ColumnsType<Entry & { unit: Parameter['unit'] }> = [
    {
      title: t('history.version'),
      key: 'version',
      render: (_, h) => (
        <span>
          {t('history.numbered', { n: h.number })}{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12 }} translate="no">
            {h.version}
          </Typography.Text>
        </span>
      ),
    },
    { title: t('history.effectiveOn'), dataIndex: 'effectiveOn', render: (v: string) => formatDate(v, lang) },
    {
      title: t('history.value'),
      key: 'value',
      render: (_, h) => (
        <span>
          <ParameterValue unit={h.unit} value={h.value} />
          {h.assumed && (
            <Tag color="orange" style={{ marginInlineStart: 6 }}>
              {t('assumption')}
            </Tag>
          )}
        </span>
      ),
    },
    { title: t('history.authority'), dataIndex: 'authority' },
  ];
  const columns: ColumnsType<Parameter> = [
    {
      title: t('history.parameter'),
      key: 'parameter',
      render: (_, p) => (
        <div style={{ minWidth: 160, maxWidth: 420 }}>
          <div>
            {p.label[lang]}{' '}
            {p.assumed && (
              <Tag color="orange" data-testid={`assumed-${p.id}`}>
                {t('assumption')}
              </Tag>
            )}
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} translate="no">
            {p.id}
          </Typography.Text>
          {p.assumed && (
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '4px 0 0' }}>
              {p.assumed[lang]}
            </Typography.Paragraph>
          )}
        </div>
      ),
    },
    { title: t('history.clause'), dataIndex: 'reference', render: (r: string) => <span style={{ whiteSpace: 'nowrap' }}>{r}</span> },
    {
      title: t('history.inEffect'),
      key: 'value',
      render: (_, p) => <ParameterValue unit={p.unit} value={p.value} testId={`value-${p.id}`} />,
    },
    {
      title: t('history.history'),
      key: 'history',
      align: 'right',
      render: (_, p) => <span style={{ whiteSpace: 'nowrap' }}>{t('history.versions', { n: p.history.length })}</span>,
    },
  ];
  return (
    <div data-testid="parameter-history">
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('history.current', { n: d.inEffect.number, version: d.inEffect.version, from: formatDate(d.inEffect.effectiveOn, lang) })}
        description={t('history.help')}
        data-testid="parameter-version-in-effect"
      />
      <Input.Search
        allowClear
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder={t('history.search')}
        aria-label={t('history.search')}
        style={{ maxWidth: 480, marginBottom: 16 }}
      />
      {[...groups].map(([a, list]) => (
        <Card
          key={a ?? 'general'}
          size="small"
          style={{ marginBottom: 16 }}
          title={
            <span style={{ whiteSpace: 'normal' }}>
              {a === null ? t('history.general') : articleHeading(articles.get(a), lang, String(a))}
            </span>
          }
        >
          <ScrollRegion label={a === null ? t('history.general') : articleHeading(articles.get(a), lang, String(a))}>
            <Table<Parameter>
              rowKey="id"
              size="small"
              columns={columns}
              dataSource={list}
              pagination={false}
              expandable={{
                expandRowByClick: true,
                expandedRowRender: (p) => (
                  <Table
                    rowKey="number"
                    size="small"
                    columns={historyColumns}
                    dataSource={p.history.map((h) => ({ ...h, unit: p.unit }))}
                    pagination={false}
                    data-testid={`history-${p.id}`}
                  />
                ),
              }}
            />
          </ScrollRegion>
        </Card>
      ))}
    </div>
  );
}
