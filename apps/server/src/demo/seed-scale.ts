import type { RubricScores } from '@ftai/api';
import { calculate, describeIssues, measures, validateRequest } from '@ftai/policy-fengtai';
import { type Insertable, type Kysely, sql, type Transaction } from 'kysely';
import { assembleEngineRequest } from '../applications/build-engine-request.js';
import { storedRequest } from '../applications/check-application-input.js';
import { needsFacts } from '../applications/needs-facts.js';
import { writeAnchor } from '../audit/anchor-audit.js';
import { type AuditEntry, auditEntryHash, auditRow } from '../audit/append-audit.js';
import { attachedAuditLog } from '../audit/attach-audit-log.js';
import { readAuditHead } from '../audit/read-audit-head.js';
import type { CurrentUser } from '../auth/current-user.js';
import { hashPassword } from '../auth/password.js';
import { createCall } from '../calls/create-call.js';
import { updateCall } from '../calls/update-call.js';
import type { AppContext } from '../context.js';
import type { ApplicationStatus, Database } from '../db/schema.js';
import { newId } from '../ids.js';
import { totalScore } from '../review/rubric.js';
import { createUser } from '../users/create-user.js';
import { creditCodeFor, mulberry32, PLACES, TRADES } from './generated-data.js';
import { DEMO_PASSWORD, variedFacts } from './seed-demo.js';

/** What `seedScale` seeds: how many applications, how oversubscribed, in what batches. */
export interface ScaleSeedOptions {
  readonly applications: number;
  /** Approved sum ÷ total budget (5.6 by default, as in the measurements of 2026-12-01). */
  readonly oversubscription?: number;
  /** Applications per transaction (1,000 on SQLite, 250 on PostgreSQL). */
  readonly batch?: number;
  /** Seed of the pseudo-random amounts: the same seed gives the same call. */
  readonly seed?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface ScaleSeedOutcome {
  readonly callId: string;
  readonly officer: { readonly username: string; readonly password: string };
  readonly applications: number;
  readonly items: number;
  readonly approved: number;
  readonly approvedTotal: number;
  readonly totalBudget: number;
  readonly auditEntries: number;
  /** Twenty approved applications spread over the call (or fewer), to read one by one. */
  readonly sampleIds: readonly string[];
  readonly ms: number;
}

const ARTICLE = new Map<string, number>(measures.map((m) => [m.id, m.article]));
/** SQLite takes at most 32,766 bound values in one statement, PostgreSQL 65,535. */
const MAX_BOUND_VALUES = 30_000;

/** The scale seeder's enterprises' codes: apart from the demo's (7,000,000). */
const CODE_BASE = 9_000_000;

/** Facts of assessment year `year` for enterprise `i`, as seed-demo's: ~3.5 granted items. */
function factsFor(i: number, year: number, rnd: () => number): Record<string, unknown> {
  // Most events late in the year, a fifth spread over it (which some measures' windows leave out): ≈3.3 items.
  return variedFacts(i, year, rnd, i % 5 === 0 ? 3 + (i % 9) : 11);
}

/** The applicant account of enterprise i. */
const accountName = (i: number) => `s${String(i + 1).padStart(6, '0')}`;

/** Where application i ends: 80 % approved, 10 % under review, 5 % rejected, 5 % submitted. */
function finalStatus(i: number): ApplicationStatus {
  const k = i % 20;
  return k < 16 ? 'approved' : k < 18 ? 'under_review' : k === 18 ? 'rejected' : 'submitted';
}

type Row<T extends keyof Database> = Insertable<Database[T]>;

/** Multi-row INSERTs, as many rows per statement as the bound-value limit of both databases allows. */
async function insertMany<T extends keyof Database & string>(trx: Transaction<Database>, table: T, rows: Row<T>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0] as object).length;
  const chunk = Math.max(1, Math.min(1000, Math.floor(MAX_BOUND_VALUES / columns)));
  for (let i = 0; i < rows.length; i += chunk) {
    // biome-ignore lint/suspicious/noExplicitAny: Kysely's insert types do not follow a generic table name
    await (trx.insertInto(table) as any).values(rows.slice(i, i + chunk)).execute();
  }
}

/**
 * Audit entries of one batch, chained in memory as appendAudit chains them (same hash input, same
 * key), written with multi-row inserts, then the head moved to the last of them.
 */
class AuditBatch {
  private rows: Row<'audit_log'>[] = [];
  written = 0;
  constructor(
    private readonly key: Buffer,
    private head: { seq: number; hash: string },
  ) {}

