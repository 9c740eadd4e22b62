/**
 * 按此申报: the calculator hands its facts and year to the portal's /portal/apply, through the
 * tab's session storage so that they survive the sign-in on the way (and a reload), and nothing
 * of them outlives the tab.
 */
export interface ApplyHandoff {
  /** The assessment year the calculator estimated. */
  readonly year: number;
  /** The contract's facts, as the calculator sent them. */
  readonly facts: Record<string, unknown>;
}

const KEY = 'ftai.apply-handoff';

export function keepHandoff(handoff: ApplyHandoff): void {
  sessionStorage.setItem(KEY, JSON.stringify(handoff));
}

/** The facts handed over, or null (none, or not what the calculator writes). */
export function readHandoff(): ApplyHandoff | null {
  try {
    const v = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as unknown;
    if (v && typeof v === 'object' && 'year' in v && 'facts' in v && typeof v.year === 'number' && v.facts && typeof v.facts === 'object')
      return { year: v.year, facts: v.facts as Record<string, unknown> };
  } catch {
    // A value not written by keepHandoff: as if none.
  }
  return null;
}

export function dropHandoff(): void {
  sessionStorage.removeItem(KEY);
}
