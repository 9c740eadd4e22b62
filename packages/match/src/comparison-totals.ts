import { measures } from '@ftai/policy-fengtai';
import { type BatchComparison, COMPARED_ARTICLES, COMPARISON_BUCKETS, COUNT, LARGEST_CHANGES, SIDE_FIELDS } from './edition-comparer.js';

/**
 * The result of a comparison, shaped as the HTTP contract's simulation result
 * (simulationResultSchema of @ftai/api, which this package does not depend on): the server fills
 * the call's budgets in, which a match knows nothing of. Money is whole yuan, summed exactly.
 * Arrays are plain (not readonly) so that the result is the contract's type as it is.
 */
export interface MatchComparison {
  /** Rows answered or refused (blank rows are not counted). */
  rows: number;
  bad: number;
  total: { a: number; b: number; difference: number };
  /** Rows (enterprise-years) whose total rises, falls or stays; rows granted anything under each version. */
  enterprises: { gain: number; lose: number; unchanged: number; grantedA: number; grantedB: number };
  /** Every measure of the catalogue, in its order. */
  measures: MeasureComparison[];
  /** Every article, 1 to the last. */
  articles: ArticleComparison[];
  /** The LARGEST_CHANGES largest changes by |B − A|, largest first (of two alike, the earlier row); rows that do not change are not listed. */
  largest: LargestChange[];
  /** Rows by total granted (a row granted nothing is in no bucket). */
  distribution: { from: number[]; a: number[]; b: number[] };
  /** The call's budgets: filled by the server. */
  budget: null;
}

/** A measure's or an article's amount and rows (enterprise-years) granted it, under one version. */
export interface ComparisonSide {
  amount: number;
  enterprises: number;
}

export interface MeasureComparison {
  measure: string;
  article: number;
  /** 第六条第（2）项 … */
  citation: string;
  a: ComparisonSide;
  b: ComparisonSide;
  difference: number;
}

export interface ArticleComparison {
  article: number;
  a: ComparisonSide;
  b: ComparisonSide;
  difference: number;
  /** The call's budget for the article and whether each version stays within it: filled by the server. */
  budget: null;
  coveredA: null;
  coveredB: null;
}

/** One result of a changed row under one version, with the lines that explain it. */
export interface ChangeSide {
  status: string;
  amount: number;
  lines: string[];
}

/** One measure (and subject) of a changed row: granted, pending or in kind under either version, or different. */
export interface ChangeItem {
  measure: string;
  subject: string | null;
  /** Null when the version has no such result. */
  a: ChangeSide | null;
  b: ChangeSide | null;
}

/** One of the largest changes: an enterprise-year, its totals under each version, and both answers' items. */
export interface LargestChange {
  /** Row (CSV, spreadsheet) or line (JSON Lines). */
  row: number;
  creditCode: string | null;
  name: string | null;
  year: number;
  a: number;
  b: number;
  difference: number;
  items: ChangeItem[];
}

/**
 * Sums of the batches of a comparison written so far: per-measure, per-article and per-row
 * counts add up; the largest changes are merged, keeping LARGEST_CHANGES, so that nothing per row
 * is held here beyond them.
 */
export class ComparisonTotals {
  private readonly measureSums = new Array<number>(measures.length * SIDE_FIELDS).fill(0);
  private readonly articleSums = new Array<number>(COMPARED_ARTICLES * SIDE_FIELDS).fill(0);
  private readonly counts = new Array<number>(Object.keys(COUNT).length).fill(0);
  private readonly distribution = new Array<number>(COMPARISON_BUCKETS.length * 2).fill(0);
  private largest: LargestChange[] = [];

  add(batch: BatchComparison): void {
    const sum = (into: number[], from: readonly number[]) => {
      for (let i = 0; i < from.length; i++) into[i] = (into[i] as number) + (from[i] as number);
    };
    sum(this.measureSums, batch.measures);
    sum(this.articleSums, batch.articles);
    sum(this.counts, batch.counts);
    sum(this.distribution, batch.distribution);
    if (batch.largest.length > 0) {
      this.largest = [...this.largest, ...batch.largest]
        .sort((x, y) => Math.abs(y.difference) - Math.abs(x.difference) || x.row - y.row)
        .slice(0, LARGEST_CHANGES);
    }
  }

  /** The comparison of the rows added; `rows` and `bad` as the match counted them. */
  result(rows: number, bad: number, lang: 'zh' | 'en'): MatchComparison {
    const side = (sums: readonly number[], at: number): ComparisonSide => ({
      amount: sums[at] as number,
      enterprises: sums[at + 1] as number,
    });
    const c = (k: keyof typeof COUNT) => this.counts[COUNT[k]] as number;
    const buckets = COMPARISON_BUCKETS.length;
    return {
      rows,
      bad,
      total: { a: c('totalA'), b: c('totalB'), difference: c('totalB') - c('totalA') },
      enterprises: { gain: c('gain'), lose: c('lose'), unchanged: c('unchanged'), grantedA: c('grantedA'), grantedB: c('grantedB') },
      measures: measures.map((m, i) => {
        const a = side(this.measureSums, i * SIDE_FIELDS);
        const b = side(this.measureSums, i * SIDE_FIELDS + 2);
        return { measure: m.id, article: m.article, citation: m.citation[lang], a, b, difference: b.amount - a.amount };
      }),
      articles: Array.from({ length: COMPARED_ARTICLES }, (_, i) => {
        const a = side(this.articleSums, i * SIDE_FIELDS);
        const b = side(this.articleSums, i * SIDE_FIELDS + 2);
        return { article: i + 1, a, b, difference: b.amount - a.amount, budget: null, coveredA: null, coveredB: null };
      }),
      largest: this.largest,
      distribution: {
        from: [...COMPARISON_BUCKETS],
        a: this.distribution.slice(0, buckets),
        b: this.distribution.slice(buckets),
      },
      budget: null,
    };
  }
}
