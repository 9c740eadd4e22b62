import { CalculatorOutlined, DeleteOutlined, DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import type { BudgetEstimate, Simulation } from '@ftai/api';
import { Alert, Button, Card, Col, Descriptions, Flex, Form, Input, InputNumber, List, Radio, Row, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { articleShortLabel } from '../../api/article-label';
import { useArticleIndex, useMeasureIndex } from '../../api/use-catalogue';
import { Money } from '../../components/Money';
import { ScrollRegion } from '../../components/ScrollRegion';
import { formatDateTime } from '../../lib/format';
import { growthText } from '../../lib/parameter-values';
import { formProblem } from './parts';
import { useEstimates, useMakeEstimate } from './versions-api';

interface EstimateForm {
  side: 'a' | 'b';
  year: number;
  overall: string;
  measures?: { measure?: string; growth?: string }[];
  note?: string;
}

/**
 * 年度预算测算 from a finished simulation: the year, the growth of every measure's demand and a
 * measure's own where it differs, a note → the expected demand by article and measure with the
 * assumptions it rests on, as a table and a workbook; and the estimates made before.
 */
export function BudgetEstimateCard({ simulation: s }: { simulation: Simulation }) {
  const { t } = useTranslation('modelling');
  const [form] = Form.useForm<EstimateForm>();
  const make = useMakeEstimate(s.id);
  const estimates = useEstimates(s.id, true);
  const [shown, setShown] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const measures = useMeasureIndex();
  const list = estimates.data ?? [];
  const current = list.find((e) => e.id === shown) ?? (make.data && make.data.id === shown ? make.data : undefined) ?? null;
  const measureOptions = (s.result?.measures ?? []).map((m) => ({
    value: m.measure,
    label: `${m.citation}${measures.get(m.measure)?.name ? ` ${measures.get(m.measure)?.name}` : ''}`,
  }));
  const growthRule = {
    validator: (_: unknown, v: string | undefined) =>
      growthText(v) ? Promise.resolve() : Promise.reject(new Error(t('estimate.rule.growth'))),
  };

  const onFinish = (v: EstimateForm) => {
    setProblem(null);
    const own = Object.fromEntries(
      (v.measures ?? []).flatMap((m) => (m.measure && growthText(m.growth) ? [[m.measure, growthText(m.growth) as string]] : [])),
    );
    make.mutate(
      {
        side: v.side,
        year: v.year,
        overall: growthText(v.overall) ?? v.overall,
        ...(Object.keys(own).length > 0 ? { measures: own } : {}),
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      },
      { onSuccess: (e) => setShown(e.id), onError: (e) => setProblem(formProblem(form, e)) },
    );
  };

  return (
    <Card
      size="small"
      title={<h2 style={{ fontSize: 'inherit', fontWeight: 'inherit', margin: 0 }}>{t('estimate.heading')}</h2>}
      data-testid="budget-estimate"
    >
      <Typography.Paragraph type="secondary">{t('estimate.help')}</Typography.Paragraph>
      <Form<EstimateForm>
        form={form}
        layout="vertical"
        initialValues={{ side: 'b', year: new Date().getFullYear() + 1, overall: '0%' }}
        onFinish={onFinish}
        data-testid="estimate-form"
      >
        <Row gutter={16}>
          <Col xs={24} sm={12} lg={7}>
            <Form.Item name="side" label={t('estimate.side')}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'a', label: t('simulation.sideA', { n: s.versionA.number }) },
                  { value: 'b', label: t('simulation.sideB', { n: s.versionB.number }) },
                ]}
              />
            </Form.Item>
          </Col>
          <Col xs={12} lg={4}>
            <Form.Item
              name="year"
              label={t('estimate.year')}
              rules={[{ required: true, type: 'integer', min: 2000, max: 2100, message: t('estimate.rule.year') }]}
            >
              <InputNumber<number> min={2000} max={2100} precision={0} style={{ width: '100%' }} data-testid="estimate-year" />
            </Form.Item>
          </Col>
          <Col xs={12} lg={4}>
            <Form.Item name="overall" label={t('estimate.overall')} extra={t('estimate.overallHelp')} rules={[growthRule]}>
              <Input suffix="%" data-testid="estimate-overall" />
            </Form.Item>
          </Col>
          <Col xs={24} lg={9}>
            <Form.Item name="note" label={t('estimate.note')} rules={[{ max: 1000, message: t('versions.rule.max1000') }]}>
              <Input.TextArea rows={1} autoSize={{ minRows: 1, maxRows: 4 }} data-testid="estimate-note" />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Text>{t('estimate.overrides')}</Typography.Text>
        <Form.List name="measures">
          {(fields, { add, remove }) => (
            <div style={{ marginTop: 8 }}>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} wrap align="start">
                  <Form.Item
                    name={[field.name, 'measure']}
                    rules={[{ required: true, message: t('estimate.rule.measure') }]}
                    style={{ minWidth: 260, flex: '1 1 260px', maxWidth: 420 }}
                  >
                    <Select<string>
                      showSearch={{ optionFilterProp: 'label' }}
                      options={measureOptions}
                      aria-label={t('estimate.measure')}
                      placeholder={t('estimate.measure')}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'growth']} rules={[growthRule]} style={{ width: 140 }}>
                    <Input suffix="%" aria-label={t('estimate.growth')} placeholder={t('estimate.growth')} />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    aria-label={t('estimate.removeOverride')}
                    onClick={() => remove(field.name)}
                  />
                </Flex>
              ))}
              <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({})}>
                {t('estimate.addOverride')}
              </Button>
            </div>
          )}
        </Form.List>
        {problem && <Alert type="error" showIcon title={problem} style={{ marginTop: 12 }} />}
        <Flex justify="flex-end" style={{ marginTop: 12 }}>
          <Button type="primary" htmlType="submit" icon={<CalculatorOutlined />} loading={make.isPending} data-testid="estimate-make">
            {t('estimate.make')}
          </Button>
        </Flex>
      </Form>
      {current && <EstimateView estimate={current} />}
      {list.length > 0 && (
        <div style={{ marginTop: 16 }}>
          <Typography.Title level={3} style={{ fontSize: 15 }}>
            {t('estimate.earlier')}
          </Typography.Title>
          <List
            size="small"
            dataSource={list}
            data-testid="estimate-list"
            renderItem={(e) => (
              <List.Item
                actions={[
                  <Button key="show" type="link" size="small" onClick={() => setShown(e.id)} disabled={e.id === current?.id}>
                    {t('estimate.show')}
                  </Button>,
                  <a key="xlsx" href={e.xlsx} download>
                    <DownloadOutlined /> {t('estimate.downloadShort')}
                  </a>,
                ]}
              >
                <span>
                  {t('estimate.summary', { year: e.year, overall: e.overall, n: e.version.number })} · <Money value={e.total.expected} />
                  {t('yuan', { ns: 'common' })} · {formatDateTime(e.createdAt)}
                </span>
              </List.Item>
            )}
          />
        </div>
      )}
    </Card>
  );
}

