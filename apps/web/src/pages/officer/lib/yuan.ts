const GROUP = /\B(?=(\d{3})+(?!\d))/g;

/** What an InputNumber of whole yuan shows: "1234567" → "1,234,567" (empty stays empty). */
export function groupThousands(value: string | number | undefined): string {
  if (value === undefined || value === '') return '';
  return String(value).replace(GROUP, ',');
}

/** What it reads back: separators and spaces dropped, "1,234,567" → "1234567". */
export function ungroupThousands(text: string | undefined): string {
  return (text ?? '').replace(/[,\s]/g, '');
}

/** 12_345_678 → "1,234.57" (ten-thousands, 万元), for chart axes where whole yuan are too long. */
export function toWan(yuan: number, digits = 0): string {
  const wan = yuan / 10_000;
  return wan.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

/** allocated / budget as a whole percent, floored, for "x% of the budget" captions; null without a budget. */
export function percentOf(part: number, whole: number | null | undefined): number | null {
  if (!whole) return null;
  return Math.floor((part * 100) / whole);
}