  add(entry: AuditEntry, at: string): void {
    const row = auditRow(this.head.seq + 1, entry, at);
    const hash = auditEntryHash(this.key, this.head.hash, row);
    this.rows.push({ ...row, prev_hash: this.head.hash, hash });
    this.head = { seq: row.seq, hash };
  }

  get last() {
    return this.head;
  }

  async flush(trx: Transaction<Database>, dialect: AppContext['dialect']): Promise<void> {
    const rows = this.rows;
    this.rows = [];
    const last = rows.at(-1);
    if (!last) return;
    await insertMany(trx, 'audit_log', rows);
    // From migration 0014 the head moves forward over entries that are all present, in one update
    // (as appendAuditBatch does); before it, only one step at a time: try the first, else step.
    await sql`savepoint seed_audit_head`.execute(trx);
    try {
      await trx.updateTable('audit_head').set({ seq: last.seq, hash: last.hash }).where('id', '=', 1).execute();
      await sql`release savepoint seed_audit_head`.execute(trx);
    } catch {
      await sql`rollback to savepoint seed_audit_head`.execute(trx);
      await stepHead(trx, dialect, rows);
    }
    this.written += rows.length;
  }
}

/** Moves the head one entry at a time (two updates each), as the head's triggers before migration 0014 demand. */
async function stepHead(trx: Transaction<Database>, dialect: AppContext['dialect'], rows: readonly Row<'audit_log'>[]): Promise<void> {
  if (dialect === 'postgres') {
    // One statement per 1,000 entries: a round trip per step would cost more than the rest of the seeding.
    for (let i = 0; i < rows.length; i += 1000) {
      const hashes = rows.slice(i, i + 1000).map((r) => `'${r.hash}'`);
      await sql
        .raw(`do $$ declare h text; begin foreach h in array array[${hashes.join(',')}]::text[] loop
            update audit_head set seq = seq + 1 where id = 1; update audit_head set hash = h where id = 1; end loop; end $$`)
        .execute(trx);
    }
  } else {
    // A TEMP trigger (this connection only) takes the two steps per row of a multi-row insert:
    // the same statements, without a round trip through the driver for each.
    await sql`create temp table if not exists seed_audit_steps (hash text not null)`.execute(trx);
    await sql`create temp trigger if not exists seed_audit_step after insert on seed_audit_steps begin
        update main.audit_head set seq = seq + 1 where id = 1; update main.audit_head set hash = new.hash where id = 1; end`.execute(trx);
    for (let i = 0; i < rows.length; i += 1000) {
      const hashes = rows.slice(i, i + 1000).map((r) => sql`(${r.hash})`);
      await sql`insert into seed_audit_steps (hash) values ${sql.join(hashes)}`.execute(trx);
    }
    await sql`delete from seed_audit_steps`.execute(trx);
  }
}

/**
 * The bulk seeder of `npm run bench:scale` (bench/README.md): one annual call with `applications`
 * applications, one enterprise and one applicant account each, written with multi-row inserts
 * straight into the migrated schema: no HTTP, no transaction per step, the audit chain computed
 * in memory — far faster than through the API, and the rows are those it would write:
 *
 * - each enterprise has its profile and an applicant account (`s000001` …; the accounts share one
 *   scrypt hash of a random password: nobody signs in as them);
 * - each application was created, submitted (the engine's answer stored with its policy version,
 *   one item per granted result), formally checked and put under review, as the status machine
 *   moves it, with one timeline event per move; two reviewers declared no conflict and scored it;
 * - by position i: i % 20 < 16 approved (80 %; review items trimmed by 10 %, others at the
 *   engine's figure), 16–17 under review, 18 rejected, 19 submitted;
 * - every step has its audit entry, chained and keyed exactly as appendAudit writes them; the
 *   head moves to the last entry of each batch, and is anchored;
 * - the call is opened (createCall) before and its budget set (updateCall) after, through the
 *   platform's own operations: the total is the approved sum divided by `oversubscription`.
 *
 * The database must be migrated and not seeded before. Accounts officer, reviewer1 and reviewer2
 * are made (password DEMO_PASSWORD) unless they exist.
 */