type Line = BudgetEstimate['lines'][number];

function EstimateView({ estimate: e }: { estimate: BudgetEstimate }) {
  const { t, i18n } = useTranslation('modelling');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const articles = useArticleIndex();
  const measures = useMeasureIndex();
  const sep = lang === 'en' ? ', ' : '、';
  const own = Object.entries(e.measures);
  const assumptions = [
    t('estimate.assume.base', { n: e.version.number, version: e.version.version }),
    t('estimate.assume.overall', { growth: e.overall }),
    ...(own.length > 0
      ? [t('estimate.assume.own', { list: own.map(([m, g]) => `${measures.get(m)?.citation ?? m} ${g}`).join(sep) })]
      : []),
    t('estimate.assume.floor'),
    ...(e.note ? [t('estimate.assume.note', { note: e.note })] : []),
  ];
  // Articles and measures with no demand this year (and so none next) are left out of the table; the workbook has them all.
  const rows = e.articles
    .filter((a) => a.base > 0 || a.expected > 0)
    .map((a) => ({
      key: `a${a.article}`,
      article: a.article,
      label: articleShortLabel(articles.get(a.article), lang === 'en' ? `Article ${a.article}` : `第${a.article}条`),
      base: a.base,
      expected: a.expected,
      growth: '',
      children: e.lines
        .filter((l) => l.article === a.article && (l.base > 0 || l.expected > 0))
        .map((l: Line) => ({
          key: l.measure,
          article: a.article,
          label: l.citation,
          name: measures.get(l.measure)?.name,
          base: l.base,
          growth: l.growth,
          expected: l.expected,
        })),
    }));
  type Row = (typeof rows)[number] & { name?: string | undefined };
  const columns: ColumnsType<Row> = [
    {
      title: t('estimate.item'),
      key: 'label',
      render: (_, r) => (
        <span>
          {r.label}
          {r.name ? <Typography.Text type="secondary">{` ${r.name}`}</Typography.Text> : null}
        </span>
      ),
    },
    { title: t('estimate.base', { n: e.version.number }), dataIndex: 'base', align: 'right', render: (v: number) => <Money value={v} /> },
    { title: t('estimate.growth'), dataIndex: 'growth', align: 'right' },
    {
      title: t('estimate.expected', { year: e.year }),
      key: 'expected',
      align: 'right',
      render: (_, r) => (
        <span data-testid={`estimate-expected-${r.key}`}>
          <Money value={r.expected} strong={r.key.startsWith('a')} />
        </span>
      ),
    },
  ];
  return (
    <div style={{ marginTop: 16 }} data-testid="estimate-view">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <Typography.Title level={3} style={{ fontSize: 15, margin: 0 }}>
          {t('estimate.tableTitle', { year: e.year })}
        </Typography.Title>
        <a href={e.xlsx} download data-testid="estimate-xlsx">
          <DownloadOutlined /> {t('estimate.download')}
        </a>
      </Flex>
      <ScrollRegion label={t('estimate.tableTitle', { year: e.year })}>
        <Table<Row>
          size="small"
          columns={columns}
          dataSource={rows}
          pagination={false}
          expandable={{ defaultExpandAllRows: true }}
          data-testid="estimate-table"
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <strong>{t('simulation.total')}</strong>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                <Money value={e.total.base} strong />
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} />
              <Table.Summary.Cell index={3} align="right">
                <span data-testid="estimate-total">
                  <Money value={e.total.expected} strong />
                </span>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )}
        />
      </ScrollRegion>
      <Descriptions
        size="small"
        style={{ marginTop: 12 }}
        column={1}
        items={[
          {
            key: 'assumptions',
            label: t('estimate.assumptions'),
            children: (
              <ul style={{ margin: 0, paddingLeft: 18 }} data-testid="estimate-assumptions">
                {assumptions.map((a) => (
                  <li key={a}>{a}</li>
                ))}
              </ul>
            ),
          },
        ]}
      />
    </div>
  );
}
