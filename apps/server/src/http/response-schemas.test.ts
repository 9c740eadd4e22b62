import type { RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ZodType } from 'zod';
import { createTestApp, type TestApp } from '../test/harness.js';

/** Every route the app declares, as Fastify's onRoute hook sees it. */
const routes = vi.hoisted((): RouteOptions[] => []);

// buildApp makes its own Fastify instance: the hook goes on every instance made here, before any route.
vi.mock('fastify', async (importOriginal) => {
  const fastify = await importOriginal<typeof import('fastify')>();
  const withRouteHook = ((options?: Parameters<typeof fastify.default>[0]) => {
    const app = fastify.default(options);
    app.addHook('onRoute', (route) => {
      routes.push(route);
    });
    return app;
  }) as typeof fastify.default;
  return { ...fastify, default: withRouteHook };
});

/**
 * The routes that answer a file or a page, not JSON: they declare their content type (and what
 * they are) for the OpenAPI document, and no JSON schema. Every other route answers JSON, encoded
 * by its @ftai/api response schema.
 */
const FILE_ROUTES = new Set([
  // The notice as a printable page in Chinese (text/html), latest and by version; an objection's receipt.
  'GET /notices/:id',
  'GET /notices/:id/versions/:version',
  'GET /notices/:id/objections/:objectionId',
  // The notice as a workbook (.xlsx), latest and by version.
  'GET /api/v1/notices/:id/export.xlsx',
  'GET /api/v1/notices/:id/versions/:version/export.xlsx',
  // A match job's files: answers and refused rows as JSON Lines, the summary workbook.
  'GET /api/v1/match-jobs/:id/results.jsonl',
  'GET /api/v1/match-jobs/:id/errors.jsonl',
  'GET /api/v1/match-jobs/:id/summary.xlsx',
  // The results and the rows refused as workbooks in Chinese, and the registry template.
  'GET /api/v1/match-jobs/:id/results.xlsx',
  'GET /api/v1/match-jobs/:id/errors.xlsx',
  'GET /api/v1/match-jobs/template.xlsx',
  // A budget allocation as a workbook: the previewed plan, and a committed allocation.
  'GET /api/v1/calls/:id/allocation/export.xlsx',
  'GET /api/v1/allocations/:id/export.xlsx',
  // The audit log's entries as a workbook (.xlsx), as filtered.
  'GET /api/v1/audit/export.xlsx',
  // An attached file as it was uploaded (PDF, PNG, JPEG, WebP).
  'GET /api/v1/attachments/:id',
  // The PDFs a person keeps: an application's 受理回执, a calculation's 政策测算报告.
  'GET /api/v1/applications/:id/receipt.pdf',
  'POST /api/v1/calculate/report.pdf',
  // A 免申即享 batch's offers as a workbook.
  'GET /api/v1/offer-batches/:id/export.xlsx',
  // A finished simulation (政策模拟) and a budget estimate (年度预算测算) as workbooks.
  'GET /api/v1/simulations/:id/result.xlsx',
  'GET /api/v1/budget-estimates/:id.xlsx',
]);

/**
 * The routes of a plain HTML form, which answer a redirect (303) when all is well and a page
 * otherwise: no 2xx answer to declare.
 */
const FORM_ROUTES = new Set(['POST /notices/:id/objections']);

/** Swagger UI's own routes (FTAI_API_DOCS=1): a plugin's pages and files, not the platform's API. */
const isDocsRoute = (url: string) => url === '/api/docs' || url.startsWith('/api/docs/');

const methodsOf = (route: RouteOptions) => (Array.isArray(route.method) ? route.method : [route.method]);

/** The route's success responses (2xx), by status. */
function successResponses(route: RouteOptions): [string, unknown][] {
  const response = (route.schema?.response ?? {}) as Record<string, unknown>;
  return Object.entries(response).filter(([status]) => status.startsWith('2'));
}

const isJsonType = (contentType: string) => contentType.includes('json') && !contentType.includes('ndjson');

describe('every route declares what it answers', () => {
  let t: TestApp;
  let declared: { name: string; route: RouteOptions }[];

  beforeAll(async () => {
    t = await createTestApp('sqlite');
    declared = routes
      .filter((r) => !isDocsRoute(r.url))
      .flatMap((route) =>
        methodsOf(route)
          // HEAD routes are Fastify's own copies of the GET routes.
          .filter((m) => m !== 'HEAD')
          .map((method) => ({ name: `${method} ${route.url}`, route })),
      );
  });
  afterAll(async () => {
    await t.close();
  });

  it('collects the routes', () => {
    expect(declared.map((d) => d.name)).toContain('GET /api/v1/calls');
    expect(declared.length).toBeGreaterThan(50);
  });

  it('gives every JSON route a zod response schema for its success status', () => {
    const missing = declared
      .filter(({ name }) => !FILE_ROUTES.has(name) && !FORM_ROUTES.has(name))
      .filter(({ route }) => !successResponses(route).some(([, schema]) => schema instanceof ZodType))
      .map(({ name }) => name);
    expect(missing).toEqual([]);
  });

  it('gives every file and page route its content type, and no JSON schema', () => {
    for (const name of FILE_ROUTES) {
      const found = declared.find((d) => d.name === name);
      expect(found, `${name} is a route`).toBeDefined();
      const responses = successResponses(found?.route as RouteOptions);
      expect(responses.length, name).toBeGreaterThan(0);
      for (const [, response] of responses) {
        expect(response, name).not.toBeInstanceOf(ZodType);
        const types = Object.keys((response as { content?: Record<string, unknown> }).content ?? {});
        expect(types.length, name).toBeGreaterThan(0);
        expect(types.filter(isJsonType), name).toEqual([]);
      }
    }
  });

  it('puts a response body in the OpenAPI document for every operation', () => {
    const methods = ['get', 'put', 'post', 'patch', 'delete'] as const;
    const bare = Object.entries(t.app.swagger().paths ?? {}).flatMap(([path, item]) =>
      methods
        .filter((method) => {
          const responses = Object.entries(item?.[method]?.responses ?? {});
          return (
            responses.length > 0 &&
            !responses.some(([status, r]) => status.startsWith('2') && typeof r === 'object' && r !== null && 'content' in r)
          );
        })
        .map((method) => `${method.toUpperCase()} ${path}`),
    );
    // OpenAPI writes a path's parameters as {id}: the form routes by their Fastify names.
    expect(bare.filter((name) => !FORM_ROUTES.has(name.replace(/\{(\w+)\}/g, ':$1')))).toEqual([]);
  });
});
