export { type Answer, calculate } from './calculate.js';
export { catalogue, type PolicyReading, policyReadings } from './catalogue.js';
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
export * from './request/input-limits.js';
export * from './request/request-schema.js';
export * from './request/validate-request.js';
