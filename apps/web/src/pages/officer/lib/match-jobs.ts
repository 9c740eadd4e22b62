/**
 * Registry matching jobs (免申即享) as the web app reads them from apps/server/src/routes/
 * match-routes.ts (views in apps/server/src/matching/load-match-job.ts and read-notify-list.ts):
 * the job with its live progress while it runs and its downloads once done or cancelled, and the
 * enterprises to notify.
 */

export type MatchJobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface MatchJob {
  readonly id: string;
  readonly source: 'upload' | 'platform';
  readonly status: MatchJobStatus;
  readonly filename: string | null;
  readonly year: number | null;
  readonly rowsTotal: number | null;
  readonly rowsDone: number;
  readonly rowsBad: number;
  readonly grantedEnterprises: number;
  readonly grantedTotal: number;
  readonly createdAt: string | null;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
  readonly error: string | null;
  /** While running: share done (0–1, null while counting), rows per second, seconds left, phase. */
  readonly progress: {
    readonly fraction: number | null;
    readonly rowsPerSecond: number;
    readonly secondsLeft: number | null;
    readonly phase: string;
  } | null;
  /** The files to download, once done or cancelled. */
  readonly downloads: { readonly results: string; readonly summary: string; readonly errors: string; readonly notify: string } | null;
}

export interface NotifyEntry {
  /** The registry row (the key: a registry row may lack a credit code). */
  readonly row: number;
  readonly creditCode: string | null;
  readonly name: string | null;
  readonly year: number | null;
  readonly total: number;
  readonly measures: readonly { readonly measure: string; readonly subject: string | null; readonly amount: number }[];
}

export interface NotifyPage {
  /** How many enterprises in all (the page may hold fewer). */
  readonly total: number;
  readonly enterprises: readonly NotifyEntry[];
}

const STATUSES: readonly MatchJobStatus[] = ['queued', 'running', 'done', 'failed', 'cancelled'];

type Raw = Record<string, unknown>;
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const obj = (v: unknown): Raw | null => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Raw) : null);

/** One job as the server sends it; anything missing or malformed reads as empty rather than failing the page. */
export function readMatchJob(value: unknown): MatchJob {
  const r = obj(value) ?? {};
  const status = String(r.status ?? 'queued') as MatchJobStatus;
  const p = obj(r.progress);
  const d = obj(r.downloads);
  return {
    id: String(r.id ?? ''),
    source: r.source === 'platform' ? 'platform' : 'upload',
    status: STATUSES.includes(status) ? status : 'queued',
    filename: str(r.filename),
    year: num(r.year),
    rowsTotal: num(r.rowsTotal),
    rowsDone: num(r.rowsDone) ?? 0,
    rowsBad: num(r.rowsBad) ?? 0,
    grantedEnterprises: num(r.grantedEnterprises) ?? 0,
    grantedTotal: num(r.grantedTotal) ?? 0,
    createdAt: str(r.createdAt),
    startedAt: str(r.startedAt),
    finishedAt: str(r.finishedAt),
    error: str(r.error),
    progress: p
      ? {
          fraction: num(p.fraction),
          rowsPerSecond: num(p.rowsPerSecond) ?? 0,
          secondsLeft: num(p.secondsLeft),
          phase: String(p.phase ?? ''),
        }
      : null,
    downloads: d
      ? {
          results: String(d.results ?? ''),
          summary: String(d.summary ?? ''),
          errors: String(d.errors ?? ''),
          notify: String(d.notify ?? ''),
        }
      : null,
  };
}

/** The job list, `{jobs: […]}`. */
export function readMatchJobs(value: unknown): MatchJob[] {
  const list = obj(value)?.jobs;
  return Array.isArray(list) ? list.map(readMatchJob) : [];
}

/** A page of the enterprises to notify, `{total, enterprises: […]}`. */
export function readNotify(value: unknown): NotifyPage {
  const r = obj(value) ?? {};
  const list = Array.isArray(r.enterprises) ? r.enterprises : [];
  const enterprises = list.map((v, i): NotifyEntry => {
    const e = obj(v) ?? {};
    const measures = Array.isArray(e.measures) ? e.measures : [];
    return {
      row: num(e.row) ?? i,
      creditCode: str(e.creditCode),
      name: str(e.name),
      year: num(e.year),
      total: num(e.total) ?? 0,
      measures: measures.map((m) => {
        const x = obj(m) ?? {};
        return { measure: String(x.measure ?? ''), subject: str(x.subject), amount: num(x.amount) ?? 0 };
      }),
    };
  });
  return { total: num(r.total) ?? enterprises.length, enterprises };
}

/** The measures granted, each once, in the order first granted (a measure may be granted per subject). */
export function measureIds(entry: NotifyEntry): string[] {
  return [...new Set(entry.measures.map((m) => m.measure).filter(Boolean))];
}

/** Is the job still moving (so its progress is polled)? */
export function isActive(job: MatchJob): boolean {
  return job.status === 'queued' || job.status === 'running';
}

/** Rows done as a whole percent (floored; 100 only when done), or null before the total is known. */
export function progressPercent(job: MatchJob): number | null {
  if (job.status === 'done') return 100;
  const fraction = job.progress?.fraction ?? (job.rowsTotal ? job.rowsDone / job.rowsTotal : null);
  if (fraction === null) return null;
  return Math.min(99, Math.max(0, Math.floor(fraction * 100)));
}

/** The registry files the upload accepts, by name (as the server: .csv, .xlsx, .jsonl or .ndjson). */
export function isRegistryFile(name: string): boolean {
  return /\.(csv|xlsx|jsonl|ndjson)$/i.test(name);
}
