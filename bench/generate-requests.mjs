// Deterministic, varied, valid requests of the calculation contract (shared/spec/CALCULATION.md)
// for the benchmark and the matcher's tests: a fixed sample of the one generator of requests, the
// fast-check arbitraries the property tests use (packages/policy-fengtai/src/request/
// request-arbitraries.ts, `registryRequest`) — every fact, history and other-policy awards, and
// facts left out where a rule needs them (results `incomplete`). Lists of facts have at most
// REGISTRY_LIST_ITEMS (2) items, history at most REGISTRY_HISTORY_ITEMS (4), other awards 4.
import { creditCodeCheckCharacter } from '@ftai/policy-fengtai';
import { registryRequest } from '@ftai/policy-fengtai/arbitraries';
import fc from 'fast-check';

const CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A distinct, valid credit code for the i-th request. */
function creditCode(i) {
  let body = '';
  for (let n = i, k = 0; k < 8; k++, n = Math.floor(n / 31)) body = CODE_ALPHABET[n % 31] + body;
  const first17 = `91110106M${body}`;
  return first17 + creditCodeCheckCharacter(first17);
}

/**
 * `count` requests from `seed`: the same seed gives the same requests. Years are mostly 2025–2028,
 * some outside the term (continuing support after 2028, nothing new before 2025); a few
 * enterprises fail the general conditions. Each enterprise has its own credit code (and name,
 * where it has one), as in a registry.
 */
export function generateRequests(count, seed) {
  const requests = count > 0 ? fc.sample(registryRequest, { seed, numRuns: count }) : [];
  for (let i = 0; i < requests.length; i++) {
    const enterprise = requests[i].enterprise;
    enterprise.creditCode = creditCode(i);
    if (enterprise.name !== undefined) enterprise.name = `北京基准${i}智能科技有限公司`;
  }
  return requests;
}
