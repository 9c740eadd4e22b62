import { type Answer, ARTICLE_NUMBERS, calculate, type Edition, type FengtaiRequest, MEASURE_IDS, measures } from '@ftai/policy-fengtai';
import type { ChangeItem, ChangeSide, LargestChange } from './comparison-totals.js';

type MeasureResult = Answer['results'][number];

/**
 * Lower bounds (whole yuan) of the buckets of row totals a comparison counts under each version:
 * 1 to 99,999, 100,000 to 199,999, … 10,000,000 or more. A row granted nothing is in none.
 */
export const COMPARISON_BUCKETS: readonly number[] = [1, 100_000, 200_000, 500_000, 1_000_000, 2_000_000, 5_000_000, 10_000_000];
/** How many of the largest changes a comparison keeps, with both explanations. */
export const LARGEST_CHANGES = 20;

/** Per measure (catalogue order) and per article (index article − 1): [amount A, rows A, amount B, rows B]. */
export const SIDE_FIELDS = 4;
/** Slots for articles 1 to the policy's last. */
export const COMPARED_ARTICLES = Math.max(...ARTICLE_NUMBERS);
/** The counts of a batch, in this order. */
export const COUNT = { gain: 0, lose: 1, unchanged: 2, grantedA: 3, grantedB: 4, totalA: 5, totalB: 6 } as const;
const COUNT_FIELDS = 7;

/** What one batch adds to a comparison: exact integer sums, and the batch's share of the largest changes. */
export interface BatchComparison {
  readonly measures: readonly number[];
  readonly articles: readonly number[];
  /** COUNT's fields. */
  readonly counts: readonly number[];
  /** Rows per bucket of COMPARISON_BUCKETS: version A's, then version B's. */
  readonly distribution: readonly number[];
  /** Rows of the batch that may be among the run's largest changes, with both explanations. */
  readonly largest: readonly LargestChange[];
}

const MEASURE_INDEX = new Map(MEASURE_IDS.map((id, i) => [id, i]));
const ARTICLE_OF: readonly number[] = measures.map((m) => m.article);
const SHOWN_STATUSES = new Set(['granted', 'pending', 'in-kind']);

/** A change's size and place: larger first, and of two alike the earlier row. */
interface Rank {
  readonly size: number;
  readonly row: number;
}
const before = (x: Rank, y: Rank) => x.size > y.size || (x.size === y.size && x.row < y.row);

/** A row kept as a candidate while its batch runs: its request is answered again with explanations at the end. */
interface Candidate extends Rank {
  readonly request: FengtaiRequest;
  readonly name: string | null;
  readonly a: number;
  readonly b: number;
}

/**
 * Calculates rows under two parameter versions and adds up the difference: the work of a
 * comparison (政策模拟) on one thread, batch after batch. Each row is answered twice without
 * explanations (what the sums need); only the rows that may be among the largest changes are
 * answered again with them, once the batch is done.
 *
 * Which rows may be: a thread sees its batches in input order, so a row whose change is smaller
 * than the LARGEST_CHANGES largest this thread has already seen (or as large, and later) cannot be
 * among the run's largest either. The thread keeps those sizes across batches, and after the first
 * few batches hardly a row is explained; the calling thread merges what the batches send.
 */
export class EditionComparer {
  /** The largest changes this thread has seen, largest first: at most LARGEST_CHANGES. */
  private readonly seen: Rank[] = [];

  constructor(
    readonly a: Edition,
    readonly b: Edition,
    private readonly lang: 'zh' | 'en',
  ) {}

  /** Both answers of a valid request, without explanations; throws as calculate() does (a defect). */
  answer(request: FengtaiRequest): { a: Answer; b: Answer } {
    return { a: calculate(request, { explain: false, edition: this.a }), b: calculate(request, { explain: false, edition: this.b }) };
  }

  batch(): ComparisonBatch {
    return new ComparisonBatch(this);
  }

  /** Whether a change of this size at this row is among the largest seen; if it is, it is counted as seen. */
  admit(rank: Rank): boolean {
    const seen = this.seen;
    if (seen.length === LARGEST_CHANGES && !before(rank, seen[LARGEST_CHANGES - 1] as Rank)) return false;
    let at = seen.length;
    while (at > 0 && before(rank, seen[at - 1] as Rank)) at--;
    seen.splice(at, 0, rank);
    if (seen.length > LARGEST_CHANGES) seen.pop();
    return true;
  }

  /** Whether a row admitted earlier is still among the largest seen. */
  holds(row: number): boolean {
    return this.seen.some((r) => r.row === row);
  }

  /** A candidate answered again with explanations under both versions: what the officer reads. */
  explain(c: Candidate): LargestChange {
    const options = { lang: this.lang, explain: true } as const;
    const a = calculate(c.request, { ...options, edition: this.a });
    const b = calculate(c.request, { ...options, edition: this.b });
    return {
      row: c.row,
      creditCode: a.creditCode,
      name: c.name,
      year: a.year,
      a: a.total,
      b: b.total,
      difference: b.total - a.total,
      items: changeItems(a.results, b.results),
    };
  }
}

