import { CheckOutlined, MinusOutlined } from '@ant-design/icons';
import type { MeasureInfo, OfferSummary } from '@ftai/api';
import { measureLabel } from '@ftai/policy-fengtai/report/words';
import { Grid, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { OFFER_STATUS_COLORS, OFFER_STATUS_LABELS, type OfferStatus } from '../../api/offer-words';
import { Money } from '../../components/Money';

/** An offer's status as a tag, in the page's language. */
export function OfferStatusTag({ status }: { status: OfferStatus }) {
  const { i18n } = useTranslation();
  return <Tag color={OFFER_STATUS_COLORS[status]}>{OFFER_STATUS_LABELS[status][i18n.language === 'en' ? 'en' : 'zh']}</Tag>;
}

/** Measures by their clause (第二条第（1）项), the name on hover; never the internal id once the catalogue is here. */
export function MeasureTags({ ids, measures }: { ids: readonly string[]; measures: Map<string, MeasureInfo> }) {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  return (
    <Space size={[4, 4]} wrap>
      {ids.map((id) => {
        const m = measures.get(id);
        return (
          <Tooltip key={id} title={measureLabel(m, lang, id)}>
            <Tag style={{ marginInlineEnd: 0 }}>{m?.citation ?? id}</Tag>
          </Tooltip>
        );
      })}
    </Space>
  );
}

/** Yes or no, as an icon and its word (the column's heading says of what). */
function Presence({ yes }: { yes: boolean }) {
  const { t } = useTranslation('officer');
  const word = yes ? t('offers.present') : t('offers.absent');
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {yes ? <CheckOutlined style={{ color: '#237804' }} aria-hidden /> : <MinusOutlined style={{ color: '#8c8c8c' }} aria-hidden />}{' '}
      <span>{word}</span>
    </span>
  );
}

/**
 * Enterprises of a batch or a preview: the enterprise and its credit code, the total, the measures
 * by clause (需评审 where a maximum), whether it has an account (else an invitation code goes), and
 * whether an e-mail address and a mobile number are on record; with `withStatus`, the offer's status.
 */
export function OfferSummaryTable({
  rows,
  measures,
  withStatus,
  loading,
  testId,
}: {
  rows: readonly OfferSummary[];
  measures: Map<string, MeasureInfo>;
  withStatus?: boolean;
  loading?: boolean;
  testId?: string;
}) {
  const { t, i18n } = useTranslation('officer');
  const { t: tc } = useTranslation();
  const screens = Grid.useBreakpoint();
  // On a phone the other columns fold into the enterprise's cell.
  const compact = !(screens.md ?? true);
  const colon = i18n.language === 'en' ? ': ' : '：';
  const word = (v: string | null) => (v ? t('offers.present') : t('offers.absent'));
  const columns: ColumnsType<OfferSummary> = [
    {
      title: t('offers.enterprise'),
      key: 'enterprise',
      render: (_, r) => (
        <div style={{ minWidth: 140 }}>
          <div>{r.enterpriseName ?? '—'}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} translate="no">
            {r.creditCode}
          </Typography.Text>
          {compact && (
            <div style={{ fontSize: 12, marginTop: 4 }}>
              <MeasureTags ids={r.measures} measures={measures} />
              <div>
                {t('offers.account')}
                {colon}
                {r.hasAccount ? t('offers.hasAccount') : t('offers.noAccount')}
              </div>
              <div>
                {t('offers.email')}
                {colon}
                {word(r.email)} · {t('offers.phone')}
                {colon}
                {word(r.phone)}
              </div>
            </div>
          )}
        </div>
      ),
    },
    {
      title: t('offers.total'),
      dataIndex: 'total',
      align: 'right',
      render: (v: number, r) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {r.review && tc('result.upTo')}
          <Money value={v} strong />
        </span>
      ),
    },
    {
      title: t('offers.measures'),
      key: 'measures',
      responsive: ['md'],
      render: (_, r) => (
        <Space size={[4, 4]} wrap>
          <MeasureTags ids={r.measures} measures={measures} />
          {r.review && <Tag color="gold">{tc('result.review')}</Tag>}
        </Space>
      ),
    },
    ...(withStatus
      ? [
          {
            title: t('offers.status'),
            key: 'status',
            render: (_: unknown, r: OfferSummary) => (r.status ? <OfferStatusTag status={r.status} /> : '—'),
          },
        ]
      : []),
    {
      title: t('offers.account'),
      dataIndex: 'hasAccount',
      responsive: ['md'],
      render: (v: boolean) =>
        v ? <Tag color="green">{t('offers.hasAccount')}</Tag> : <Typography.Text type="secondary">{t('offers.noAccount')}</Typography.Text>,
    },
    {
      title: t('offers.email'),
      dataIndex: 'email',
      responsive: ['md'],
      render: (v: string | null) => <Presence yes={v !== null && v !== ''} />,
    },
    {
      title: t('offers.phone'),
      dataIndex: 'phone',
      responsive: ['md'],
      render: (v: string | null) => <Presence yes={v !== null && v !== ''} />,
    },
  ];
  return (
    <Table<OfferSummary>
      rowKey="creditCode"
      size="small"
      columns={columns}
      dataSource={[...rows]}
      pagination={false}
      loading={loading}
      // On a phone the columns fold into one: no sideways scrolling (a region the keyboard could not reach).
      scroll={compact ? undefined : { x: 'max-content' }}
      data-testid={testId}
    />
  );
}
