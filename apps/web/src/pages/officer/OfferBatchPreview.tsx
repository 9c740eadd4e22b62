import type { OfferBatchPreview } from '@ftai/api';
import { measureLabel } from '@ftai/policy-fengtai/report/words';
import { Alert, Card, Col, Empty, Flex, Row, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMeasureIndex } from '../../api/use-catalogue';
import { Money } from '../../components/Money';
import { formatYuan } from '../../lib/format';
import { OfferSummaryTable } from './offer-parts';

type MeasureTotal = OfferBatchPreview['byMeasure'][number];
const SKIPS = ['noCreditCode', 'otherYear', 'alreadyInCall', 'filtered'] as const;

/**
 * What a batch would be: how many enterprises and how much, against the call's budget (total,
 * already asked, left, and a clear warning when it does not cover), by measure, the registry rows
 * left out and why, and the first enterprises, largest totals first.
 */
export function OfferBatchPreviewView({ preview, year }: { preview: OfferBatchPreview; year: number | undefined }) {
  const { t, i18n } = useTranslation('officer');
  const { t: tc } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const measures = useMeasureIndex(year !== undefined && year >= 2025 && year <= 2028 ? year : 2026);
  const { budget } = preview;
  const yuan = { suffix: tc('yuan') };
  const statistic = (title: string, value: number, extra: object = {}) => (
    <Card size="small" style={{ height: '100%' }}>
      <Statistic title={title} value={value} {...extra} styles={{ content: { fontSize: 20, fontVariantNumeric: 'tabular-nums' } }} />
    </Card>
  );
  return (
    <Flex vertical gap={16} data-testid="batch-preview-result">
      <Row gutter={[12, 12]}>
        <Col xs={12} md={8} xl={4}>
          {statistic(t('offers.enterprises'), preview.enterprises)}
        </Col>
        <Col xs={12} md={8} xl={5}>
          {statistic(t('offers.previewTotal'), preview.total, yuan)}
        </Col>
        <Col xs={12} md={8} xl={5}>
          {statistic(t('offers.budgetTotal'), budget.total, yuan)}
        </Col>
        <Col xs={12} md={12} xl={5}>
          {statistic(t('offers.budgetRequested'), budget.requested, yuan)}
        </Col>
        <Col xs={24} md={12} xl={5}>
          <Card size="small" style={{ height: '100%' }}>
            <Statistic
              title={t('offers.budgetLeft')}
              value={budget.left}
              suffix={tc('yuan')}
              styles={{ content: { fontSize: 20, fontVariantNumeric: 'tabular-nums', color: budget.covered ? undefined : '#cf1322' } }}
            />
          </Card>
        </Col>
      </Row>
      {budget.covered ? (
        <Alert type="success" showIcon title={t('offers.budgetCovered')} data-testid="batch-budget" />
      ) : (
        <Alert type="error" showIcon title={t('offers.budgetShort', { over: formatYuan(-budget.left) })} data-testid="batch-budget" />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('offers.byMeasure')} style={{ height: '100%' }}>
            <Table<MeasureTotal>
              size="small"
              rowKey="measure"
              pagination={false}
              dataSource={preview.byMeasure}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('offers.previewEmpty')} /> }}
              columns={[
                {
                  title: t('offers.measures'),
                  key: 'measure',
                  render: (_, m) => measureLabel(measures.get(m.measure), lang, m.measure),
                },
                { title: t('offers.measureEnterprises'), dataIndex: 'enterprises', align: 'right', width: 90 },
                {
                  title: t('offers.total'),
                  dataIndex: 'amount',
                  align: 'right',
                  render: (v: number) => <Money value={v} strong />,
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('offers.skipped')} style={{ height: '100%' }} data-testid="batch-skipped">
            <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {SKIPS.map((k) => (
                <li key={k} style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}>
                  <Flex justify="space-between" gap={8}>
                    <Typography.Text strong>{t(`offers.skip.${k}`)}</Typography.Text>
                    <Typography.Text style={{ fontVariantNumeric: 'tabular-nums' }}>{formatYuan(preview.skipped[k])}</Typography.Text>
                  </Flex>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t(`offers.skip.${k}Help`)}
                  </Typography.Text>
                </li>
              ))}
            </ul>
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('offers.sample', { count: preview.sample.length })}>
        {preview.sample.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('offers.previewEmpty')} />
        ) : (
          <OfferSummaryTable rows={preview.sample} measures={measures} testId="batch-sample" />
        )}
      </Card>
    </Flex>
  );
}
