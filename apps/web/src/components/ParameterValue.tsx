import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatAmount } from '../lib/format';
import { formatParameterValue, isTierList, type ParameterUnit, type Tier } from '../lib/parameter-values';

/**
 * A parameter's value as people read it: 2,000,000元, 25%, 2年, 是/否, or its tiers as a small
 * table (档位, 起点, 金额) — the policy browser's history and the officer's version pages alike.
 */
export function ParameterValue({ unit, value, testId }: { unit: ParameterUnit; value: unknown; testId?: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  if (unit !== 'tiers' || !isTierList(value)) {
    return (
      <span style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }} data-testid={testId}>
        {formatParameterValue(unit, value, lang)}
      </span>
    );
  }
  return (
    <Table<Tier>
      size="small"
      pagination={false}
      rowKey={(r) => r.id ?? `${r.min ?? r.flag}`}
      dataSource={value}
      style={{ minWidth: 240 }}
      data-testid={testId}
      columns={[
        // The label may wrap (100万元（含）/至500万元): before and after stand side by side at 1366.
        { title: t('tier.label'), key: 'label', width: 112, render: (_, r) => r.label[lang] },
        {
          title: t('tier.min'),
          key: 'min',
          align: 'right',
          render: (_, r) => (r.min === undefined ? '—' : <span style={{ whiteSpace: 'nowrap' }}>{formatAmount(r.min, lang)}</span>),
        },
        {
          title: t('tier.amount'),
          key: 'amount',
          align: 'right',
          render: (_, r) => (
            <span style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{formatAmount(r.amount, lang)}</span>
          ),
        },
      ]}
    />
  );
}
