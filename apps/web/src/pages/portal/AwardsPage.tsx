import type { EnterpriseAward } from '@ftai/api';
import { AWARD_STATUSES } from '@ftai/api/statuses';
import { measureLabel } from '@ftai/policy-fengtai/report/words';
import { Card, Col, Empty, Grid, Row, Skeleton, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { tierLabel } from '../../api/policy-ids';
import { useMeasureIndex } from '../../api/use-catalogue';
import { LoadFailed } from '../../components/LoadFailed';
import { Money } from '../../components/Money';
import { formatDate, formatTime } from '../../lib/format';
import { AmountBarChart } from './AmountBarChart';
import { amountsByMeasure, awardsByYear, sumAmounts } from './portal-logic';
import { useEnterprise } from './portal-queries';

const STATUS_COLORS: Record<EnterpriseAward['status'], string> = { committed: 'blue', final: 'geekblue', paid: 'green' };

/** Past awards under this policy (奖励台账, from GET /api/v1/enterprises/me): per measure, subject and year, with totals. */
export function AwardsPage() {
  const { t, i18n } = useTranslation('portal');
  const en = i18n.language === 'en';
  const lang = en ? 'en' : 'zh';
  const colon = en ? ': ' : '：';
  const enterprise = useEnterprise();
  const measures = useMeasureIndex();
  const screens = Grid.useBreakpoint();
  const isWide = screens.md ?? true;
  if (enterprise.isError) return <LoadFailed error={enterprise.error} onRetry={() => void enterprise.refetch()} />;
  const awards = [...(enterprise.data?.awards ?? [])].sort((a, b) => b.year - a.year || a.measure.localeCompare(b.measure));
  const total = sumAmounts(awards);
  const paid = sumAmounts(awards.filter((a) => a.status === 'paid'));
  const years = awardsByYear(awards);
  const byMeasure = amountsByMeasure(awards).map((m) => {
    const info = measures.get(m.measure);
    return { ...m, label: info?.name ?? m.measure };
  });
  /** The measure by clause and name (第五条第（3）项（…）), never its internal id. */
  const measureTitle = (id: string) => measureLabel(measures.get(id), lang, id);
  const measureName = (id: string) => {
    const m = measures.get(id);
    return m ? (en ? m.summaryEn : m.summaryZh) : '';
  };
  const columns: ColumnsType<EnterpriseAward> = [
    {
      title: t('awards.measure'),
      key: 'measure',
      render: (_, a) => (
        <div>
          <Typography.Text strong>{measureTitle(a.measure)}</Typography.Text>
          <div style={{ fontSize: 12, color: '#666', maxWidth: 380 }}>{measureName(a.measure)}</div>
        </div>
      ),
    },
    {
      title: t('awards.subject'),
      dataIndex: 'subject',
      key: 'subject',
      render: (s: string | null) => (s === null ? '—' : tierLabel(s, lang)),
    },
    { title: t('awards.year'), dataIndex: 'year', key: 'year' },
    { title: t('awards.amount'), dataIndex: 'amount', key: 'amount', align: 'right', render: (v: number) => <Money value={v} strong /> },
    {
      title: t('awards.status'),
      dataIndex: 'status',
      key: 'status',
      render: (s: EnterpriseAward['status']) => <Tag color={STATUS_COLORS[s]}>{t(`awards.statuses.${s}`)}</Tag>,
    },
    { title: t('awards.paidAt'), dataIndex: 'paidAt', key: 'paidAt', render: (v: string | null) => paidDate(v, lang) },
    {
      title: t('awards.application'),
      key: 'app',
      render: (_, a) => <Link to={`/portal/applications/${a.applicationId}`}>{t('apps.view')}</Link>,
      responsive: ['lg'],
    },
  ];

  return (
    <div data-testid="awards-page">
      <Typography.Title level={1} style={{ marginTop: 0, fontSize: 24 }}>
        {t('awards.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('awards.intro')}</Typography.Paragraph>
      {enterprise.isLoading ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : awards.length === 0 ? (
        <Card>
          <Empty description={t('awards.none')} />
        </Card>
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={8}>
              <Card style={{ height: '100%' }}>
                <Statistic title={t('awards.total')} value={total} suffix={t('yuan', { ns: 'common' })} />
                <Statistic title={t('awards.paidTotal')} value={paid} suffix={t('yuan', { ns: 'common' })} style={{ marginTop: 16 }} />
                <Statistic title={t('awards.count')} value={awards.length} style={{ marginTop: 16 }} />
              </Card>
            </Col>
            <Col xs={24} lg={16}>
              {years.length > 1 ? (
                <Card title={t('awards.byYear')} style={{ height: '100%' }}>
                  <AmountBarChart
                    categories={years.map((y) => String(y.year))}
                    series={AWARD_STATUSES.map((s) => ({
                      name: t(`awards.statuses.${s}`),
                      values: years.map((y) => y[s]),
                      color: { committed: '#69b1ff', final: '#2f54eb', paid: '#52c41a' }[s],
                    }))}
                    height={240}
                    label={years.map((y) => `${y.year}: ${y.committed + y.final + y.paid}`).join('; ')}
                    unit={t('yuan', { ns: 'common' })}
                  />
                </Card>
              ) : (
                <Card title={`${t('awards.byMeasure')} · ${years[0]?.year ?? ''}`} style={{ height: '100%' }}>
                  <AmountBarChart
                    horizontal
                    categories={byMeasure.map((m) => m.label)}
                    series={[{ name: t('awards.amount'), values: byMeasure.map((m) => m.amount), color: '#52c41a' }]}
                    label={byMeasure.map((m) => `${m.label}: ${m.amount}`).join('; ')}
                    unit={t('yuan', { ns: 'common' })}
                  />
                </Card>
              )}
            </Col>
          </Row>
          <Card title={t('awards.list')}>
            {isWide ? (
              <Table<EnterpriseAward>
                size="middle"
                rowKey={(a) => `${a.applicationId}|${a.measure}|${a.subject ?? ''}|${a.year}`}
                columns={columns}
                dataSource={awards}
                pagination={awards.length > 20 ? { pageSize: 20 } : false}
                summary={() => (
                  <Table.Summary.Row>
                    <Table.Summary.Cell index={0} colSpan={3}>
                      <Typography.Text strong>{t('total', { ns: 'common' })}</Typography.Text>
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={3} align="right">
                      <span data-testid="awards-total">
                        <Money value={total} strong />
                      </span>
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={4} colSpan={3} />
                  </Table.Summary.Row>
                )}
              />
            ) : (
              <Space orientation="vertical" style={{ width: '100%' }}>
                {awards.map((a) => (
                  <Card
                    key={`${a.applicationId}|${a.measure}|${a.subject ?? ''}|${a.year}`}
                    size="small"
                    title={`${measureTitle(a.measure)} · ${a.year}`}
                    extra={<Tag color={STATUS_COLORS[a.status]}>{t(`awards.statuses.${a.status}`)}</Tag>}
                  >
                    <div style={{ fontSize: 12, color: '#666' }}>{measureName(a.measure)}</div>
                    <div>
                      {t('awards.subject')}
                      {colon}
                      {a.subject === null ? '—' : tierLabel(a.subject, lang)}
                    </div>
                    <div>
                      {t('awards.amount')}
                      {colon}
                      <Money value={a.amount} strong />
                    </div>
                    {a.paidAt && (
                      <div>
                        {t('awards.paidAt')}
                        {colon}
                        {paidDate(a.paidAt, lang)}
                      </div>
                    )}
                  </Card>
                ))}
                <Typography.Text strong>
                  {t('total', { ns: 'common' })}:<Money value={total} strong /> {t('yuan', { ns: 'common' })}
                </Typography.Text>
              </Space>
            )}
          </Card>
        </Space>
      )}
    </div>
  );
}

/** The payment date as recorded (a calendar date), or a time for older records. */
function paidDate(v: string | null, lang: 'zh' | 'en'): string {
  return v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDate(v, lang) : formatTime(v);
}
