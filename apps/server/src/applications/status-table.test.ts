import { allMoves, MOVE_ROUTES, type MoveRoute } from '@ftai/api';
import type { HTTPMethods } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertApplication, insertCall } from '../review/test-fixtures.js';
import { CODE_A, createTestApp, type TestApp } from '../test/harness.js';

/** The status table of @ftai/api, played through the app: each move by the route the table names, with its roles. */
describe('the status table, through the app', () => {
  let t: TestApp;
  let callId: string;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
    callId = await insertCall(t.ctx, { year: 2026, totalBudget: 1_000_000, createdBy: t.users.officer });
  });
  afterAll(async () => {
    await t?.close();
  });

  const split = (route: MoveRoute) => {
    const [method, url] = route.split(' ') as [HTTPMethods, string];
    return { method, url };
  };
  const applicationIn = (status: Parameters<typeof insertApplication>[1]['status']) =>
    insertApplication(t.ctx, { callId, creditCode: CODE_A, status, items: [], createdBy: t.users.applicantA });

  it('has every route the table names', () => {
    for (const route of Object.values(MOVE_ROUTES)) expect(t.app.hasRoute(split(route)), route).toBe(true);
  });

  const plain = allMoves().filter((m) => m.move.route === MOVE_ROUTES.transition);
  const elsewhere = allMoves().filter((m) => m.move.route !== MOVE_ROUTES.transition);

  it.each(plain.map((m) => [`${m.from} → ${m.to}`, m] as const))(
    'makes the plain move %s for an officer and an admin (acting as one), never a reviewer or the applicant',
    async (_, { from, to, move }) => {
      const body = { to, ...(move.needsNote && { note: '请补充材料' }) };
      for (const who of ['reviewer1', 'applicantA'] as const) {
        const id = await applicationIn(from);
        const res = await (await t.login(who)).post(`/api/v1/applications/${id}/transitions`, body);
        expect(res.statusCode, who).toBe(403);
      }
      for (const who of ['officer', 'admin'] as const) {
        const id = await applicationIn(from);
        const client = await t.login(who);
        const before = (await client.get(`/api/v1/applications/${id}`)).json() as { allowedMoves: string[] };
        expect(before.allowedMoves, who).toContain(to);
        if (move.needsNote) {
          const noNote = await client.post(`/api/v1/applications/${id}/transitions`, { to });
          expect(noNote.statusCode, `${who} without a note`).toBe(400);
        }
        const res = await client.post(`/api/v1/applications/${id}/transitions`, body);
        expect(res.statusCode, who).toBe(200);
        expect((res.json() as { status: string }).status).toBe(to);
      }
    },
  );

  it.each(elsewhere.map((m) => [`${m.from} → ${m.to}`, m] as const))(
    'sends the move %s to the route that makes it',
    async (_, { from, to, move }) => {
      const id = await applicationIn(from);
      const res = await (await t.login('officer')).post(`/api/v1/applications/${id}/transitions`, { to });
      expect(res.statusCode).toBe(409);
      expect((res.json() as { error: string }).error).toContain(move.route);
    },
  );
});
