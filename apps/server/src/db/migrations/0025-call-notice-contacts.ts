import { type Kysely, type Migration, sql } from 'kysely';

/** The issuer a call's notice names unless the officer sets another (the policy's own issuer). */
export const DEFAULT_NOTICE_ISSUER = '北京市丰台区科学技术和信息化局';

/**
 * The notice's issuer and how to reach it, as settings of the call (公示 names 发布单位, 联系电话 and
 * 联系地址): the issuer defaults to the policy's own; phone and address are empty until the officer
 * gives them (a notice then leaves the line out). The same statements on SQLite and PostgreSQL.
 */
export function callNoticeContacts(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await sql`alter table calls add column notice_issuer text not null default ${sql.lit(DEFAULT_NOTICE_ISSUER)}`.execute(db);
      await sql`alter table calls add column notice_phone text not null default ''`.execute(db);
      await sql`alter table calls add column notice_address text not null default ''`.execute(db);
    },
  };
}
