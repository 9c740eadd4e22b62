import { APPLICATION_STATUSES, AWARD_STATUSES, CALL_STATUSES, MATCH_JOB_STATUSES, ROLES } from '@ftai/api';
import { type Kysely, type Migration, sql } from 'kysely';
import type { Dialect } from '../database.js';
import type { Database } from '../schema.js';

export const STATUS_CONSTRAINT_MIGRATION = '0007-status-constraints';

/** A text column that holds one of a list of values, as @ftai/api declares it. */
export type StatusColumn = {
  readonly [T in keyof Database]: {
    readonly table: T;
    readonly column: keyof Database[T] & string;
    readonly values: readonly string[];
    /** NULL is allowed besides the values (an event's `from_status`: the draft's creation). */
    readonly nullable?: true;
  };
}[keyof Database];

/** Every column the database constrains to its table in @ftai/api. */
export const STATUS_COLUMNS: readonly StatusColumn[] = [
  { table: 'applications', column: 'status', values: APPLICATION_STATUSES },
  { table: 'application_events', column: 'from_status', values: APPLICATION_STATUSES, nullable: true },
  { table: 'application_events', column: 'to_status', values: APPLICATION_STATUSES },
  { table: 'users', column: 'role', values: ROLES },
  { table: 'calls', column: 'status', values: CALL_STATUSES },
  { table: 'awards', column: 'status', values: AWARD_STATUSES },
  { table: 'match_jobs', column: 'status', values: MATCH_JOB_STATUSES },
];

/** The name of the constraint (PostgreSQL) or the stem of the triggers (SQLite) guarding `c`. */
export const constraintName = (c: StatusColumn): string => `${c.table}_${c.column}_valid`;

/** The values as an SQL list: ('draft', 'submitted', …). They are our own identifiers; quoted all the same. */
function sqlList(values: readonly string[]): string {
  return `(${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(', ')})`;
}

/** What the database says when a value is refused: the column and the values it takes. */
const refusal = (c: StatusColumn): string => `${c.table}.${c.column} must be one of ${c.values.join(', ')}`;

/** The statements that make the database refuse any other value in `c`, dropping an earlier version first. */
export function statusConstraintStatements(dialect: Dialect, c: StatusColumn): string[] {
  const name = constraintName(c);
  const bad = `new.${c.column} not in ${sqlList(c.values)}`;
  if (dialect === 'postgres') {
    const check = `${c.nullable ? `${c.column} is null or ` : ''}${c.column} in ${sqlList(c.values)}`;
    return [`alter table ${c.table} drop constraint if exists ${name}`, `alter table ${c.table} add constraint ${name} check (${check})`];
  }
  // SQLite cannot add a CHECK to an existing table: triggers refuse the row instead. NULL NOT IN
  // (…) is NULL, not true, so a NULL from_status passes; NOT NULL columns refuse NULL themselves.
  const raise = `begin select raise(abort, '${refusal(c)}'); end`;
  return [
    `drop trigger if exists ${name}_insert`,
    `drop trigger if exists ${name}_update`,
    `create trigger ${name}_insert before insert on ${c.table} when ${bad} ${raise}`,
    `create trigger ${name}_update before update of ${c.column} on ${c.table} when ${bad} ${raise}`,
  ];
}

/**
 * Makes the database refuse a status, role or other listed value that @ftai/api does not
 * declare, on every column of STATUS_COLUMNS, as the table stands when it runs. Refuses to run
 * while a row holds such a value (PostgreSQL would refuse the constraint; SQLite's triggers
 * would not see the row), naming the values and how many rows hold them.
 *
 * A later change of the lists (a new status) needs a migration that runs this again: a database
 * migrated before keeps the lists it was given.
 */
export async function applyStatusConstraints(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const problems: string[] = [];
  for (const c of STATUS_COLUMNS) {
    const { rows } = await sql<{ value: string; n: number | string }>`select ${sql.ref(c.column)} as value, count(*) as n from ${sql.table(
      c.table,
    )} where ${sql.ref(c.column)} is not null and ${sql.ref(c.column)} not in (${sql.join([...c.values])}) group by ${sql.ref(c.column)}`.execute(
      db,
    );
    for (const r of rows) problems.push(`${c.table}.${c.column} holds ${JSON.stringify(r.value)} in ${Number(r.n)} row(s)`);
  }
  if (problems.length > 0) {
    throw new Error(`${STATUS_CONSTRAINT_MIGRATION}: values that @ftai/api does not declare: ${problems.join('; ')}`);
  }
  for (const c of STATUS_COLUMNS) for (const statement of statusConstraintStatements(dialect, c)) await sql.raw(statement).execute(db);
}

/** The database refuses an unknown status (applications, their events, awards, calls, match jobs) or role. */
export function statusConstraints(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await applyStatusConstraints(db, dialect);
    },
  };
}
