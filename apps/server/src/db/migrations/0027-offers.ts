import { type Kysely, type Migration, sql } from 'kysely';

/**
 * 免申即享 as a closed loop (issue 14): batches of offers from a match job, one offer per
 * enterprise with its items and facts, every message to it (站内信, e-mail, SMS) with its delivery,
 * the portal's messages, invitation codes for enterprises without an account, and the enterprises'
 * contacts (e-mail, mobile) the messages go to. An application created by a confirmation names its
 * offer. The same statements on SQLite and PostgreSQL (money as bigint, instants as ISO text).
 */
export function offers(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await sql`alter table enterprises add column contact_email text`.execute(db);
      await sql`alter table enterprises add column contact_phone text`.execute(db);
      await sql`alter table applications add column offer_id text`.execute(db);

      await db.schema
        .createTable('offer_batches')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('call_id', 'text', (c) => c.notNull().references('calls.id'))
        .addColumn('match_job_id', 'text', (c) => c.notNull().references('match_jobs.id'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('deadline', 'text', (c) => c.notNull())
        .addColumn('reminder_days', 'integer', (c) => c.notNull())
        .addColumn('filters_json', 'text', (c) => c.notNull())
        .addColumn('policy_version', 'text', (c) => c.notNull())
        .addColumn('offers', 'integer', (c) => c.notNull())
        .addColumn('total', 'bigint', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('offer_batches_call_seq', ['call_id', 'seq'])
        .execute();

      await db.schema
        .createTable('offers')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('batch_id', 'text', (c) => c.notNull().references('offer_batches.id'))
        .addColumn('call_id', 'text', (c) => c.notNull().references('calls.id'))
        .addColumn('credit_code', 'text', (c) => c.notNull())
        .addColumn('enterprise_name', 'text')
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('deadline', 'text', (c) => c.notNull())
        .addColumn('total', 'bigint', (c) => c.notNull())
        .addColumn('review', 'integer', (c) => c.notNull())
        .addColumn('measures', 'text', (c) => c.notNull())
        .addColumn('request_json', 'text', (c) => c.notNull())
        .addColumn('result_json', 'text', (c) => c.notNull())
        .addColumn('policy_version', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('read_at', 'text')
        .addColumn('reminded_at', 'text')
        .addColumn('decided_at', 'text')
        .addColumn('decided_by', 'text')
        .addColumn('decline_reason', 'text')
        .addColumn('application_id', 'text')
        .addCheckConstraint('offers_status', sql`status in ('pending', 'confirmed', 'declined', 'expired')`)
        // One offer per enterprise and call, whichever batch: a second batch skips those already offered.
        .addUniqueConstraint('offers_call_enterprise', ['call_id', 'credit_code'])
        .execute();
      await db.schema.createIndex('offers_batch_status').on('offers').columns(['batch_id', 'status', 'id']).execute();
      await db.schema.createIndex('offers_enterprise').on('offers').columns(['credit_code', 'created_at']).execute();
      await db.schema.createIndex('offers_deadline').on('offers').columns(['status', 'deadline']).execute();

      await db.schema
        .createTable('offer_deliveries')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('offer_id', 'text', (c) => c.notNull().references('offers.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('address', 'text')
        .addColumn('provider_id', 'text')
        .addColumn('error', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('next_at', 'text')
        .addColumn('sent_at', 'text')
        .addCheckConstraint('offer_deliveries_kind', sql`kind in ('notice', 'reminder')`)
        .addCheckConstraint('offer_deliveries_channel', sql`channel in ('inbox', 'email', 'sms')`)
        .addCheckConstraint('offer_deliveries_status', sql`status in ('queued', 'sent', 'skipped', 'failed')`)
        .addUniqueConstraint('offer_deliveries_once', ['offer_id', 'kind', 'channel'])
        .execute();
      await db.schema.createIndex('offer_deliveries_due').on('offer_deliveries').columns(['status', 'next_at']).execute();

      await db.schema
        .createTable('messages')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('credit_code', 'text', (c) => c.notNull())
        .addColumn('offer_id', 'text')
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('read_at', 'text')
        .execute();
      await db.schema.createIndex('messages_enterprise').on('messages').columns(['credit_code', 'created_at', 'id']).execute();

      await db.schema
        .createTable('invitations')
        .addColumn('code_hash', 'text', (c) => c.primaryKey())
        .addColumn('credit_code', 'text', (c) => c.notNull())
        .addColumn('offer_id', 'text', (c) => c.notNull().references('offers.id'))
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text')
        .addColumn('used_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('invitations_offer').on('invitations').columns(['offer_id']).execute();
    },
  };
}