/** One batch's sums, filled row by row. */
export class ComparisonBatch {
  private readonly measures: number[] = new Array(MEASURE_IDS.length * SIDE_FIELDS).fill(0);
  private readonly articles: number[] = new Array(COMPARED_ARTICLES * SIDE_FIELDS).fill(0);
  private readonly counts: number[] = new Array(COUNT_FIELDS).fill(0);
  private readonly distribution: number[] = new Array(COMPARISON_BUCKETS.length * 2).fill(0);
  private readonly candidates: Candidate[] = [];

  constructor(private readonly comparer: EditionComparer) {}

  /** A row answered under both versions. */
  add(request: FengtaiRequest, row: number, name: string | null, a: Answer, b: Answer): void {
    this.side(a, 0);
    this.side(b, 2);
    const counts = this.counts;
    const difference = b.total - a.total;
    const which = difference > 0 ? COUNT.gain : difference < 0 ? COUNT.lose : COUNT.unchanged;
    counts[which] = (counts[which] as number) + 1;
    if (difference !== 0) {
      const rank = { size: Math.abs(difference), row };
      if (this.comparer.admit(rank)) this.candidates.push({ ...rank, request, name, a: a.total, b: b.total });
    }
  }

  /** One version's answer into the sums: `at` 0 for A, 2 for B (the offset in SIDE_FIELDS). */
  private side(answer: Answer, at: 0 | 2): void {
    const measureSums = this.measures;
    const articleSums = this.articles;
    let lastMeasure = -1;
    let articlesGranted = 0;
    for (const r of answer.results) {
      if (r.status !== 'granted') continue;
      const m = MEASURE_INDEX.get(r.measure);
      if (m === undefined) continue;
      const i = m * SIDE_FIELDS + at;
      measureSums[i] = (measureSums[i] as number) + r.amount;
      // Results of a measure come together (one per subject): a row counts once per measure.
      if (m !== lastMeasure) measureSums[i + 1] = (measureSums[i + 1] as number) + 1;
      lastMeasure = m;
      const article = (ARTICLE_OF[m] as number) - 1;
      articlesGranted |= 1 << article;
      const j = article * SIDE_FIELDS + at;
      articleSums[j] = (articleSums[j] as number) + r.amount;
    }
    for (let article = 0; article < COMPARED_ARTICLES; article++) {
      if (articlesGranted & (1 << article)) {
        const j = article * SIDE_FIELDS + at + 1;
        articleSums[j] = (articleSums[j] as number) + 1;
      }
    }
    if (answer.total > 0) {
      const counts = this.counts;
      const granted = at === 0 ? COUNT.grantedA : COUNT.grantedB;
      counts[granted] = (counts[granted] as number) + 1;
      const bucket = bucketOf(answer.total) + (at === 0 ? 0 : COMPARISON_BUCKETS.length);
      this.distribution[bucket] = (this.distribution[bucket] as number) + 1;
    }
    const total = at === 0 ? COUNT.totalA : COUNT.totalB;
    this.counts[total] = (this.counts[total] as number) + answer.total;
  }

  /** The batch's sums, and its rows still among the largest this thread has seen, explained. */
  result(): BatchComparison {
    const largest = this.candidates.filter((c) => this.comparer.holds(c.row)).map((c) => this.comparer.explain(c));
    return { measures: this.measures, articles: this.articles, counts: this.counts, distribution: this.distribution, largest };
  }
}

/** The bucket of a total above 0: the last lower bound it reaches. */
function bucketOf(total: number): number {
  let k = COMPARISON_BUCKETS.length - 1;
  while (k > 0 && total < (COMPARISON_BUCKETS[k] as number)) k--;
  return k;
}

/** The lines the officer reads for a result: how the figure is made, then why not (more). */
function sideOf(r: MeasureResult | undefined): ChangeSide | null {
  if (!r) return null;
  return { status: r.status, amount: r.amount, lines: [...(r.explanation ?? []), ...(r.reasons ?? [])] };
}

/**
 * Both answers' results side by side, one item per measure and subject (in catalogue order, A's
 * results first): those granted, pending or in kind under either version, or that differ (a
 * status, an amount, or a result only one version has — a 5.1 tier named by its subject).
 */
function changeItems(a: readonly MeasureResult[], b: readonly MeasureResult[]): ChangeItem[] {
  const key = (r: MeasureResult) => `${r.measure}\u0000${r.subject ?? ''}`;
  const pairs = new Map<string, { measure: string; subject: string | null; a?: MeasureResult; b?: MeasureResult }>();
  for (const r of a) pairs.set(key(r), { measure: r.measure, subject: r.subject, a: r });
  for (const r of b) {
    const pair = pairs.get(key(r));
    if (pair) pair.b = r;
    else pairs.set(key(r), { measure: r.measure, subject: r.subject, b: r });
  }
  const order = (measure: string) => MEASURE_INDEX.get(measure) ?? MEASURE_IDS.length;
  const items: ChangeItem[] = [];
  for (const p of [...pairs.values()].sort((x, y) => order(x.measure) - order(y.measure))) {
    const shown = SHOWN_STATUSES.has(p.a?.status ?? '') || SHOWN_STATUSES.has(p.b?.status ?? '');
    const differs = !p.a || !p.b || p.a.status !== p.b.status || p.a.amount !== p.b.amount;
    if (shown || differs) items.push({ measure: p.measure, subject: p.subject, a: sideOf(p.a), b: sideOf(p.b) });
  }
  return items;
}
