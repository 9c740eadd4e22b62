import { Descriptions, Empty, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatYuan } from '../../../lib/format';

/** Facts that are counts or rates, not yuan: shown without separators-as-money. */
const NOT_MONEY = new Set(['industryAverageGrowthRate', 'incubatedAIEnterprises', 'investedAIEnterprises', 'interns', 'hires']);

function scalar(key: string, v: unknown, yes: string, no: string): string {
  if (typeof v === 'boolean') return v ? yes : no;
  if (typeof v === 'number') {
    if (key === 'industryAverageGrowthRate') return `${(v * 100).toLocaleString('en-US', { maximumFractionDigits: 2 })}%`;
    return NOT_MONEY.has(key) ? String(v) : formatYuan(v);
  }
  if (v === null || v === undefined) return '—';
  return String(v);
}

/** One object of a list fact (a model filing, a project …) as "id · field value · …". */
function ObjectLine({ value, yes, no }: { value: Record<string, unknown>; yes: string; no: string }) {
  const { t } = useTranslation('officer');
  const { id, ...rest } = value;
  // A choice (事件类型 forum) by its words (factValue.kind.forum → 行业论坛).
  const choice = (k: string, v: unknown) =>
    typeof v === 'string' ? t(`factValue.${k}.${v}`, { defaultValue: '' }) || undefined : undefined;
  return (
    <div>
      {id !== undefined && <Tag style={{ marginInlineEnd: 6 }}>{String(id)}</Tag>}
      <Typography.Text style={{ fontSize: 13 }}>
        {Object.entries(rest)
          .map(([k, v]) => `${t(`fact.${k}`, { defaultValue: k })} ${choice(k, v) ?? scalar(k, v, yes, no)}`)
          .join(' · ')}
      </Typography.Text>
    </div>
  );
}

/**
 * The request's facts (or the enterprise's profile) as a reviewer reads them: labelled in the
 * current language, yuan with separators, lists one object per line.
 */
export function FactsView({ facts, columns = 2 }: { facts: Record<string, unknown> | undefined; columns?: number }) {
  const { t } = useTranslation('officer');
  const yes = t('yes');
  const no = t('no');
  const entries = Object.entries(facts ?? {}).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('application.noFacts')} />;
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, sm: 1, md: columns, lg: columns }}
      items={entries.map(([key, v]) => ({
        key,
        label: t(`fact.${key}`, { defaultValue: key }),
        children: Array.isArray(v) ? (
          <Space orientation="vertical" size={2}>
            {v.map((o, i) =>
              typeof o === 'object' && o !== null ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: the list is shown as sent, never reordered
                <ObjectLine key={i} value={o as Record<string, unknown>} yes={yes} no={no} />
              ) : (
                // biome-ignore lint/suspicious/noArrayIndexKey: as above
                <span key={i}>{scalar(key, o, yes, no)}</span>
              ),
            )}
          </Space>
        ) : typeof v === 'object' && v !== null ? (
          <ObjectLine value={v as Record<string, unknown>} yes={yes} no={no} />
        ) : (
          <span style={{ fontVariantNumeric: 'tabular-nums' }}>{scalar(key, v, yes, no)}</span>
        ),
      }))}
    />
  );
}
