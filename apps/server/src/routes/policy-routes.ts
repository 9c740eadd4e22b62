import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { catalogue, ENTERPRISE_MEASURE_IDS, fengtaiPolicy, POLICY_ID, POLICY_VERSION } from '@ftai/policy-fengtai';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isMilestoneMeasure, milestoneTiers } from '../ledger/milestone-tiers.js';

const query = z.strictObject({
  lang: z.enum(['zh', 'en'], { error: 'expected zh or en' }).optional(),
  year: z.coerce
    .number({ error: 'expected a year' })
    .int()
    .min(2000, { error: 'expected 2000 to 2100' })
    .max(2100, { error: 'expected 2000 to 2100' })
    .optional(),
});

const policyText = (() => {
  const dir = join(createRequire(import.meta.url).resolve('@ftai/policy-fengtai'), '..', '..', 'policy');
  return readFileSync(join(dir, 'fengtai-ai-measures-2025.md'), 'utf8');
})();

/** The policy itself, for the policy browser: the catalogue of measures and the full text. Public. */
export const policyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/v1/policy', { schema: { summary: 'The policy: id, version, term, full text (政策原文)', tags: ['policy'] } }, async () => ({
    id: POLICY_ID,
    version: POLICY_VERSION,
    inForce: fengtaiPolicy.inForce,
    text: policyText,
  }));
  app.get(
    '/api/v1/measures',
    {
      schema: {
        summary: 'Every measure: clause, rule, caps, limits, assumptions, parameters (措施目录)',
        tags: ['policy'],
        querystring: query,
      },
    },
    async (req) => {
      const year = req.query.year ?? 2026;
      return {
        policy: { id: POLICY_ID, version: POLICY_VERSION },
        year,
        measures: catalogue(year, req.query.lang ?? 'zh').map((d, i) => ({
          ...d,
          perSubject: fengtaiPolicy.measures[i]?.perSubject ?? false,
          summaryZh: fengtaiPolicy.measures[i]?.summary.zh,
          summaryEn: fengtaiPolicy.measures[i]?.summary.en,
          citationZh: fengtaiPolicy.measures[i]?.citation.zh,
          citationEn: fengtaiPolicy.measures[i]?.citation.en,
          // Another policy's award may name this measure (otherPolicyAwards[].measure, import column 对应本措施事项).
          enterpriseLevel: ENTERPRISE_MEASURE_IDS.includes(d.id),
          // The tiers a milestone measure's results and history name as subject (5.1), else null.
          milestoneTiers: isMilestoneMeasure(d.id) ? milestoneTiers(d.id, year).map((t) => ({ id: t.id, label: t.label })) : null,
        })),
      };
    },
  );
};
