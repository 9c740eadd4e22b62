export { answerSchema, measureResultSchema, RESULT_STATUSES } from './answer-schema.js';
export { type Answer, type CalculateOptions, calculate } from './calculate.js';
export {
  ARTICLE_KEY,
  ARTICLE_NUMBERS,
  ARTICLES,
  type Article,
  type ArticleDescription,
  articleCatalogue,
  catalogue,
  isArticle,
  type PolicyReading,
  policyReadings,
} from './catalogue.js';
export {
  type ChangeIssue,
  checkChanges,
  type Edition,
  EditionError,
  editionFromFile,
  editionNumberOf,
  editionVersion,
  makeEdition,
  type ParameterChange,
  SHIPPED_EDITION,
} from './editions.js';
export {
  claimedMeasures,
  GENERAL_MATERIALS,
  MATERIALS,
  type Material,
  type MissingMaterial,
  materialsOf,
  missingMaterials,
} from './materials.js';
export {
  ENTERPRISE_MEASURE_IDS,
  fengtaiPolicy,
  MEASURE_IDS,
  MILESTONE_TIERS,
  measures,
  POLICY_ID,
  POLICY_VERSION,
  parameters,
} from './policy.js';
export { creditCodeCheckCharacter, creditCodeProblem } from './request/credit-code.js';
export * from './request/facts.js';
export * from './request/input-limits.js';
export * from './request/request-schema.js';
export * from './request/validate-request.js';
