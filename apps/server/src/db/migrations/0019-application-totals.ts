import { type Kysely, type Migration, sql } from 'kysely';
import type { Dialect } from '../database.js';

/**
 * What a row of `applications` adds to application_totals: one, the amount asked (but a draft's,
 * which changes with every autosave and is asked of no one yet) and the amount approved.
 */
const APPLICATION_FIGURES = (row: string) =>
  `${row}.call_id as call_id, ${row}.status as status, 1 as n,
   case when ${row}.status = 'draft' then 0 else coalesce(${row}.engine_total, 0) end as requested,
   coalesce(${row}.approved_total, 0) as approved`;

/**
 * The applications' count and sums by (call, status), and the items' sums asked and approved by
 * (call, measure), kept by the database itself: the first page of a list says how many the call
 * holds, the queue's tabs count by status and the dashboard adds up what was asked and approved,
 * each by reading a few rows here instead of counting or summing 100,000 applications and their
 * 330,000 items (the count alone grows a page of the list from 10 to 23 ms between 10,000 and
 * 100,000 applications; the items' sums are most of the dashboard's 400 ms).
 *
 * As award_totals (migration 0018): on PostgreSQL one trigger a statement per event over its
 * transition tables, the old rows taken away and the new ones added in one grouped pass, only the
 * keys whose figures changed written, in key order (two transactions lock the same totals in the
 * same order). So an autosave of a draft (its amount asked is not counted) and an allocation
 * commit's 270,000 items (only the amount allocated changes) write no total and lock none. On
 * SQLite one upsert a row, the triggers limited to the columns that count.
 *
 * Items belong to submitted applications only (submission writes them; nothing returns an
 * application to draft) and no application is ever deleted: an item's call is its application's,
 * looked up when the item is written.
 */
