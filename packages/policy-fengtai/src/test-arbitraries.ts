/*
 * fast-check arbitraries of VALID requests of the contract, shared by the property tests and the
 * fast-validation tests: the one generator of requests, which the benchmark samples too
 * (request/request-arbitraries.ts).
 */
export * from './request/request-arbitraries.js';
