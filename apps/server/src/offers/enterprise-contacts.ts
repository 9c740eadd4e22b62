import type { EnterpriseContact } from '@ftai/api';
import { appendAudit } from '../audit/append-audit.js';
import type { CurrentUser } from '../auth/current-user.js';
import type { AppContext } from '../context.js';

/**
 * Contacts the bureau holds (e-mail, mobile), written onto the enterprises (one not yet known is
 * added with its name), in one transaction with one audit entry naming how many. A field left out
 * is kept; null clears it.
 */
export async function importContacts(
  ctx: AppContext,
  officer: CurrentUser,
  contacts: readonly EnterpriseContact[],
): Promise<{ updated: number; created: number }> {
  const at = ctx.now();
  return ctx.tx(async (trx) => {
    let updated = 0;
    let created = 0;
    for (const c of contacts) {
      const code = c.creditCode.toUpperCase();
      const set = {
        ...(c.email === undefined ? {} : { contact_email: c.email }),
        ...(c.phone === undefined ? {} : { contact_phone: c.phone }),
      };
      const known = await trx.selectFrom('enterprises').select('credit_code').where('credit_code', '=', code).executeTakeFirst();
      if (known) {
        if (Object.keys(set).length > 0)
          await trx
            .updateTable('enterprises')
            .set({ ...set, updated_at: at })
            .where('credit_code', '=', code)
            .execute();
        updated++;
      } else {
        const name = c.name ?? code;
        await trx
          .insertInto('enterprises')
          .values({
            credit_code: code,
            name,
            profile_json: JSON.stringify({ creditCode: code, name }),
            created_at: at,
            updated_at: at,
            ...set,
          })
          .execute();
        created++;
      }
    }
    await appendAudit(
      trx,
      {
        actorId: officer.id,
        action: 'enterprise.contacts',
        entity: 'enterprise',
        entityId: '*',
        before: null,
        after: { updated, created, count: contacts.length },
      },
      at,
    );
    return { updated, created };
  });
}

/** The applicant's own contacts (its profile), audited. */
export async function updateOwnContacts(
  ctx: AppContext,
  user: CurrentUser,
  creditCode: string,
  c: Pick<EnterpriseContact, 'email' | 'phone'>,
): Promise<void> {
  const at = ctx.now();
  await ctx.tx(async (trx) => {
    const before = await trx
      .selectFrom('enterprises')
      .select(['contact_email', 'contact_phone'])
      .where('credit_code', '=', creditCode)
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('enterprises')
      .set({ contact_email: c.email ?? null, contact_phone: c.phone ?? null, updated_at: at })
      .where('credit_code', '=', creditCode)
      .execute();
    await appendAudit(
      trx,
      {
        actorId: user.id,
        action: 'enterprise.contacts',
        entity: 'enterprise',
        entityId: creditCode,
        before: { email: before.contact_email, phone: before.contact_phone },
        after: { email: c.email ?? null, phone: c.phone ?? null },
      },
      at,
    );
  });
}
