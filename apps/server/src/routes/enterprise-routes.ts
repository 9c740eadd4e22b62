import { enterpriseSchema } from '@ftai/policy-fengtai';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appendAudit } from '../audit/append-audit.js';
import { type CurrentUser, requireUser } from '../auth/current-user.js';
import type { AppContext } from '../context.js';
import { forbidden, notFound } from '../errors.js';

/** The contract's `enterprise` object without the credit code, which the account fixes. */
const profile = enterpriseSchema.omit({ creditCode: true });

function canSee(user: CurrentUser, creditCode: string): boolean {
  return user.role === 'officer' || user.role === 'admin' || (user.role === 'applicant' && user.creditCode === creditCode);
}

export function enterpriseRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const load = async (creditCode: string) => {
    const e = await ctx.db.selectFrom('enterprises').selectAll().where('credit_code', '=', creditCode).executeTakeFirst();
    if (!e) return undefined;
    const awards = await ctx.db
      .selectFrom('awards')
      .select([
        'measure',
        'subject',
        'year',
        'amount',
        'status',
        'call_id as callId',
        'application_id as applicationId',
        'paid_at as paidAt',
      ])
      .where('credit_code', '=', creditCode)
      .orderBy('year')
      .orderBy('measure')
      .execute();
    return {
      creditCode: e.credit_code,
      name: e.name,
      profile: JSON.parse(e.profile_json) as Record<string, unknown>,
      awards: awards.map((a) => ({ ...a, subject: a.subject === '' ? null : a.subject, amount: Number(a.amount) })),
      updatedAt: e.updated_at,
    };
  };

  return async (app) => {
    app.get(
      '/api/v1/enterprises/me',
      { schema: { summary: "The applicant's enterprise profile and past awards", tags: ['enterprises'] } },
      async (req) => {
        const user = requireUser(req);
        if (user.role !== 'applicant' || !user.creditCode) throw forbidden('only an applicant has an enterprise');
        const e = await load(user.creditCode);
        if (!e) throw notFound('enterprise');
        return e;
      },
    );

    app.put(
      '/api/v1/enterprises/me',
      { schema: { summary: 'Update the enterprise profile (企业信息)', tags: ['enterprises'], body: profile } },
      async (req) => {
        const user = requireUser(req);
        if (user.role !== 'applicant' || !user.creditCode) throw forbidden('only an applicant has an enterprise');
        const creditCode = user.creditCode;
        const at = ctx.now();
        await ctx.tx(async (trx) => {
          const before = await trx.selectFrom('enterprises').selectAll().where('credit_code', '=', creditCode).executeTakeFirst();
          if (!before) throw notFound('enterprise');
          const next = { ...req.body, creditCode };
          await trx
            .updateTable('enterprises')
            .set({ name: req.body.name ?? before.name, profile_json: JSON.stringify(next), updated_at: at })
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
        return load(creditCode);
      },
    );

    app.get('/api/v1/enterprises', { schema: { summary: 'All enterprises (officer)', tags: ['enterprises'] } }, async (req) => {
      const user = requireUser(req);
      if (user.role !== 'officer' && user.role !== 'admin') throw forbidden('this needs the role officer');
      const rows = await ctx.db
        .selectFrom('enterprises')
        .select(['credit_code as creditCode', 'name', 'updated_at as updatedAt'])
        .orderBy('name')
        .execute();
      return { enterprises: rows };
    });

    app.get(
      '/api/v1/enterprises/:creditCode',
      {
        schema: {
          summary: 'One enterprise with its awards',
          tags: ['enterprises'],
          params: z.strictObject({ creditCode: z.string().max(18) }),
        },
      },
      async (req) => {
        const user = requireUser(req);
        if (!canSee(user, req.params.creditCode)) throw forbidden('an applicant sees only its own enterprise');
        const e = await load(req.params.creditCode);
        if (!e) throw notFound('enterprise');
        return e;
      },
    );
  };
}
