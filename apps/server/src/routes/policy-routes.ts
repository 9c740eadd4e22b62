import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import {
  catalogueSchema,
  langQuerySchema,
  type MeasureInfo,
  materialListSchema,
  measuresQuerySchema,
  policyDocumentSchema,
} from '@ftai/api';
import {
  ARTICLES,
  articleCatalogue,
  catalogue,
  type Edition,
  ENTERPRISE_MEASURE_IDS,
  fengtaiPolicy,
  GENERAL_MATERIALS,
  MATERIALS,
  type Material,
  POLICY_ID,
} from '@ftai/policy-fengtai';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { notFound } from '../errors.js';
import { isMilestoneMeasure, milestoneTiers } from '../ledger/milestone-tiers.js';
import { editionByNumber, editionInEffect } from '../policy-versions/editions.js';
import { seesDrafts } from '../policy-versions/policy-version-views.js';

const policyText = (() => {
  const dir = join(createRequire(import.meta.url).resolve('@ftai/policy-fengtai'), '..', '..', 'policy');
  return readFileSync(join(dir, 'fengtai-ai-measures-2025.md'), 'utf8');
})();

/** Every measure of the catalogue for `year`, in `lang`, with both languages' citations and summaries. */
function measuresOf(year: number, lang: 'zh' | 'en', edition: Edition): MeasureInfo[] {
  const described = catalogue(year, lang, edition);
  return fengtaiPolicy.measures.map((m, i) => {
    const d = described[i];
    if (d?.id !== m.id) throw new Error(`the catalogue lists measure ${d?.id} where the policy has ${m.id}`);
    return {
      ...d,
      perSubject: m.perSubject,
      summaryZh: m.summary.zh,
      summaryEn: m.summary.en,
      citationZh: m.citation.zh,
      citationEn: m.citation.en,
      // Another policy's award may name this measure (otherPolicyAwards[].measure, import column 对应本措施事项).
      enterpriseLevel: ENTERPRISE_MEASURE_IDS.includes(m.id),
      // The tiers a milestone measure's results and history name as subject (5.1), else null.
      milestoneTiers: isMilestoneMeasure(m.id) ? milestoneTiers(m.id, year).map((t) => ({ id: t.id, label: t.label })) : null,
    };
  });
}

/**
 * The policy itself, for the policy browser: the catalogue of measures and the full text. Public.
 * Both name the parameter version in effect today; the catalogue takes another (`?version`:
 * approved ones for anyone, drafts for officers).
 */
export const policyRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/policy',
      {
        schema: {
          summary: 'The policy: id, version, term, full text (政策原文)',
          tags: ['policy'],
          response: { 200: policyDocumentSchema },
        },
      },
      async () => ({
        id: POLICY_ID,
        version: (await editionInEffect(ctx)).version,
        inForce: fengtaiPolicy.inForce,
        text: policyText,
        headings: ARTICLES.map((a) => ({ article: a.article, title: a.title.zh })),
      }),
    );
    app.get(
      '/api/v1/materials',
      {
        schema: {
          summary:
            'The materials an application attaches for each measure it claims, and the general ones, required or optional (申报材料清单)',
          tags: ['policy'],
          querystring: langQuerySchema,
          response: { 200: materialListSchema },
        },
      },
      async (req) => {
        const lang = req.query.lang ?? 'zh';
        const inLang = (list: readonly Material[]) =>
          list.map((m) => ({ key: m.key, name: m.name[lang], required: m.required, hint: m.hint }));
        return {
          measures: Object.fromEntries(Object.entries(MATERIALS).map(([measure, list]) => [measure, inLang(list)])),
          general: inLang(GENERAL_MATERIALS),
        };
      },
    );

    app.get(
      '/api/v1/measures',
      {
        schema: {
          summary: 'Every measure: clause, rule, caps, limits, assumptions, parameters (措施目录)',
          tags: ['policy'],
          querystring: measuresQuerySchema,
          response: { 200: catalogueSchema },
        },
      },
      async (req) => {
        const year = req.query.year ?? 2026;
        const lang = req.query.lang ?? 'zh';
        const asked = req.query.version;
        const edition = asked === undefined ? await editionInEffect(ctx) : await editionByNumber(ctx.db, asked);
        if (edition.status !== 'approved' && !seesDrafts(req.user)) throw notFound('policy version');
        return {
          policy: { id: POLICY_ID, version: edition.version },
          year,
          articles: articleCatalogue(lang),
          measures: measuresOf(year, lang, edition),
        };
      },
    );
  };
