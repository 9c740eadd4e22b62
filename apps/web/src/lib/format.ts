import { formatYuan } from '@ftai/policy-fengtai/report/words';

export { formatYuan };

/** "2027-03-15T02:00:00.000Z" → "2027-03-15 10:00" in Beijing time. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(Date.parse(iso) + 8 * 3600_000);
  return d.toISOString().slice(0, 16).replace('T', ' ');
}

/** "2026-03-01" → "2026年3月1日" in Chinese (CHINESE.md: dates as the text writes them); as given in English. */
export function formatDate(date: string | null | undefined, lang: 'zh' | 'en' = 'zh'): string {
  if (!date) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m || lang === 'en') return date;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** 1234567 → "1,234,567元" in Chinese (CHINESE.md: no space), "1,234,567 yuan" in English. */
export function formatAmount(amount: number | null | undefined, lang: 'zh' | 'en' = 'zh'): string {
  if (amount === null || amount === undefined) return '—';
  return lang === 'en' ? `${formatYuan(amount)} yuan` : `${formatYuan(amount)}元`;
}

/** An instant as a sentence says it, Beijing time: "2027年4月17日10:00" in Chinese, "2027-04-17 10:00" in English. */
export function formatDateTime(iso: string | null | undefined, lang: 'zh' | 'en' = 'zh'): string {
  if (!iso) return '—';
  const time = formatTime(iso);
  return lang === 'en' ? time : `${formatDate(time.slice(0, 10), 'zh')}${time.slice(11)}`;
}
