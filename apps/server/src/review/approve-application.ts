import type { ApprovalBody, ApprovalOutcome, ApprovedItem } from '@ftai/api';
import { sql } from 'kysely';
import { assertCanMove, recordTransition } from '../applications/status-machine.js';
import { appendAudit } from '../audit/append-audit.js';
import type { CurrentUser } from '../auth/current-user.js';
import type { AppContext } from '../context.js';
import { badRequest, type FieldIssue, HttpError, notFound } from '../errors.js';
import { yuan } from '../yuan-text.js';
import { refuseApprovalWithoutReviews } from './review-progress.js';

/** Items per UPDATE: 3 parameters each, far below SQLite's 32,766 and PostgreSQL's 65,535. */
const UPDATE_CHUNK = 1000;
/** Subjects named in a hint: enough to see the pattern, never thousands. */
const HINTED = 5;

const describe = (measure: string, subject: string) => (subject === '' ? `measure ${measure}` : `measure ${measure} subject ${subject}`);

/**
 * An officer approves an application under review with an amount for each of its items. The
 * engine's figure is the most the policy allows (review measures: "最高"), so an approved amount
 * can be lower, down to 0, but never higher. Every item is listed exactly once: an item left out
 * would be a decision nobody took. An application with an item 经评审认定 waits for the
 * completed expert reviews its call requires (refuseApprovalWithoutReviews).
 */
export async function approveApplication(
  ctx: AppContext,
  officer: CurrentUser,
  applicationId: string,
  input: ApprovalBody,
): Promise<ApprovalOutcome> {
  const at = ctx.now();
  return ctx.tx(async (trx) => {
    const app = await trx
      .selectFrom('applications')
      .select(['status', 'engine_total', 'approved_total'])
      .where('id', '=', applicationId)
      .executeTakeFirst();
    if (!app) throw notFound('application');
    assertCanMove(app.status, 'approved');
    await refuseApprovalWithoutReviews(trx, applicationId);
    const stored = await trx
      .selectFrom('application_items')
      .select(['measure', 'subject', 'article', 'engine_amount', 'approved_amount'])
      .where('application_id', '=', applicationId)
      .orderBy('measure')
      .orderBy('subject')
      .execute();
    const keyOf = (measure: string, subject: string) => `${measure}\u0000${subject}`;
    const byKey = new Map(stored.map((s) => [keyOf(s.measure, s.subject), s]));

    let subjectsByMeasure: Map<string, string[]> | undefined;
    const subjectsOf = (measure: string): string[] => {
      if (!subjectsByMeasure) {
        subjectsByMeasure = new Map();
        for (const s of stored) {
          const list = subjectsByMeasure.get(s.measure) ?? [];
          list.push(s.subject === '' ? 'null' : s.subject);
          subjectsByMeasure.set(s.measure, list);
        }
      }
      return subjectsByMeasure.get(measure) ?? [];
    };

    const issues: FieldIssue[] = [];
    const listed = new Map<string, number>();
    input.items.forEach((item, i) => {
      const subject = item.subject ?? '';
      const key = keyOf(item.measure, subject);
      if (!byKey.has(key)) {
        // 5.1's items name their tier: say which, so that an approval written for no tier is fixed at once.
        const same = subjectsOf(item.measure);
        const shown = same.length > HINTED ? `${same.slice(0, HINTED).join(', ')} and ${same.length - HINTED} more` : same.join(', ');
        const hint = same.length > 0 ? ` (its item of measure ${item.measure} has subject ${shown})` : '';
        issues.push({
          path: `items[${i}]`,
          code: 'FTAI_ERR_INVALID_FIELD',
          message: `expected one of this application's items; it has none for ${describe(item.measure, subject)}${hint}`,
        });
      } else if (listed.has(key)) {
        issues.push({
          path: `items[${i}]`,
          code: 'FTAI_ERR_INVALID_FIELD',
          message: `${describe(item.measure, subject)} is listed twice (first as items[${listed.get(key)}])`,
        });
      } else {
        listed.set(key, i);
      }
    });
    for (const s of stored) {
      if (!listed.has(keyOf(s.measure, s.subject))) {
        issues.push({
          path: 'items',
          code: 'FTAI_ERR_MISSING_FIELD',
          message: `missing ${describe(s.measure, s.subject)}: every item is approved with an amount (0 to grant nothing)`,
        });
      }
    }
    if (issues.length > 0) throw badRequest(issues.map((x) => `${x.path}: ${x.message}`).join('; '), issues);

    const over: FieldIssue[] = [];
    input.items.forEach((item, i) => {
      const s = byKey.get(keyOf(item.measure, item.subject ?? ''));
      const engine = Number(s?.engine_amount ?? 0);
      if (item.amount > engine) {
        over.push({
          path: `items[${i}].amount`,
          code: 'FTAI_ERR_OVER_ENGINE',
          message: `expected at most the engine's figure of ${yuan(engine)} yuan for ${describe(item.measure, item.subject ?? '')}, got ${yuan(item.amount)}`,
        });
      }
    });
    if (over.length > 0) {
      throw new HttpError(400, 'FTAI_ERR_OVER_ENGINE', over.map((x) => `${x.path}: ${x.message}`).join('; '), over);
    }

    const approvedTotal = input.items.reduce((sum, item) => sum + item.amount, 0);
    // Set-based: one statement per UPDATE_CHUNK items, whatever the number of items (an
    // application has as many as its facts have objects, thousands at most).
    for (let i = 0; i < input.items.length; i += UPDATE_CHUNK) {
      const rows = input.items
        .slice(i, i + UPDATE_CHUNK)
        .map((item) => sql`(${item.measure}, ${item.subject ?? ''}, cast(${item.amount} as bigint))`);
      await sql`with approved (measure, subject, amount) as (values ${sql.join(rows)})
        update application_items set approved_amount = approved.amount from approved
        where application_items.application_id = ${applicationId}
          and application_items.measure = approved.measure and application_items.subject = approved.subject`.execute(trx);
    }
    await trx.updateTable('applications').set({ approved_total: approvedTotal, updated_at: at }).where('id', '=', applicationId).execute();

    const approvedOf = new Map(input.items.map((item) => [keyOf(item.measure, item.subject ?? ''), item.amount]));
    const items: ApprovedItem[] = stored.map((s) => ({
      measure: s.measure,
      subject: s.subject === '' ? null : s.subject,
      article: Number(s.article),
      engineAmount: Number(s.engine_amount),
      approvedAmount: approvedOf.get(keyOf(s.measure, s.subject)) ?? 0,
    }));
    await appendAudit(
      trx,
      {
        actorId: officer.id,
        action: 'application.approve',
        entity: 'application',
        entityId: applicationId,
        before: {
          approvedTotal: app.approved_total === null ? null : Number(app.approved_total),
          items: stored.map((s) => ({
            measure: s.measure,
            subject: s.subject === '' ? null : s.subject,
            engineAmount: Number(s.engine_amount),
            approvedAmount: s.approved_amount === null ? null : Number(s.approved_amount),
          })),
        },
        after: {
          approvedTotal,
          items: items.map(({ measure, subject, engineAmount, approvedAmount }) => ({ measure, subject, engineAmount, approvedAmount })),
        },
      },
      at,
    );
    await recordTransition(trx, applicationId, 'approved', officer, input.note?.trim() || null, at);
    return { id: applicationId, status: 'approved', engineTotal: Number(app.engine_total), approvedTotal, items };
  });
}
