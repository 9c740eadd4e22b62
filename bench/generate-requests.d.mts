/** Types of generate-requests.mjs, for the tests that reuse the generator. */
export declare function generateRequests(count: number, seed: number): Record<string, unknown>[];