export async function seedScale(ctx: AppContext, options: ScaleSeedOptions): Promise<ScaleSeedOutcome> {
  const started = performance.now();
  const n = options.applications;
  // Before migration 0014 the head steps entry by entry; on PostgreSQL each step leaves a row
  // version that only the end of the transaction frees, and the next walks them: 250 applications
  // (≈3,500 entries) per transaction keep that short.
  const batch = options.batch ?? (ctx.dialect === 'postgres' ? 250 : 1000);
  const rnd = mulberry32(options.seed ?? 20261201);
  const db: Kysely<Database> = ctx.db;
  const seeded = await db.selectFrom('users').select('id').where('username', '=', accountName(0)).executeTakeFirst();
  if (seeded) throw new Error(`seed-scale: this database is seeded already (user ${accountName(0)} exists)`);

  // The staff accounts, made unless they are there (a test's app has them).
  const staff = async (username: string, displayName: string, role: 'officer' | 'reviewer'): Promise<CurrentUser> => {
    const row = await db.selectFrom('users').select(['id', 'role']).where('username', '=', username).executeTakeFirst();
    if (row) return { id: row.id, username, displayName, role: row.role, creditCode: null };
    return createUser(ctx, { username, displayName, role, password: DEMO_PASSWORD, actorId: null });
  };
  const officer = await staff('officer', '科信局 王科长', 'officer');
  const reviewers = [await staff('reviewer1', '评审专家 李教授', 'reviewer'), await staff('reviewer2', '评审专家 赵研究员', 'reviewer')];
  const today = ctx.today();
  const addDays = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  const year = Number(today.slice(0, 4)) - 1;
  const call = await createCall(ctx, officer, {
    year,
    title: `${year + 1}年度丰台区人工智能产业支持措施申报（评估${year}年度，规模测试 ${n} 件）`,
    opensOn: addDays(-20),
    closesOn: addDays(60),
    totalBudget: 1,
  });

  const log = attachedAuditLog(db);
  if (!log) throw new Error('seed-scale: no audit key is attached to this database (createContext)');
  const key = log.key(true);
  const applicantHash = await hashPassword(newId(), ctx.config.scryptLogN);
  // The seeded steps lie in the past, one millisecond apart, in the order they happen.
  let clock = ctx.config.now().getTime() - 10 * 86_400_000;
  const tick = () => new Date(clock++).toISOString();

  let items = 0;
  let approved = 0;
  let approvedTotal = 0;
  let auditEntries = 0;
  const sampleIds: string[] = [];
  const sampleEvery = Math.max(1, Math.floor(n / 20));
  for (let from = 0; from < n; from += batch) {
    const audit = new AuditBatch(key, await readAuditHead(db));
    const enterprises: Row<'enterprises'>[] = [];
    const accounts: Row<'users'>[] = [];
    const applications: Row<'applications'>[] = [];
    const itemRows: Row<'application_items'>[] = [];
    const events: Row<'application_events'>[] = [];
    const assignments: Row<'review_assignments'>[] = [];
    for (let i = from; i < Math.min(n, from + batch); i++) {
      const creditCode = creditCodeFor(i, CODE_BASE);
      const name = `北京${PLACES[i % 10]}${TRADES[i % 5]}第${i + 1}有限公司`;
      const userId = newId();
      const username = accountName(i);
      const applicant = { id: userId, username, displayName: `${name} 申报专员`, role: 'applicant' as const, creditCode };
      let at = tick();
      enterprises.push({ credit_code: creditCode, name, profile_json: '', created_at: at, updated_at: at });
      accounts.push({
        id: userId,
        username,
        display_name: applicant.displayName,
        role: 'applicant',
        credit_code: creditCode,
        password_hash: applicantHash,
        disabled: 0,
        created_at: at,
      });
      audit.add(
        {
          actorId: null,
          action: 'user.create',
          entity: 'user',
          entityId: userId,
          before: null,
          after: { username, role: 'applicant', creditCode },
        },
        at,
      );
      const profile = {
        name,
        registeredInFengtai: true,
        taxResidentInFengtai: true,
        seriousDishonesty: false,
        aiPartnerProgram: i % 2 === 0,
        industrialAI: i % 5 === 1,
        startup: i % 9 === 8,
        creditCode,
      };
      at = tick();
      const enterprise = enterprises[enterprises.length - 1] as Row<'enterprises'>;
      enterprise.profile_json = JSON.stringify(profile);
      enterprise.updated_at = at;
      audit.add(
        {
          actorId: userId,
          action: 'enterprise.update',
          entity: 'enterprise',
          entityId: creditCode,
          before: { creditCode, name },
          after: profile,
        },
        at,
      );

      // Created as a draft …
      const id = newId();
      const request = storedRequest(undefined, factsFor(i, year, rnd));
      const createdAt = tick();
      let seq = 0;
      const event = (fromStatus: ApplicationStatus | null, to: ApplicationStatus, actorId: string, note: string | null, when: string) =>
        events.push({
          id: newId(),
          application_id: id,
          seq: ++seq,
          from_status: fromStatus,
          to_status: to,
          actor_id: actorId,
          note,
          at: when,
        });
      const move = (fromStatus: ApplicationStatus, to: ApplicationStatus, actorId: string, note: string | null) => {
        const when = tick();
        event(fromStatus, to, actorId, note, when);
        audit.add(
          {
            actorId,
            action: 'application.transition',
            entity: 'application',
            entityId: id,
            before: { status: fromStatus },
            after: { status: to, note },
          },
          when,
        );
        return when;
      };
      event(null, 'draft', userId, null, createdAt);
      audit.add(
        {
          actorId: userId,
          action: 'application.create',
          entity: 'application',
          entityId: id,
          before: null,
          after: { callId: call.id, creditCode, status: 'draft', request },
        },
        createdAt,
      );

      // … submitted: the engine's answer and its granted items …
      const engineRequest = assembleEngineRequest({
        year,
        creditCode,
        profileJson: JSON.stringify(profile),
        stored: request,
        awards: [],
        others: [],
      });
      const validation = validateRequest(engineRequest);
      if (!validation.ok) throw new Error(`seed-scale: application ${i} is invalid: ${describeIssues(validation.issues)}`);
      const answer = calculate(validation.request, { lang: 'zh' });
      const granted = answer.results.filter((r) => r.status === 'granted');
      const status = finalStatus(i);
      const mine = granted.map((r) => ({
        application_id: id,
        measure: r.measure,
        subject: r.subject ?? '',
        article: ARTICLE.get(r.measure) ?? 0,
        review: r.review ? 1 : 0,
        engine_amount: r.amount,
        // Review measures are "at most" the engine's figure: the officer trims them by 10 %.
        approved_amount: status === 'approved' ? (r.review ? Math.floor((r.amount * 9) / 10) : r.amount) : null,
        allocated_amount: null,
      }));
      const submittedAt = tick();
      audit.add(
        {
          actorId: userId,
          action: 'application.submit',
          entity: 'application',
          entityId: id,
          before: { status: 'draft', engineTotal: 0, policyVersion: null },
          after: {
            engineTotal: answer.total,
            policyVersion: answer.policy.version,
            items: mine.map((it) => ({ measure: it.measure, subject: it.subject, engineAmount: it.engine_amount })),
            needsFacts: needsFacts(answer).map(({ measure, subject, missing }) => ({ measure, subject, missing })),
          },
        },
        submittedAt,
      );
      let updatedAt = move('draft', 'submitted', userId, null);

      // … checked, reviewed by two experts, and decided.
      let score: number | null = null;
      if (status !== 'submitted') {
        move('submitted', 'formal_check', officer.id, null);
        updatedAt = move('formal_check', 'under_review', officer.id, null);
        const mineAssignments = reviewers.map((r) => {
          const assignmentId = newId();
          const assignedAt = tick();
          audit.add(
            {
              actorId: officer.id,
              action: 'review.assign',
              entity: 'review_assignment',
              entityId: assignmentId,
              before: null,
              after: { applicationId: id, reviewerId: r.id },
            },
            assignedAt,
          );
          return { assignmentId, reviewer: r, assignedAt };
        });
        const totals: number[] = [];
        for (const a of mineAssignments) {
          const declaredAt = tick();
          audit.add(
            {
              actorId: a.reviewer.id,
              action: 'review.declare',
              entity: 'review_assignment',
              entityId: a.assignmentId,
              before: { declaredAt: null },
              after: { noConflict: true, note: null, declaredAt },
            },
            declaredAt,
          );
          const s = Math.floor(rnd() * 10);
          const scores: RubricScores = { innovation: 18 + s, feasibility: 17 + (s % 7), impact: 14 + (s % 9), compliance: 10 + (s % 5) };
          const total = totalScore(scores);
          const comment = '材料齐全，技术路线清晰。';
          const scoredAt = tick();
          const before = totals.length === 0 ? null : Math.floor(totals.reduce((x, y) => x + y, 0) / totals.length);
          totals.push(total);
          score = Math.floor(totals.reduce((x, y) => x + y, 0) / totals.length);
          audit.add(
            {
              actorId: a.reviewer.id,
              action: 'review.score',
              entity: 'review_assignment',
              entityId: a.assignmentId,
              before: { scores: null, totalScore: null, comment: null, applicationScore: before },
              after: { scores, totalScore: total, comment, applicationScore: score },
            },
            scoredAt,
          );
          assignments.push({
            id: a.assignmentId,
            application_id: id,
            reviewer_id: a.reviewer.id,
            assigned_by: officer.id,
            assigned_at: a.assignedAt,
            declared_at: declaredAt,
            scores_json: JSON.stringify(scores),
            total_score: total,
            comment,
            scored_at: scoredAt,
          });
          // The application's score follows each review (refreshApplicationScore).
          updatedAt = scoredAt;
        }
        if (status === 'approved') {
          const approvedAt = tick();
          const sum = mine.reduce((s, it) => s + (it.approved_amount ?? 0), 0);
          const view = (it: (typeof mine)[number], withApproved: boolean) => ({
            measure: it.measure,
            subject: it.subject === '' ? null : it.subject,
            engineAmount: it.engine_amount,
            approvedAmount: withApproved ? it.approved_amount : null,
          });
          audit.add(
            {
              actorId: officer.id,
              action: 'application.approve',
              entity: 'application',
              entityId: id,
              before: { approvedTotal: null, items: mine.map((it) => view(it, false)) },
              after: { approvedTotal: sum, items: mine.map((it) => view(it, true)) },
            },
            approvedAt,
          );
          updatedAt = move('under_review', 'approved', officer.id, '经专家评审通过');
          approved++;
          approvedTotal += sum;
        } else if (status === 'rejected') {
          updatedAt = move('under_review', 'rejected', officer.id, '申报事项不属于本措施支持范围');
        }
      }
      items += mine.length;
      if (status === 'approved' && sampleIds.length < 20 && i >= sampleIds.length * sampleEvery) sampleIds.push(id);
      itemRows.push(...mine);
      applications.push({
        id,
        call_id: call.id,
        credit_code: creditCode,
        status,
        request_json: JSON.stringify(request),
        result_json: JSON.stringify(answer),
        policy_version: answer.policy.version,
        engine_total: answer.total,
        approved_total: status === 'approved' ? mine.reduce((s, it) => s + (it.approved_amount ?? 0), 0) : null,
        allocated_total: null,
        score,
        created_by: userId,
        created_at: createdAt,
        updated_at: updatedAt,
        submitted_at: submittedAt,
        notice_id: null,
      });
    }
    await db.transaction().execute(async (trx) => {
      await insertMany(trx, 'enterprises', enterprises);
      await insertMany(trx, 'users', accounts);
      await insertMany(trx, 'applications', applications);
      await insertMany(trx, 'application_items', itemRows);
      await insertMany(trx, 'application_events', events);
      await insertMany(trx, 'review_assignments', assignments);
      await audit.flush(trx, ctx.dialect);
    });
    auditEntries += audit.written;
    // As ctx.tx does after a commit: remember the keyed head, and anchor it.
    log.lastKeyedHash = audit.last.hash;
    writeAnchor(log, audit.last);
    options.onProgress?.(Math.min(n, from + batch), n);
  }

  if (ctx.dialect === 'sqlite') {
    await sql`drop trigger if exists temp.seed_audit_step`.execute(db);
    await sql`drop table if exists temp.seed_audit_steps`.execute(db);
  }

  const ratio = options.oversubscription ?? 5.6;
  // Whole ten-thousands of yuan (万元), as a bureau budgets; at least one.
  const totalBudget = Math.max(10_000, Math.round(approvedTotal / ratio / 10_000) * 10_000);
  await updateCall(ctx, officer, call.id, {
    totalBudget,
    articleBudgets: { '1': Math.round(totalBudget / 6 / 10_000) * 10_000, '8': Math.round(totalBudget / 8 / 10_000) * 10_000 },
  });
  // As autovacuum would after a bulk load (it is off on the bench machines): statistics, and the
  // visibility map that lets index-only scans skip the table.
  if (ctx.dialect === 'postgres') await sql`vacuum analyze`.execute(db);
  return {
    callId: call.id,
    officer: { username: 'officer', password: DEMO_PASSWORD },
    applications: n,
    items,
    approved,
    approvedTotal,
    totalBudget,
    auditEntries,
    sampleIds,
    ms: Math.round(performance.now() - started),
  };
}
