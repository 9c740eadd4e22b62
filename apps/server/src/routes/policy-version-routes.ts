import {
  parameterFileSchema,
  parameterHistorySchema,
  parameterVersionDecisionSchema,
  parameterVersionDraftSchema,
  parameterVersionListSchema,
  parameterVersionParamsSchema,
  parameterVersionSchema,
  parameterVersionsQuerySchema,
} from '@ftai/api';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireRole } from '../auth/current-user.js';
import type { AppContext } from '../context.js';
import { approveVersion, rejectVersion, submitVersion, withdrawVersion } from '../policy-versions/decide-policy-version.js';
import { createDraft, updateDraft } from '../policy-versions/draft-policy-version.js';
import { listVersions, loadVersion, parameterFile, parameterHistory } from '../policy-versions/policy-version-views.js';

/**
 * Versions of the policy's parameters (政策参数版本): the approved ones and each parameter's
 * history for anyone; drafts, their steps and the four-eyes decision for officers.
 */
export function policyVersionRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/policy/versions',
      {
        schema: {
          summary: 'The parameter versions, newest first: approved ones for anyone, every status for officers',
          tags: ['policy'],
          querystring: parameterVersionsQuerySchema,
          response: { 200: parameterVersionListSchema },
        },
      },
      async (req) => listVersions(ctx.db, req.user, req.query, ctx.today()),
    );

    app.get(
      '/api/v1/policy/versions/:number',
      {
        schema: {
          summary: 'One parameter version: what it changes, before and after, its document and decision (drafts: officers)',
          tags: ['policy'],
          params: parameterVersionParamsSchema,
          response: { 200: parameterVersionSchema },
        },
      },
      async (req) => loadVersion(ctx.db, req.user, req.params.number, ctx.today()),
    );

    app.get(
      '/api/v1/policy/versions/:number/parameters.json',
      {
        schema: {
          summary: 'A parameter version as the parameter file `ftai calc --parameters FILE` reads (drafts: officers)',
          description: 'Its changes against version 1, with its number, version string, date and document; sent as a download.',
          tags: ['policy'],
          params: parameterVersionParamsSchema,
          response: { 200: parameterFileSchema },
        },
      },
      async (req, reply) => {
        const file = await parameterFile(ctx.db, req.user, req.params.number);
        return reply.header('content-disposition', `attachment; filename="ftai-parameters-p${file.number}.json"`).send(file);
      },
    );

    app.get(
      '/api/v1/policy/parameters',
      {
        schema: {
          summary: 'Every parameter in effect today, whether it is an assumption, and its history over approved versions',
          tags: ['policy'],
          response: { 200: parameterHistorySchema },
        },
      },
      async () => parameterHistory(ctx.db, ctx.today()),
    );

    app.post(
      '/api/v1/policy/versions',
      {
        schema: {
          summary:
            'Draft a parameter version: its changes against a base (the version in effect by default), date, reason, document (officer)',
          tags: ['policy'],
          body: parameterVersionDraftSchema,
          response: { 201: parameterVersionSchema },
        },
      },
      async (req, reply) => {
        const officer = requireRole(req, 'officer');
        const number = await createDraft(ctx, officer, req.body);
        return reply.code(201).send(await loadVersion(ctx.db, officer, number, ctx.today()));
      },
    );

    app.put(
      '/api/v1/policy/versions/:number',
      {
        schema: {
          summary: 'Rewrite a draft (its author)',
          tags: ['policy'],
          params: parameterVersionParamsSchema,
          body: parameterVersionDraftSchema,
          response: { 200: parameterVersionSchema },
        },
      },
      async (req) => {
        const officer = requireRole(req, 'officer');
        await updateDraft(ctx, officer, req.params.number, req.body);
        return loadVersion(ctx.db, officer, req.params.number, ctx.today());
      },
    );

    const steps = [
      ['submit', 'Submit a draft for another officer’s decision (its author)', submitVersion],
      ['approve', 'Approve a pending version: from its date every new calculation uses it (another officer)', approveVersion],
      ['reject', 'Reject a pending version with the reason (another officer)', rejectVersion],
      ['withdraw', 'Withdraw a draft or a pending version (its author)', withdrawVersion],
    ] as const;
    for (const [step, summary, run] of steps) {
      app.post(
        `/api/v1/policy/versions/:number/${step}`,
        {
          schema: {
            summary,
            tags: ['policy'],
            params: parameterVersionParamsSchema,
            body: parameterVersionDecisionSchema.nullish(),
            response: { 200: parameterVersionSchema },
          },
        },
        async (req) => {
          const officer = requireRole(req, 'officer');
          await run(ctx, officer, req.params.number, req.body?.note);
          return loadVersion(ctx.db, officer, req.params.number, ctx.today());
        },
      );
    }
  };
}
