/**
 * Types of generate-requests.mjs, for the tests that reuse the generator: `count` valid requests of
 * the contract from `seed` (a fixed sample of `registryRequest`, @ftai/policy-fengtai/arbitraries).
 */
export declare function generateRequests(count: number, seed: number): Record<string, unknown>[];
