import { APPLICATION_STATUSES } from '@ftai/api';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../ids.js';
import { insertApplication, insertCall } from '../../review/test-fixtures.js';
import { CODE_A, createTestApp, DIALECTS, type TestApp } from '../../test/harness.js';
import { migrateToLatest } from '../migrate.js';
import { AUDIT_PROTECTION_MIGRATION } from './0006-audit-protection.js';
import { STATUS_COLUMNS, STATUS_CONSTRAINT_MIGRATION, type StatusColumn } from './0007-status-constraints.js';

/** What the database says, on either: SQLite's RAISE names the column, PostgreSQL the constraint. */
const REFUSED = /must be one of|violates check constraint/;

describe.each(DIALECTS)('the database refuses a status or role @ftai/api does not declare (%s)', (dialect) => {
  let t: TestApp;
  /** The id of one row of each constrained table. */
  const rowOf = new Map<string, { key: string; id: string }>();

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const db = t.ctx.db;
    const callId = await insertCall(t.ctx, { year: 2026, totalBudget: 1_000_000, createdBy: t.users.officer });
    const applicationId = await insertApplication(t.ctx, {
      callId,
      creditCode: CODE_A,
      status: 'draft',
      items: [],
      createdBy: t.users.applicantA,
    });
    const eventId = newId();
    await db
      .insertInto('application_events')
      .values({
        id: eventId,
        application_id: applicationId,
        seq: 99,
        from_status: null,
        to_status: 'draft',
        actor_id: t.users.applicantA,
        note: null,
        at: t.ctx.now(),
      })
      .execute();
    const awardId = newId();
    await db
      .insertInto('awards')
      .values({
        id: awardId,
        credit_code: CODE_A,
        measure: '1',
        subject: '',
        year: 2026,
        amount: 100,
        call_id: callId,
        application_id: applicationId,
        status: 'committed',
        created_at: t.ctx.now(),
        paid_at: null,
      })
      .execute();
    const jobId = newId();
    // Done, not queued: the runner of the test app would take a queued job up.
    await db
      .insertInto('match_jobs')
      .values({
        id: jobId,
        source: 'platform',
        status: 'done',
        filename: null,
        year: 2026,
        allow_extra_columns: 0,
        rows_total: 0,
        rows_done: 0,
        rows_bad: 0,
        granted_enterprises: 0,
        granted_total: 0,
        created_by: t.users.officer,
        created_at: t.ctx.now(),
        started_at: null,
        finished_at: null,
        cancel_requested: 0,
        attempts: 0,
        retries: 0,
        error: null,
      })
      .execute();
    rowOf.set('applications', { key: 'id', id: applicationId });
    rowOf.set('application_events', { key: 'id', id: eventId });
    rowOf.set('awards', { key: 'id', id: awardId });
    rowOf.set('calls', { key: 'id', id: callId });
    rowOf.set('match_jobs', { key: 'id', id: jobId });
    rowOf.set('users', { key: 'id', id: t.users.reviewer2 });
  });
  afterAll(async () => {
    await t?.close();
  });

  const set = (c: StatusColumn, value: string | null) => {
    const row = rowOf.get(c.table);
    if (!row) throw new Error(`no row of ${c.table}`);
    return sql`update ${sql.table(c.table)} set ${sql.ref(c.column)} = ${value} where ${sql.ref(row.key)} = ${row.id}`.execute(t.ctx.db);
  };
  const read = async (c: StatusColumn) => {
    const row = rowOf.get(c.table);
    const { rows } = await sql<{ value: string | null }>`select ${sql.ref(c.column)} as value from ${sql.table(c.table)} where ${sql.ref(
      row?.key ?? 'id',
    )} = ${row?.id}`.execute(t.ctx.db);
    return rows[0]?.value;
  };

  it('constrains the application statuses, the events, the roles, calls, awards and match jobs', () => {
    expect(STATUS_COLUMNS.map((c) => `${c.table}.${c.column}`)).toEqual([
      'applications.status',
      'application_events.from_status',
      'application_events.to_status',
      'users.role',
      'calls.status',
      'awards.status',
      'match_jobs.status',
    ]);
    expect(STATUS_COLUMNS[0]?.values).toEqual(APPLICATION_STATUSES);
  });

  it.each(STATUS_COLUMNS.map((c) => [`${c.table}.${c.column}`, c] as const))(
    '%s takes every declared value and refuses any other',
    async (_, c) => {
      for (const value of c.values) {
        await set(c, value);
        expect(await read(c)).toBe(value);
      }
      const kept = c.values[0];
      await set(c, kept ?? null);
      await expect(set(c, 'archived')).rejects.toThrow(REFUSED);
      // A value that differs only in case or spacing is another value.
      await expect(set(c, `${kept?.toUpperCase()}`)).rejects.toThrow(REFUSED);
      await expect(set(c, ` ${kept}`)).rejects.toThrow(REFUSED);
      expect(await read(c)).toBe(kept);
      if (c.nullable) {
        await set(c, null);
        expect(await read(c)).toBeNull();
      }
    },
  );

  it('refuses an unknown status on insert too', async () => {
    const callId = rowOf.get('calls')?.id ?? '';
    const insert = (status: string) =>
      sql`insert into applications (id, call_id, credit_code, status, request_json, engine_total, created_by, created_at, updated_at)
          values (${newId()}, ${callId}, ${CODE_A}, ${status}, '{}', 0, ${t.users.applicantA}, ${t.ctx.now()}, ${t.ctx.now()})`.execute(
        t.ctx.db,
      );
    await expect(insert('archived')).rejects.toThrow(REFUSED);
    await expect(insert('draft')).resolves.toBeDefined();
    const event = (to: string) =>
      sql`insert into application_events (id, application_id, seq, from_status, to_status, actor_id, at)
          values (${newId()}, ${rowOf.get('applications')?.id ?? ''}, ${1000}, ${'draft'}, ${to}, ${t.users.officer}, ${t.ctx.now()})`.execute(
        t.ctx.db,
      );
    await expect(event('closed')).rejects.toThrow(REFUSED);
    const user = (role: string) =>
      sql`insert into users (id, username, display_name, role, credit_code, password_hash, disabled, created_at)
          values (${newId()}, ${`u-${newId()}`}, 'x', ${role}, null, 'x', 0, ${t.ctx.now()})`.execute(t.ctx.db);
    await expect(user('superuser')).rejects.toThrow(REFUSED);
  });
});

describe.each(DIALECTS)('migration 0007 on a database that holds an undeclared status (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { migrateUpTo: AUDIT_PROTECTION_MIGRATION });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses to run, naming the column, the value and how many rows hold it; runs once they are put right', async () => {
    const callId = await insertCall(t.ctx, { year: 2026, totalBudget: 1_000_000, createdBy: t.users.officer });
    const id = await insertApplication(t.ctx, { callId, creditCode: CODE_A, status: 'draft', items: [], createdBy: t.users.applicantA });
    await sql`update applications set status = ${'archived'} where id = ${id}`.execute(t.ctx.db);
    await expect(migrateToLatest(t.ctx.db, dialect)).rejects.toThrow(
      `${STATUS_CONSTRAINT_MIGRATION}: values that @ftai/api does not declare: applications.status holds "archived" in 1 row(s)`,
    );
    await sql`update applications set status = ${'rejected'} where id = ${id}`.execute(t.ctx.db);
    expect(await migrateToLatest(t.ctx.db, dialect)).toContain(STATUS_CONSTRAINT_MIGRATION);
    await expect(sql`update applications set status = ${'archived'} where id = ${id}`.execute(t.ctx.db)).rejects.toThrow(REFUSED);
  });
});
