import type { EnterpriseProfileBody } from '@ftai/api';
import { appendAudit } from '../audit/append-audit.js';
import type { CurrentUser } from '../auth/current-user.js';
import type { AppContext } from '../context.js';
import { notFound } from '../errors.js';

/**
 * The applicant saves its enterprise's profile (企业信息), audited: the contract's `enterprise`
 * flags, the credit code the account's. A name left out keeps the one on record.
 */
export async function updateEnterpriseProfile(
  ctx: AppContext,
  user: CurrentUser,
  creditCode: string,
  profile: EnterpriseProfileBody,
): Promise<void> {
  const at = ctx.now();
  await ctx.tx(async (trx) => {
    const before = await trx.selectFrom('enterprises').selectAll().where('credit_code', '=', creditCode).executeTakeFirst();
    if (!before) throw notFound('enterprise');
    const next = { ...profile, creditCode };
    await trx
      .updateTable('enterprises')
      .set({ name: profile.name ?? before.name, profile_json: JSON.stringify(next), updated_at: at })
      .where('credit_code', '=', creditCode)
      .execute();
    await appendAudit(
      trx,
      {
        actorId: user.id,
        action: 'enterprise.update',
        entity: 'enterprise',
        entityId: creditCode,
        before: JSON.parse(before.profile_json),
        after: next,
      },
      at,
    );
  });
}
