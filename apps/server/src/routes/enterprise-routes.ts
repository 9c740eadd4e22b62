import {
  actsAs,
  bankAccountSchema,
  enterpriseListSchema,
  enterpriseParamsSchema,
  enterpriseProfileBodySchema,
  enterpriseViewSchema,
} from '@ftai/api';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { type CurrentUser, requireUser } from '../auth/current-user.js';
import type { AppContext } from '../context.js';
import { canSeeEnterprise } from '../enterprises/can-see-enterprise.js';
import { listEnterprises } from '../enterprises/list-enterprises.js';
import { loadEnterprise } from '../enterprises/load-enterprise.js';
import { updateBankAccount } from '../enterprises/update-bank-account.js';
import { updateEnterpriseProfile } from '../enterprises/update-enterprise-profile.js';
import { forbidden, notFound } from '../errors.js';

/** The credit code of the applicant's own enterprise, or 403. */
function ownCreditCode(user: CurrentUser): string {
  if (user.role !== 'applicant' || !user.creditCode) throw forbidden('only an applicant has an enterprise');
  return user.creditCode;
}

/** Enterprises (企业): the applicant's own profile and awards; every enterprise for officers. */
export function enterpriseRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const load = async (creditCode: string) => {
    const e = await loadEnterprise(ctx.db, creditCode);
    if (!e) throw notFound('enterprise');
    return e;
  };

  return async (app) => {
    app.get(
      '/api/v1/enterprises/me',
      {
        schema: {
          summary: "The applicant's enterprise profile and past awards",
          tags: ['enterprises'],
          response: { 200: enterpriseViewSchema },
        },
      },
      async (req) => load(ownCreditCode(requireUser(req))),
    );

    app.put(
      '/api/v1/enterprises/me',
      {
        schema: {
          summary: 'Update the enterprise profile (企业信息)',
          tags: ['enterprises'],
          body: enterpriseProfileBodySchema,
          response: { 200: enterpriseViewSchema },
        },
      },
      async (req) => {
        const user = requireUser(req);
        const creditCode = ownCreditCode(user);
        await updateEnterpriseProfile(ctx, user, creditCode, req.body);
        return load(creditCode);
      },
    );

    app.put(
      '/api/v1/enterprises/me/bank-account',
      {
        schema: {
          summary: 'Give the bank account for payments (收款账户), which a payment needs; its name is the enterprise’s',
          tags: ['enterprises'],
          body: bankAccountSchema,
          response: { 200: enterpriseViewSchema },
        },
      },
      async (req) => {
        const user = requireUser(req);
        const creditCode = ownCreditCode(user);
        await updateBankAccount(ctx, user, creditCode, req.body);
        return load(creditCode);
      },
    );

    app.get(
      '/api/v1/enterprises',
      { schema: { summary: 'All enterprises (officer)', tags: ['enterprises'], response: { 200: enterpriseListSchema } } },
      async (req) => {
        const user = requireUser(req);
        if (actsAs(user.role) !== 'officer') throw forbidden('this needs the role officer');
        return { enterprises: await listEnterprises(ctx.db) };
      },
    );

    app.get(
      '/api/v1/enterprises/:creditCode',
      {
        schema: {
          summary: 'One enterprise with its awards',
          tags: ['enterprises'],
          params: enterpriseParamsSchema,
          response: { 200: enterpriseViewSchema },
        },
      },
      async (req) => {
        const user = requireUser(req);
        if (!canSeeEnterprise(user, req.params.creditCode)) throw forbidden('an applicant sees only its own enterprise');
        return load(req.params.creditCode);
      },
    );
  };
}
