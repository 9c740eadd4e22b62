import { ImportOutlined, UploadOutlined } from '@ant-design/icons';
import type { ImportOutcome, OtherAward } from '@ftai/api';
import { issueText } from '@ftai/api/issue-text';
import { measureLabel } from '@ftai/policy-fengtai/report/words';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Collapse, Flex, Form, Grid, Input, List, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client';
import { ENTERPRISE_MEASURE_IDS } from '../../api/policy-ids';
import { useMeasureIndex } from '../../api/use-catalogue';
import { Money } from '../../components/Money';
import { ServerPager } from '../../components/ServerPager';
import { formatTime, formatYuan } from '../../lib/format';
import { type IssueRow, issueRows } from './lib/import-issues';
import { errorMessage, PageHeader, QueryState } from './parts';
import { type OtherAwardFilters, recordKeys, useOtherAwardsPage } from './records-api';

/** The years a filter offers: from 2020 to next year. */
const YEARS = Array.from({ length: new Date().getFullYear() - 2018 }, (_, i) => String(new Date().getFullYear() + 1 - i));

/**
 * The columns in the page's language (the import takes either heading): each row names subject
 * (支持对象) or measure (对应本措施事项), one of the two.
 */
const TEMPLATE = {
  zh: '统一社会信用代码,政策名称,支持对象,对应本措施事项,金额,年度\n',
  en: 'creditCode,policy,subject,measure,amount,year\n',
} as const;
const example = (lang: 'zh' | 'en') =>
  `${TEMPLATE[lang]}91110106MA01ABCD2L,丰台区促进高精尖产业发展若干措施,SC-1,,450000,2025\n91110106MA01ABCD2L,丰台区专精特新企业奖励,,5.3a,500000,2026`;

/**
 * Other district policies' awards (他项政策奖励), imported from CSV so that best-of-never-twice
 * (从优不重复) can compare: paste or pick a file, see every bad row with its line and column (the
 * import takes all rows or none), and the awards on record, searched, filtered and paged by the server.
 */
