import { measures } from '@ftai/policy-fengtai';
import { ARTICLE_FIELDS, ARTICLES, type BatchResult, STAT_FIELDS } from './match-batch.js';

export interface MeasureTotals {
  readonly measure: string;
  readonly article: number;
  /** 第六条(2) … */
  readonly citation: string;
  readonly summary: string;
  /** Results granted (one per subject for per-subject measures). */
  readonly grantedResults: number;
  /** Rows (enterprise-years) granted at least one result of the measure. */
  readonly grantedRows: number;
  /** Whole yuan. */
  readonly amount: number;
  readonly pending: number;
  readonly inKind: number;
  readonly service: number;
}

export interface ArticleTotals {
  readonly article: number;
  readonly grantedRows: number;
  readonly grantedResults: number;
  readonly amount: number;
}

/** Sums of the batches written so far. */
export class MatchTotals {
  rows = 0;
  bad = 0;
  grantedRows = 0;
  grantedTotal = 0;
  lastRow = 0;
  private readonly stats = new Array<number>(measures.length * STAT_FIELDS).fill(0);
  private readonly articleStats = new Array<number>(ARTICLES * ARTICLE_FIELDS).fill(0);

  add(r: BatchResult): void {
    this.rows += r.rows;
    this.bad += r.bad;
    this.grantedRows += r.grantedRows;
    this.grantedTotal += r.grantedTotal;
    if (r.lastRow > this.lastRow) this.lastRow = r.lastRow;
    r.stats.forEach((v, i) => {
      this.stats[i] = (this.stats[i] as number) + v;
    });
    r.articleStats.forEach((v, i) => {
      this.articleStats[i] = (this.articleStats[i] as number) + v;
    });
  }

  measures(lang: 'zh' | 'en'): MeasureTotals[] {
    return measures.map((m, i) => {
      const at = i * STAT_FIELDS;
      const s = (k: number) => this.stats[at + k] as number;
      return {
        measure: m.id,
        article: m.article,
        citation: m.citation[lang],
        summary: m.summary[lang],
        grantedResults: s(0),
        grantedRows: s(1),
        amount: s(2),
        pending: s(3),
        inKind: s(4),
        service: s(5),
      };
    });
  }

  articles(): ArticleTotals[] {
    return Array.from({ length: ARTICLES }, (_, i) => ({
      article: i + 1,
      grantedRows: this.articleStats[i * ARTICLE_FIELDS] as number,
      grantedResults: this.articleStats[i * ARTICLE_FIELDS + 1] as number,
      amount: this.articleStats[i * ARTICLE_FIELDS + 2] as number,
    }));
  }
}
