import { z } from 'zod';
import { calendarDateSchema } from './formats.js';

/** GET /api/v1/measures: the language, and the assessment year whose parameters are shown (2026 unless asked). */
export const measuresQuerySchema = z.strictObject({
  lang: z.enum(['zh', 'en'], { error: 'expected zh or en' }).optional(),
  year: z.coerce
    .number({ error: 'expected a year' })
    .int()
    .min(2000, { error: 'expected 2000 to 2100' })
    .max(2100, { error: 'expected 2000 to 2100' })
    .optional(),
  /** A parameter version's number (an approved one for the public; any for officers); the version in effect when left out. */
  version: z.coerce
    .number({ error: 'expected a version number' })
    .int({ error: 'expected a version number' })
    .min(1, { error: 'expected a version number' })
    .max(1_000_000, { error: 'expected a version number' })
    .optional(),
});
export type MeasuresQuery = z.output<typeof measuresQuerySchema>;

/** The policy's id and version. */
export const policyIdSchema = z.object({ id: z.string(), version: z.string() });
export type PolicyId = z.output<typeof policyIdSchema>;

/** GET /api/v1/policy: the policy, its term and its full text (政策原文, Markdown). */
export const policyDocumentSchema = policyIdSchema.extend({
  inForce: z.object({ from: calendarDateSchema, to: calendarDateSchema }),
  text: z.string().meta({ description: 'The full text as the policy package holds it (Markdown).' }),
  headings: z
    .array(
      z.object({
        article: z.int().meta({ description: '1 for 第一条.' }),
        title: z.string().meta({ description: 'The heading as the text gives it, in Chinese (加大人工智能算力供给).' }),
      }),
    )
    .meta({ description: 'Each article’s heading: where it ends in the text, which runs it into what follows.' }),
});
export type PolicyDocument = z.output<typeof policyDocumentSchema>;

/** A parameter of a measure in force for the year asked, in words. */
export const measureParameterSchema = z.object({
  id: z.string(),
  label: z.string(),
  value: z.string(),
  from: calendarDateSchema.meta({ description: 'The date the value holds from.' }),
  reference: z.string(),
  assumed: z.boolean().meta({ description: 'A reading of the text where it is silent.' }),
});
export type MeasureParameter = z.output<typeof measureParameterSchema>;

/** One measure of the catalogue: its clause, rule, caps, limits, assumptions and parameters, in the language asked for. */
export const measureInfoSchema = z.object({
  id: z.string(),
  article: z.int(),
  citation: z.string().meta({ description: 'The clause as the text numbers it (第五条第（3）项).' }),
  citationZh: z.string(),
  citationEn: z.string(),
  name: z.string().meta({ description: 'The measure’s short name (首次认定国家专精特新“小巨人”企业).' }),
  clause: z.string(),
  summary: z.string(),
  summaryZh: z.string(),
  summaryEn: z.string(),
  rule: z.string(),
  caps: z.string(),
  scope: z.string(),
  review: z.boolean().meta({ description: 'The amounts are maxima (最高 …, 经评审认定): an expert review may give less.' }),
  perSubject: z.boolean(),
  alternativeGroup: z.string().nullable(),
  assumptions: z.array(z.string()).readonly(),
  parameters: z.array(measureParameterSchema).readonly(),
  enterpriseLevel: z
    .boolean()
    .meta({ description: 'Another policy’s award may name this measure (otherPolicyAwards[].measure, import column 对应本措施事项).' }),
  milestoneTiers: z
    .array(z.object({ id: z.string(), label: z.object({ zh: z.string(), en: z.string() }) }))
    .nullable()
    .meta({ description: 'The tiers a milestone measure’s results and history name as subject (5.1), else null.' }),
});
export type MeasureInfo = z.output<typeof measureInfoSchema>;

/** One article (条) of the policy, in the language asked for: every list of articles is the catalogue's. */
export const articleInfoSchema = z.object({
  article: z.int().meta({ description: '1 for 第一条.' }),
  citation: z.string().meta({ description: 'The article as the text numbers it (第一条, Article 1).' }),
  title: z.string().meta({ description: 'Its heading in the text (加大人工智能算力供给).' }),
  shortName: z.string().meta({ description: 'For tables and charts (算力供给).' }),
  measures: z.array(z.string()).readonly().meta({ description: 'Its measures’ ids, in catalogue order.' }),
});
export type ArticleInfo = z.output<typeof articleInfoSchema>;

/** GET /api/v1/measures: every article, and every measure with the parameters in force for `year`. */
export const catalogueSchema = z.object({
  policy: policyIdSchema,
  year: z.int(),
  articles: z.array(articleInfoSchema),
  measures: z.array(measureInfoSchema),
});
export type Catalogue = z.output<typeof catalogueSchema>;
