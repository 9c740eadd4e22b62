import type { Assignment, ReviewStage } from '@ftai/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationStatus } from '../db/schema.js';
import { type Client, createTestApp, DIALECTS, type TestApp } from '../test/harness.js';
import { type FixtureItem, insertApplication, insertCall } from './test-fixtures.js';

/** An assignment as seeded, and what the list must show of it. */
interface Seeded {
  id: string;
  applicationId: string;
  reviewerId: string;
  creditCode: string;
  callId: string;
  assignedAt: string;
  stage: ReviewStage;
  items: number;
}

const CODES = ['91110106MA02RV0001', '91110106MA02RV0002', '91110106MA02RV0003'] as const;
const NAMES = ['北京星河算力科技有限公司', '北京星辰模型技术有限公司', '北京远山机器人有限公司'] as const;
/** The enterprise reviewer1 is tied to: none of its assignments are on reviewer1's list. */
const TIED = CODES[2];

function expectedOrder(list: readonly Seeded[], order: 'asc' | 'desc'): string[] {
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  const sorted = [...list].sort((a, b) => cmp(a.assignedAt, b.assignedAt) || cmp(a.id, b.id));
  if (order === 'desc') sorted.reverse();
  return sorted.map((a) => a.id);
}

describe.each(DIALECTS)('the assignment lists on %s', (dialect) => {
  let t: TestApp;
  let officer: Client;
  let reviewer1: Client;
  let reviewer2: Client;
  let callId: string;
  let otherCallId: string;
  const seeded: Seeded[] = [];

  async function pageThrough(client: Client, url: string, limit: number) {
    const list: Assignment[] = [];
    const totals: number[] = [];
    let after: string | null = null;
    for (let n = 0; n < 1000; n++) {
      const sep = url.includes('?') ? '&' : '?';
      const res = await client.get(`${url}${sep}limit=${limit}${after === null ? '' : `&after=${encodeURIComponent(after)}`}`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as { assignments: Assignment[]; page: { next: string | null; total: number } };
      list.push(...body.assignments);
      totals.push(body.page.total);
      after = body.page.next;
      if (after === null) break;
    }
    return { list, ids: list.map((a) => a.id), totals };
  }

  beforeAll(async () => {
    t = await createTestApp(dialect);
    officer = await t.login('officer');
    reviewer1 = await t.login('reviewer1');
    reviewer2 = await t.login('reviewer2');
    callId = await insertCall(t.ctx, { year: 2026, totalBudget: 10_000_000, createdBy: t.users.officer });
    otherCallId = await insertCall(t.ctx, { year: 2025, totalBudget: 10_000_000, createdBy: t.users.officer });
    await t.ctx.db
      .insertInto('enterprises')
      .values(
        CODES.map((code, i) => ({
          credit_code: code,
          name: NAMES[i] as string,
          profile_json: '{}',
          created_at: t.ctx.now(),
          updated_at: t.ctx.now(),
        })),
      )
      .execute();
    await t.ctx.db
      .insertInto('reviewer_links')
      .values({ reviewer_id: t.users.reviewer1, credit_code: TIED, relation: '曾任该企业顾问', created_at: t.ctx.now() })
      .execute();

    // 26 applications, with 1 to 3 items each; the last four closed (approved); two reviewers on most.
    for (let i = 0; i < 26; i++) {
      const items: FixtureItem[] = [{ measure: '2.1', subject: `M-${i}`, engineAmount: 100_000 * (1 + (i % 4)) }];
      if (i % 2 === 0) items.push({ measure: '1', subject: null, engineAmount: 200_000 });
      if (i % 3 === 0) items.push({ measure: '2.1', subject: `M-${i}-b`, engineAmount: 300_000 });
      const status: ApplicationStatus = i >= 22 ? 'approved' : 'under_review';
      const creditCode = CODES[i % CODES.length] as string;
      const call = i % 5 === 4 ? otherCallId : callId;
      const applicationId = await insertApplication(t.ctx, { callId: call, creditCode, status, items, createdBy: t.users.applicantA });
      for (const [r, reviewerId] of [t.users.reviewer1, t.users.reviewer2].entries()) {
        if (r === 1 && i % 2 === 1) continue;
        // Shared times (two assignments a minute), so that the id breaks ties.
        const assignedAt = `2027-03-14T10:${String(Math.floor(i / 2)).padStart(2, '0')}:00.000Z`;
        const declared = i % 3 !== 0;
        const scored = declared && i % 2 === 0;
        const id = `as-${String(i).padStart(2, '0')}-${r}-${i % 7}`;
        await t.ctx.db
          .insertInto('review_assignments')
          .values({
            id,
            application_id: applicationId,
            reviewer_id: reviewerId,
            assigned_by: t.users.officer,
            assigned_at: assignedAt,
            declared_at: declared ? assignedAt : null,
            scores_json: scored ? JSON.stringify({ innovation: 20, feasibility: 20, impact: 20, compliance: 10 }) : null,
            total_score: scored ? 70 : null,
            comment: scored ? '好' : null,
            scored_at: scored ? assignedAt : null,
          })
          .execute();
        const stage: ReviewStage = status !== 'under_review' ? 'closed' : !declared ? 'declare' : scored ? 'scored' : 'score';
        seeded.push({ id, applicationId, reviewerId, creditCode, callId: call, assignedAt, stage, items: items.length });
      }
    }
  });
  afterAll(async () => {
    await t.close();
  });

  const ofReviewer1 = () => seeded.filter((a) => a.reviewerId === t.users.reviewer1 && a.creditCode !== TIED);

  it('pages a reviewer’s own assignments both ways, every one once with its application’s items, none of a tied enterprise', async () => {
    const own = ofReviewer1();
    expect(own.length).toBeGreaterThan(10);
    for (const order of ['desc', 'asc'] as const) {
      const { list, ids, totals } = await pageThrough(reviewer1, `/api/v1/reviews?order=${order}`, 4);
      expect(ids).toEqual(expectedOrder(own, order));
      expect(new Set(totals)).toEqual(new Set([own.length]));
      for (const a of list) {
        const s = seeded.find((x) => x.id === a.id) as Seeded;
        expect(a.applicationId).toBe(s.applicationId);
        expect(a.application.items).toHaveLength(s.items);
        const stored = await t.ctx.db
          .selectFrom('application_items')
          .select(['measure', 'subject', 'engine_amount'])
          .where('application_id', '=', s.applicationId)
          .orderBy('measure')
          .orderBy('subject')
          .execute();
        expect(a.application.items.map((i) => [i.measure, i.subject ?? '', i.engineAmount])).toEqual(
          stored.map((i) => [i.measure, i.subject, Number(i.engine_amount)]),
        );
        expect(a.application.enterpriseName).toBe(NAMES[CODES.indexOf(s.creditCode as (typeof CODES)[number])]);
      }
    }
  });

  it('filters by stage, call, application and assignment, and searches, for a reviewer as for an officer', async () => {
    for (const stage of ['declare', 'score', 'scored', 'closed'] as const) {
      const { ids } = await pageThrough(reviewer1, `/api/v1/reviews?stage=${stage}`, 3);
      const expected = ofReviewer1().filter((a) => a.stage === stage);
      expect(expected.length, stage).toBeGreaterThan(0);
      expect(ids, stage).toEqual(expectedOrder(expected, 'desc'));
    }
    const ofCall = await pageThrough(reviewer1, `/api/v1/reviews?callId=${otherCallId}`, 50);
    expect(ofCall.ids).toEqual(
      expectedOrder(
        ofReviewer1().filter((a) => a.callId === otherCallId),
        'desc',
      ),
    );
    // Search: a name's start, a credit code's start in any case, an application id's start.
    const byName = await pageThrough(reviewer1, `/api/v1/reviews?q=${encodeURIComponent('北京星河')}`, 50);
    expect(byName.ids).toEqual(
      expectedOrder(
        ofReviewer1().filter((a) => a.creditCode === CODES[0]),
        'desc',
      ),
    );
    const byCode = await pageThrough(reviewer1, `/api/v1/reviews?q=${CODES[1].toLowerCase()}&stage=closed`, 50);
    expect(byCode.ids).toEqual(
      expectedOrder(
        ofReviewer1().filter((a) => a.creditCode === CODES[1] && a.stage === 'closed'),
        'desc',
      ),
    );
    // The tied enterprise stays hidden from reviewer1 whatever it searches.
    expect((await pageThrough(reviewer1, `/api/v1/reviews?q=${encodeURIComponent('北京远山')}`, 50)).ids).toEqual([]);
    const one = seeded.find((a) => a.reviewerId === t.users.reviewer2) as Seeded;
    expect((await pageThrough(reviewer1, `/api/v1/reviews?assignmentId=${one.id}`, 50)).ids).toEqual([]);
    expect((await pageThrough(reviewer2, `/api/v1/reviews?assignmentId=${one.id}`, 50)).ids).toEqual([one.id]);

    // An officer sees every assignment, tied or not, of either reviewer.
    const all = await pageThrough(officer, '/api/v1/reviews', 7);
    expect(all.ids).toEqual(expectedOrder(seeded, 'desc'));
    const ofApplication = await pageThrough(officer, `/api/v1/reviews?applicationId=${one.applicationId}&order=asc`, 50);
    expect(ofApplication.ids).toEqual(
      expectedOrder(
        seeded.filter((a) => a.applicationId === one.applicationId),
        'asc',
      ),
    );
    expect(ofApplication.ids.length).toBe(2);
    const byId = await pageThrough(officer, `/api/v1/reviews?q=${one.applicationId.slice(0, 12)}`, 50);
    expect(byId.ids).toEqual(
      expectedOrder(
        seeded.filter((a) => a.applicationId === one.applicationId),
        'desc',
      ),
    );
  });

  it('refuses a bad cursor, a stage it does not know and a page too large', async () => {
    const bad = async (query: string) => {
      const res = await reviewer1.get(`/api/v1/reviews?${query}`);
      expect(res.statusCode, query).toBe(400);
      return res.json().issues.map((i: { path: string }) => i.path);
    };
    expect(await bad('after=xyz')).toEqual(['after']);
    const forged = Buffer.from(JSON.stringify(['assigned', 5, 'x'])).toString('base64url');
    expect(await bad(`after=${forged}`)).toEqual(['after']);
    expect(await bad('stage=done')).toEqual(['query.stage']);
    expect(await bad('limit=501')).toEqual(['query.limit']);
    expect(await bad('sort=score')).toEqual(['query.sort']);
  });
});
