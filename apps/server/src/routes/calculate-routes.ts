import { answerSchema, calculateQuerySchema } from '@ftai/api';
import { calculate, crossCheckRequest, describeIssues, requestSchema } from '@ftai/policy-fengtai';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { HttpError } from '../errors.js';
import { editionInEffect } from '../policy-versions/editions.js';

/**
 * POST /api/v1/calculate — the contract of CALCULATION.md, open to anyone, same answers as `ftai calc`
 * (with `--parameters` the version's file): under the parameter version in effect today, which the answer cites.
 */
export function calculateRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/v1/calculate',
      {
        schema: {
          summary: 'Compute what the policy grants for one request (政策计算)',
          description:
            'The request and answer of CALCULATION.md, under the parameter version in effect today (`policy.version`). `?lang=en` for English explanations, `?explain=false` to leave them out.',
          tags: ['calculate'],
          body: requestSchema,
          querystring: calculateQuerySchema,
          response: { 200: answerSchema },
        },
      },
      async (req) => {
        const issues = crossCheckRequest(req.body);
        if (issues.length > 0) throw new HttpError(400, 'FTAI_ERR_VALIDATION', describeIssues(issues), issues);
        const edition = await editionInEffect(ctx);
        return calculate(req.body, { lang: req.query.lang ?? 'zh', explain: req.query.explain !== 'false', edition });
      },
    );
  };
}
