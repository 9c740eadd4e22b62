import { formatYuan } from '../lib/format';

/** A whole-yuan amount with thousands separators, tabular figures. */
export function Money({ value, strong }: { value: number | null | undefined; strong?: boolean }) {
  const text = formatYuan(value);
  return <span style={{ fontVariantNumeric: 'tabular-nums', fontWeight: strong ? 600 : undefined }}>{text}</span>;
}
