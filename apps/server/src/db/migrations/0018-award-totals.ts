import { type Kysely, type Migration, sql } from 'kysely';
import type { Dialect } from '../database.js';

/** The columns award_totals groups the awards by, in the order of its key. */
const KEY = 'call_id, year, measure, status';
/** And award_enterprise_totals. */
const ENTERPRISE_KEY = 'call_id, credit_code';

/**
 * The awards' count and sum by (call, year, measure, status), kept by the database itself: the
 * ledger's total and sum, the dashboard's allocated and paid by measure, and the budget already
 * held read a few rows here instead of counting a call's 270,000 awards (30 to 40 ms at
 * 100,000 applications, and growing with the call). Every write to `awards` goes through the
 * triggers, whoever makes it, so the totals cannot drift from the rows; a test compares them
 * after every kind of write.
 *
 * - PostgreSQL: one trigger a statement per event, over its transition tables (the rows a
 *   statement inserted, or the old and new rows it updated or deleted), grouped and added in key
 *   order, so that two transactions lock the same totals in the same order. An allocation commit
 *   of 270,000 awards adds one aggregate.
 * - SQLite (no statement triggers): one upsert a row.
 *
 * Rows that fall to zero stay (count 0, sum 0): they change no sum.
 *
 * Beside them, each enterprise's allocated and paid sums in each call (award_enterprise_totals),
 * kept by the same triggers: the dashboard's ten enterprises with most allocated are a top ten of
 * one row per enterprise (read by the key's call prefix) instead of a sum over the call's 270,000
 * awards (0.5 s at 100,000). No index in that order: its entries, written in random order, would
 * cost the commit more than sorting one call's enterprises costs the dashboard.
 *
 * Two indexes no read needs any more are dropped, which makes the whole-call writes cheaper
 * (docs/PLATFORM.md, "What the whole-call writes cost"): awards (call, measure, status, amount),
 * whose sums these totals now give (the ledger of a call walks (call, date, id)), and
 * applications (call, status), which (call, status, amount asked, id, amount approved) begins with.
 */
export function awardTotals(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('award_totals')
        .addColumn('call_id', 'text', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('measure', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('n', 'bigint', (c) => c.notNull())
        .addColumn('amount', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('award_totals_pk', ['call_id', 'year', 'measure', 'status'])
        .execute();
      await db.schema
        .createTable('award_enterprise_totals')
        .addColumn('call_id', 'text', (c) => c.notNull())
        .addColumn('credit_code', 'text', (c) => c.notNull())
        .addColumn('allocated', 'bigint', (c) => c.notNull())
        .addColumn('paid', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('award_enterprise_totals_pk', ['call_id', 'credit_code'])
        .execute();
      const run = (statement: string) => sql.raw(statement).execute(db);
      if (dialect === 'postgres') {
        const add = (rows: string, sign: string) =>
          `insert into award_totals as t (${KEY}, n, amount)
             select ${KEY}, ${sign}count(*), ${sign}sum(amount) from ${rows} group by ${KEY} order by ${KEY}
           on conflict (${KEY}) do update set n = t.n + excluded.n, amount = t.amount + excluded.amount;`;
        const addEnterprise = (rows: string, sign: string) =>
          `insert into award_enterprise_totals as t (${ENTERPRISE_KEY}, allocated, paid)
             select ${ENTERPRISE_KEY}, ${sign}sum(amount), ${sign}coalesce(sum(amount) filter (where status = 'paid'), 0)
             from ${rows} group by ${ENTERPRISE_KEY} order by ${ENTERPRISE_KEY}
           on conflict (${ENTERPRISE_KEY}) do update set allocated = t.allocated + excluded.allocated, paid = t.paid + excluded.paid;`;
        await run(`create function award_totals_keep() returns trigger language plpgsql as $$
          begin
            if tg_op in ('UPDATE', 'DELETE') then ${add('old_awards', '-')} ${addEnterprise('old_awards', '-')} end if;
            if tg_op in ('INSERT', 'UPDATE') then ${add('new_awards', '')} ${addEnterprise('new_awards', '')} end if;
            return null;
          end $$`);
        await run(
          'create trigger awards_totals_insert after insert on awards referencing new table as new_awards for each statement execute function award_totals_keep()',
        );
        await run(
          'create trigger awards_totals_update after update on awards referencing old table as old_awards new table as new_awards for each statement execute function award_totals_keep()',
        );
        await run(
          'create trigger awards_totals_delete after delete on awards referencing old table as old_awards for each statement execute function award_totals_keep()',
        );
      } else {
        const add = (row: string, sign: string) =>
          `insert into award_totals (${KEY}, n, amount) values (${row}.call_id, ${row}.year, ${row}.measure, ${row}.status, ${sign}1, ${sign}${row}.amount)
           on conflict (${KEY}) do update set n = n + excluded.n, amount = amount + excluded.amount;
           insert into award_enterprise_totals (${ENTERPRISE_KEY}, allocated, paid)
             values (${row}.call_id, ${row}.credit_code, ${sign}${row}.amount, case when ${row}.status = 'paid' then ${sign}${row}.amount else 0 end)
           on conflict (${ENTERPRISE_KEY}) do update set allocated = allocated + excluded.allocated, paid = paid + excluded.paid;`;
        await run(`create trigger awards_totals_insert after insert on awards begin ${add('new', '')} end`);
        await run(`create trigger awards_totals_update after update on awards begin ${add('old', '-')} ${add('new', '')} end`);
        await run(`create trigger awards_totals_delete after delete on awards begin ${add('old', '-')} end`);
      }
      // The awards there already.
      await run(`insert into award_totals (${KEY}, n, amount) select ${KEY}, count(*), sum(amount) from awards group by ${KEY}`);
      await run(
        `insert into award_enterprise_totals (${ENTERPRISE_KEY}, allocated, paid)
         select ${ENTERPRISE_KEY}, sum(amount), sum(case when status = 'paid' then amount else 0 end) from awards group by ${ENTERPRISE_KEY}`,
      );
      await db.schema.dropIndex('awards_call').ifExists().execute();
      await db.schema.dropIndex('applications_call').ifExists().execute();
    },
  };
}
