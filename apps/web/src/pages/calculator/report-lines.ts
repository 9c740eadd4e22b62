import { FACT_FIELDS, type Facts, type ScalarField, type Text } from '../../components/facts-editor/fact-fields';

type Lang = 'zh' | 'en';

const number2 = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** 1234567.8 → "1,234,567.8" (yuan, fen kept). */
export const formatAmount = (v: number): string => number2.format(v);

/** A value of the contract as a reader sees it: money with separators, yes/no, labels of enumerations. */
export function showValue(field: ScalarField, value: unknown, lang: Lang): string {
  if (value === undefined || value === null) return '—';
  switch (field.kind) {
    case 'money':
      return typeof value === 'number' ? `${number2.format(value)} ${lang === 'en' ? 'yuan' : '元'}` : String(value);
    case 'bool':
      return value === true ? (lang === 'en' ? 'yes' : '是') : lang === 'en' ? 'no' : '否';
    case 'rate':
      return typeof value === 'number' ? `${number2.format(value * 100)}%` : String(value);
    case 'enum':
      return field.options?.find((o) => o.value === value)?.label[lang] ?? String(value);
    default:
      return String(value);
  }
}

const showRow = (fields: readonly ScalarField[], row: unknown, lang: Lang): string => {
  const r = (row ?? {}) as Record<string, unknown>;
  return fields
    .filter((f) => r[f.key] !== undefined)
    .map((f) => (f.kind === 'bool' ? (r[f.key] === true ? f.label[lang] : null) : `${f.label[lang]} ${showValue(f, r[f.key], lang)}`))
    .filter((s): s is string => s !== null)
    .join(lang === 'en' ? '; ' : ';');
};

/** The facts of a request as lines for the printed report: label and value(s), in contract order. */
export function describeFacts(facts: Facts | undefined, lang: Lang): { label: string; values: string[] }[] {
  if (!facts) return [];
  const out: { label: string; values: string[] }[] = [];
  for (const field of FACT_FIELDS) {
    const value = facts[field.key];
    if (value === undefined) continue;
    const label = (field.label as Text)[lang];
    if (field.kind === 'list')
      out.push({ label, values: (Array.isArray(value) ? value : []).map((row) => showRow(field.item, row, lang)) });
    else if (field.kind === 'object') out.push({ label, values: [showRow(field.fields, value, lang)] });
    else out.push({ label, values: [showValue(field, value, lang)] });
  }
  return out;
}