export function OtherAwardsPage() {
  const { t, i18n } = useTranslation('officer');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const measures = useMeasureIndex();
  /** What an award names: its subject, or the measure of this policy it overlaps. */
  const supported = (a: OtherAward) =>
    a.measure
      ? `${t('awards.column.measure')}${lang === 'en' ? ': ' : '：'}${measureLabel(measures.get(a.measure), lang, a.measure)}`
      : (a.subject ?? '—');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const screens = Grid.useBreakpoint();
  const [filters, setFilters] = useState<OtherAwardFilters>({});
  const awards = useOtherAwardsPage(filters);
  const shown = awards.data?.awards ?? [];
  const [form] = Form.useForm<{ csv: string }>();
  const [issues, setIssues] = useState<IssueRow[] | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);

  const importCsv = useMutation({
    mutationFn: (csv: string) => api.post<ImportOutcome>('/api/v1/other-policy-awards/import', { csv }),
    onSuccess: async (o) => {
      setIssues(null);
      setRefusal(null);
      setOutcome(o);
      form.resetFields();
      message.success(t('awards.imported', { rows: o.rows }));
      await queryClient.invalidateQueries({ queryKey: recordKeys.otherAwards });
    },
    onError: (e) => {
      setOutcome(null);
      const rows = e instanceof ApiError ? issueRows(e.issues) : [];
      setIssues(rows.length > 0 ? rows : null);
      setRefusal(rows.length > 0 ? t('awards.refused', { count: rows.length }) : errorMessage(e));
    },
  });

  const field = (f: string | null) =>
    f === null ? t('awards.wholeRow') : f === 'header' ? t('awards.header') : t(`awards.column.${f}`, { defaultValue: f });
  const issueColumns: ColumnsType<IssueRow> = [
    {
      title: t('awards.line'),
      dataIndex: 'line',
      width: 90,
      render: (l: number | null) => (l === null ? '—' : t('awards.lineN', { line: l })),
    },
    { title: t('awards.field'), dataIndex: 'field', width: 160, render: (f: string | null) => <Tag color="red">{field(f)}</Tag> },
    { title: t('awards.problem'), dataIndex: 'message', render: (m: string) => issueText(m, lang) },
  ];

  const awardColumns: ColumnsType<OtherAward> = [
    {
      title: t('queue.enterprise'),
      key: 'e',
      render: (_, a) => (
        <div>
          <div>{a.enterpriseName ?? t('awards.unknownEnterprise')}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {a.creditCode}
          </Typography.Text>
        </div>
      ),
    },
    { title: t('awards.column.policy'), dataIndex: 'policy' },
    { title: t('awards.supported'), key: 'supported', render: (_, a) => supported(a) },
    { title: t('awards.column.year'), dataIndex: 'year', width: 80 },
    { title: t('awards.column.amount'), dataIndex: 'amount', align: 'right', render: (v: number) => <Money value={v} strong /> },
    {
      title: t('awards.importedAt'),
      key: 'at',
      responsive: ['lg'],
      render: (_, a) => (
        <Space size={4}>
          <span>{formatTime(a.importedAt)}</span>
          {outcome?.batchId === a.batchId && <Tag color="green">{t('awards.new')}</Tag>}
        </Space>
      ),
    },
  ];

  return (
    <div>
      <PageHeader title={t('awards.heading')} subtitle={t('awards.subtitle')} />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card title={t('awards.import')} size="small">
          <Typography.Paragraph type="secondary" style={{ fontSize: 13 }} data-testid="awards-help">
            {t('awards.help')}
          </Typography.Paragraph>
          <Collapse
            size="small"
            ghost
            style={{ marginBottom: 8 }}
            items={[
              {
                key: 'measures',
                label: t('awards.measuresTitle'),
                children: (
                  <ul style={{ margin: 0, paddingInlineStart: 18, fontSize: 13 }} data-testid="awards-measures">
                    {ENTERPRISE_MEASURE_IDS.map((id) => (
                      <li key={id}>
                        <Typography.Text code>{id}</Typography.Text> {measureLabel(measures.get(id), lang, id)}
                      </li>
                    ))}
                  </ul>
                ),
              },
            ]}
          />
          <Form form={form} layout="vertical" onFinish={(v) => importCsv.mutate(v.csv)}>
            <Form.Item
              name="csv"
              label={t('awards.csv')}
              rules={[
                { required: true, whitespace: true, message: t('awards.rule.csv') },
                { max: 5 * 1024 * 1024, message: t('awards.rule.size') },
              ]}
            >
              <Input.TextArea
                rows={6}
                placeholder={example(i18n.language === 'en' ? 'en' : 'zh')}
                style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 13 }}
                data-testid="csv-input"
              />
            </Form.Item>
            <Flex gap={8} wrap>
              <Upload
                accept=".csv,text/csv"
                showUploadList={false}
                maxCount={1}
                beforeUpload={(file) => {
                  void file.text().then((text) => {
                    form.setFieldsValue({ csv: text });
                    void form.validateFields(['csv']);
                  });
                  return false;
                }}
              >
                <Button icon={<UploadOutlined />}>{t('awards.pickFile')}</Button>
              </Upload>
              <Button onClick={() => form.setFieldsValue({ csv: TEMPLATE[i18n.language === 'en' ? 'en' : 'zh'] })}>
                {t('awards.template')}
              </Button>
              <Button type="primary" htmlType="submit" icon={<ImportOutlined />} loading={importCsv.isPending} data-testid="import">
                {t('awards.importButton')}
              </Button>
            </Flex>
          </Form>
          {refusal && (
            <Alert
              type="error"
              showIcon
              style={{ marginTop: 16 }}
              title={refusal}
              description={issues ? t('awards.nothingImported') : undefined}
              data-testid="import-refused"
            />
          )}
          {issues && (
            <Table<IssueRow>
              style={{ marginTop: 12 }}
              size="small"
              rowKey="key"
              columns={issueColumns}
              dataSource={issues}
              pagination={issues.length > 20 ? { pageSize: 20 } : false}
              data-testid="import-issues"
            />
          )}
          {outcome && (
            <Alert
              type="success"
              showIcon
              style={{ marginTop: 16 }}
              data-testid="import-done"
              title={t('awards.importedText', { rows: outcome.rows, amount: formatYuan(outcome.amount) })}
              description={t('awards.batch', { id: outcome.batchId })}
            />
          )}
        </Card>
        <Card
          title={t('awards.list')}
          size="small"
          extra={
            awards.data && (
              <Typography.Text type="secondary">
                {t('awards.listTotal', { count: awards.data.page.total, amount: formatYuan(awards.data.total) })}
              </Typography.Text>
            )
          }
        >
          <Flex gap={8} wrap style={{ marginBottom: 12 }}>
            <Input.Search
              allowClear
              aria-label={t('awards.filter')}
              placeholder={t('awards.filter')}
              onSearch={(v) => setFilters((f) => ({ ...f, q: v.trim() || undefined }))}
              style={{ maxWidth: 320 }}
              data-testid="awards-search"
            />
            <Select<string>
              allowClear
              aria-label={t('awards.column.year')}
              placeholder={t('awards.allYears')}
              value={filters.year}
              onChange={(year) => setFilters((f) => ({ ...f, year }))}
              options={YEARS.map((y) => ({ value: y, label: y }))}
              style={{ width: 120 }}
              data-testid="awards-year"
            />
            <Select<'imported' | 'amount'>
              aria-label={t('awards.sortImported')}
              value={filters.sort ?? 'imported'}
              onChange={(sort) => setFilters((f) => ({ ...f, sort: sort === 'imported' ? undefined : sort }))}
              options={[
                { value: 'imported', label: t('awards.sortImported') },
                { value: 'amount', label: t('awards.sortAmount') },
              ]}
              style={{ width: 160 }}
            />
          </Flex>
          <QueryState
            isLoading={awards.isLoading}
            error={awards.error}
            isEmpty={shown.length === 0 && awards.pageIndex === 0}
            empty={t('awards.none')}
            onRetry={() => void awards.refetch()}
          >
            {screens.md ? (
              <Table<OtherAward>
                rowKey="id"
                size="small"
                columns={awardColumns}
                dataSource={shown}
                pagination={false}
                loading={awards.isFetching}
              />
            ) : (
              <List
                dataSource={shown}
                renderItem={(a) => (
                  <List.Item>
                    <Flex vertical style={{ width: '100%' }} gap={2}>
                      <Flex justify="space-between">
                        <Typography.Text strong>{a.enterpriseName ?? a.creditCode}</Typography.Text>
                        <Money value={a.amount} strong />
                      </Flex>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {a.policy} · {supported(a)} · {a.year}
                      </Typography.Text>
                    </Flex>
                  </List.Item>
                )}
              />
            )}
            <ServerPager {...awards} />
          </QueryState>
        </Card>
      </Space>
    </div>
  );
}