export function applicationTotals(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('application_totals')
        .addColumn('call_id', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('n', 'bigint', (c) => c.notNull())
        .addColumn('requested', 'bigint', (c) => c.notNull())
        .addColumn('approved', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('application_totals_pk', ['call_id', 'status'])
        .execute();
      await db.schema
        .createTable('application_item_totals')
        .addColumn('call_id', 'text', (c) => c.notNull())
        .addColumn('measure', 'text', (c) => c.notNull())
        .addColumn('requested', 'bigint', (c) => c.notNull())
        .addColumn('approved', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('application_item_totals_pk', ['call_id', 'measure'])
        .execute();
      const run = (statement: string) => sql.raw(statement).execute(db);
      if (dialect === 'postgres') {
        // The rows of the statement as signed figures, grouped by key; a key whose figures did not
        // change is left alone.
        const keep = (table: string, key: string, figures: string[], signed: string) =>
          `insert into ${table} as t (${key}, ${figures.join(', ')})
             select ${key}, ${figures.map((f) => `sum(${f})`).join(', ')} from (${signed}) d
             group by ${key} having ${figures.map((f) => `sum(${f}) <> 0`).join(' or ')} order by ${key}
           on conflict (${key}) do update set ${figures.map((f) => `${f} = t.${f} + excluded.${f}`).join(', ')};`;
        const applications = (rows: string, sign: string) =>
          `select call_id, status, ${sign}n as n, ${sign}requested as requested, ${sign}approved as approved
             from (select ${APPLICATION_FIGURES('r')} from ${rows} r) f`;
        const items = (rows: string, sign: string) =>
          `select application_id, measure, ${sign}engine_amount as requested, ${sign}coalesce(approved_amount, 0) as approved from ${rows}`;
        // Items: grouped by application first (an allocation's 270,000 unchanged items drop out
        // there), then each changed application's call looked up.
        const keepItems = (signed: string) =>
          `insert into application_item_totals as t (call_id, measure, requested, approved)
             select a.call_id, d.measure, sum(d.requested), sum(d.approved)
             from (select application_id, measure, sum(requested) as requested, sum(approved) as approved from (${signed}) s
                   group by application_id, measure having sum(requested) <> 0 or sum(approved) <> 0) d
             join applications a on a.id = d.application_id
             group by a.call_id, d.measure having sum(d.requested) <> 0 or sum(d.approved) <> 0 order by a.call_id, d.measure
           on conflict (call_id, measure) do update set requested = t.requested + excluded.requested, approved = t.approved + excluded.approved;`;
        const body = (of: (rows: string, sign: string) => string, oldRows: string, newRows: string, write: (signed: string) => string) =>
          `if tg_op = 'INSERT' then ${write(of(newRows, ''))}
           elsif tg_op = 'DELETE' then ${write(of(oldRows, '-'))}
           else ${write(`${of(oldRows, '-')} union all ${of(newRows, '')}`)}
           end if;`;
        await run(`create function application_totals_keep() returns trigger language plpgsql as $$
          begin
            ${body(applications, 'old_applications', 'new_applications', (signed) =>
              keep('application_totals', 'call_id, status', ['n', 'requested', 'approved'], signed),
            )}
            return null;
          end $$`);
        await run(`create function application_item_totals_keep() returns trigger language plpgsql as $$
          begin
            ${body(items, 'old_items', 'new_items', keepItems)}
            return null;
          end $$`);
        for (const [table, rows, fn] of [
          ['applications', 'applications', 'application_totals_keep'],
          ['application_items', 'items', 'application_item_totals_keep'],
        ] as const) {
          await run(
            `create trigger ${table}_totals_insert after insert on ${table} referencing new table as new_${rows} for each statement execute function ${fn}()`,
          );
          await run(
            `create trigger ${table}_totals_update after update on ${table} referencing old table as old_${rows} new table as new_${rows} for each statement execute function ${fn}()`,
          );
          await run(
            `create trigger ${table}_totals_delete after delete on ${table} referencing old table as old_${rows} for each statement execute function ${fn}()`,
          );
        }
      } else {
        const addApplication = (row: string, sign: string) =>
          `insert into application_totals (call_id, status, n, requested, approved)
             select call_id, status, ${sign}n, ${sign}requested, ${sign}approved from (select ${APPLICATION_FIGURES(row)}) f where true
           on conflict (call_id, status) do update set n = n + excluded.n, requested = requested + excluded.requested, approved = approved + excluded.approved;`;
        const addItem = (row: string, sign: string) =>
          `insert into application_item_totals (call_id, measure, requested, approved)
             select a.call_id, ${row}.measure, ${sign}${row}.engine_amount, ${sign}coalesce(${row}.approved_amount, 0)
             from applications a where a.id = ${row}.application_id
           on conflict (call_id, measure) do update set requested = requested + excluded.requested, approved = approved + excluded.approved;`;
        await run(`create trigger applications_totals_insert after insert on applications begin ${addApplication('new', '')} end`);
        await run(
          `create trigger applications_totals_update after update of call_id, status, engine_total, approved_total on applications
           when old.call_id is not new.call_id or old.status is not new.status or old.approved_total is not new.approved_total
             or (new.status <> 'draft' and old.engine_total is not new.engine_total)
           begin ${addApplication('old', '-')} ${addApplication('new', '')} end`,
        );
        await run(`create trigger applications_totals_delete after delete on applications begin ${addApplication('old', '-')} end`);
        await run(`create trigger application_items_totals_insert after insert on application_items begin ${addItem('new', '')} end`);
        await run(
          `create trigger application_items_totals_update after update of application_id, measure, engine_amount, approved_amount on application_items
           when old.application_id is not new.application_id or old.measure is not new.measure
             or old.engine_amount is not new.engine_amount or old.approved_amount is not new.approved_amount
           begin ${addItem('old', '-')} ${addItem('new', '')} end`,
        );
        await run(`create trigger application_items_totals_delete after delete on application_items begin ${addItem('old', '-')} end`);
      }
      // The rows there already.
      await run(
        `insert into application_totals (call_id, status, n, requested, approved)
         select call_id, status, sum(n), sum(requested), sum(approved) from (select ${APPLICATION_FIGURES('a')} from applications a) f
         group by call_id, status`,
      );
      await run(
        `insert into application_item_totals (call_id, measure, requested, approved)
         select a.call_id, i.measure, sum(i.engine_amount), sum(coalesce(i.approved_amount, 0))
         from application_items i join applications a on a.id = i.application_id
         group by a.call_id, i.measure`,
      );
    },
  };
}
