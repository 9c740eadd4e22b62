import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, InputNumber, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { labelTiers, type Tier, type TierStyle } from '../../lib/parameter-values';
import { groupThousands, ungroupThousands } from './lib/yuan';

/** A tier as the editor holds it: a threshold or amount may be empty while being typed. */
export interface TierRow {
  readonly id?: string;
  readonly flag?: string;
  readonly min?: number | null;
  readonly amount?: number | null;
  readonly label?: Tier['label'];
}

/**
 * The tiers of one parameter as rows of 起点（元） and 金额（元）, each row's label made from the
 * thresholds as they are typed (in the style of the base version's labels, labelTiers). Bands and
 * thresholds can be added and removed; milestones (第五条第（1）项) keep their rows, a flag tier
 * (首次达规) its amount only. The rows keep the order they were typed in; the value sent is sorted.
 */
export function TierEditor({
  value,
  onChange,
  style,
  base,
  testId,
}: {
  value?: TierRow[];
  onChange?: (rows: TierRow[]) => void;
  style: TierStyle;
  base: readonly Tier[];
  testId: string;
}) {
  const { t, i18n } = useTranslation('modelling');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const rows = value ?? [];
  const isFixed = style.kind === 'milestones';
  const labels = labelsOf(rows, style, base);
  const set = (i: number, patch: Partial<TierRow>) => onChange?.(rows.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  const input = (v: number | null | undefined, onSet: (n: number | null) => void, label: string, id: string, disabled?: boolean) => (
    <InputNumber<number>
      aria-label={label}
      value={v ?? null}
      min={0}
      precision={0}
      step={100_000}
      disabled={disabled}
      suffix={t('yuan', { ns: 'common' })}
      formatter={(x) => groupThousands(x)}
      parser={(x) => Number(ungroupThousands(x))}
      onChange={(n) => onSet(n)}
      style={{ width: 180 }}
      data-testid={id}
    />
  );
  return (
    <div data-testid={testId}>
      <Flex vertical gap={8}>
        {rows.map((r, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own while typed
          <Flex key={i} wrap gap={8} align="center">
            {r.flag ? (
              <Typography.Text style={{ width: 180 }}>{t('versions.tierFlag')}</Typography.Text>
            ) : (
              input(r.min, (n) => set(i, { min: n }), t('versions.tierMinOf', { n: i + 1 }), `tier-min-${i}`)
            )}
            {input(r.amount, (n) => set(i, { amount: n }), t('versions.tierAmountOf', { n: i + 1 }), `tier-amount-${i}`)}
            <Typography.Text type="secondary" style={{ minWidth: 160 }} data-testid={`tier-label-${i}`}>
              {labels[i]?.[lang] ?? ''}
            </Typography.Text>
            {!isFixed && rows.length > 1 && (
              <Button
                type="text"
                icon={<DeleteOutlined />}
                aria-label={t('versions.tierRemove', { n: i + 1 })}
                onClick={() => onChange?.(rows.filter((_, k) => k !== i))}
                data-testid={`tier-remove-${i}`}
              />
            )}
          </Flex>
        ))}
      </Flex>
      {!isFixed && (
        <Button
          type="dashed"
          size="small"
          icon={<PlusOutlined />}
          style={{ marginTop: 8 }}
          onClick={() => {
            const top = Math.max(0, ...rows.map((r) => r.min ?? 0));
            onChange?.([...rows, { min: top + 1_000_000, amount: rows[rows.length - 1]?.amount ?? 0 }]);
          }}
          data-testid={`${testId}-add`}
        >
          {t('versions.tierAdd')}
        </Button>
      )}
    </div>
  );
}

/** Each row's label as labelTiers makes it, in the rows' own order (rows without a threshold yet have none). */
function labelsOf(rows: readonly TierRow[], style: TierStyle, base: readonly Tier[]): (Tier['label'] | undefined)[] {
  if (!isComplete(rows)) return rows.map(() => undefined);
  const labelled = labelTiers(complete(rows), style, base);
  if (style.kind === 'milestones') return labelled.map((t) => t.label);
  return rows.map((r) => labelled.find((t) => t.min === r.min)?.label);
}

/** Every row has its amount and (but a flag tier) its threshold. */
export function isComplete(rows: readonly TierRow[]): boolean {
  return rows.length > 0 && rows.every((r) => typeof r.amount === 'number' && (r.flag !== undefined || typeof r.min === 'number'));
}

function complete(rows: readonly TierRow[]) {
  return rows.map((r) => ({
    ...(r.id !== undefined && { id: r.id }),
    ...(r.flag !== undefined && { flag: r.flag }),
    ...(typeof r.min === 'number' && { min: r.min }),
    amount: r.amount ?? 0,
    ...(r.label && { label: r.label }),
  }));
}

/** The tiers to send: complete, labelled and in the base version's order. */
export function tiersToSend(rows: readonly TierRow[], style: TierStyle, base: readonly Tier[]): Tier[] {
  return labelTiers(complete(rows), style, base);
}

/** Two rows with one threshold. */
export function hasRepeatedThreshold(rows: readonly TierRow[]): boolean {
  const mins = rows.flatMap((r) => (typeof r.min === 'number' ? [r.min] : []));
  return new Set(mins).size !== mins.length;
}
