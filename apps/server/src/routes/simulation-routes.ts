import type { Writable } from 'node:stream';
import { PassThrough } from 'node:stream';
import {
  budgetEstimateBodySchema,
  budgetEstimateListSchema,
  budgetEstimateSchema,
  simulationBodySchema,
  simulationIdParamsSchema,
  simulationListQuerySchema,
  simulationListSchema,
  simulationSchema,
  simulationUploadQuerySchema,
} from '@ftai/api';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireRole } from '../auth/current-user.js';
import type { AppContext } from '../context.js';
import { fieldError } from '../errors.js';
import { fileAnswer } from '../http/file-answer.js';
import { newId } from '../ids.js';
import { cancelMatchJob } from '../matching/cancel-match-job.js';
import { discardJobInput } from '../matching/match-job-files.js';
import { receiveRegistry } from '../matching/receive-registry.js';
import { XLSX_MIME } from '../notice/export-notice-xlsx.js';
import { createBudgetEstimate, listBudgetEstimates, loadBudgetEstimate } from '../simulations/budget-estimates.js';
import { createSimulation } from '../simulations/create-simulation.js';
import { exportEstimateXlsx } from '../simulations/export-estimate-xlsx.js';
import { exportSimulationXlsx } from '../simulations/export-simulation-xlsx.js';
import {
  listSimulations,
  loadSimulation,
  requireDoneSimulation,
  requireSimulation,
  simulationView,
} from '../simulations/load-simulation.js';

/** The query of POST /api/v1/simulations: the versions and call of an upload (multipart); nothing for JSON. */
const createQuerySchema = simulationUploadQuerySchema.partial();

/**
 * A workbook written as it is made (`write` into a stream), sent as an attachment named in ASCII
 * and in Chinese (`name`): memory stays flat, as the match and offer workbooks.
 */
function sendWorkbook(reply: FastifyReply, ascii: string, name: string, write: (out: Writable) => Promise<void>) {
  const out = new PassThrough();
  write(out).catch((error: unknown) => {
    reply.log.error({ err: error }, 'simulation workbook failed');
    out.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return reply
    .type(XLSX_MIME)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(out);
}

/**
 * 政策模拟 and 年度预算测算 (issue 15): a population calculated under two parameter versions on
 * the match job runner, its result and workbook; budget estimates grown from a finished one, and
 * theirs. Officers and admins only; every step audited.
 */
export function simulationRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/v1/simulations',
      {
        schema: {
          summary: 'Start a simulation (政策模拟): a population calculated under versions A and B (officer)',
          description:
            'JSON {"population": {"kind": "call", "callId"} | {"kind": "platform", "year"} | {"kind": "match-job", "matchJobId"}, "versionA", "versionB", "callId"?}; ' +
            'or a registry file as multipart/form-data (.csv, .xlsx or .jsonl, as POST /api/v1/match-jobs takes) with `?versionA=&versionB=&callId=&allowExtraColumns=` in the query. ' +
            'Runs in the background on the match job runner: answers 202 with the simulation; GET it for progress and, once done, the result. ' +
            'A version that does not exist: 404 FTAI_ERR_VERSION_NOT_FOUND.',
          tags: ['simulations'],
          body: simulationBodySchema.nullish(),
          querystring: createQuerySchema,
          response: { 202: simulationSchema },
        },
      },
      async (req, reply) => {
        const officer = requireRole(req, 'officer');
        const id = newId();
        if (req.isMultipart()) {
          const q = simulationUploadQuerySchema.safeParse(req.query);
          if (!q.success) {
            // The versions (and the call) of an upload come in the query: the first problem, naming its field.
            const issue = q.error.issues[0];
            throw fieldError(`query.${issue?.path.join('.') || 'versionA'}`, issue?.message ?? 'expected a version number, e.g. 1');
          }
          const { filename, format } = await receiveRegistry(ctx, req, id, ctx.config.matchUploadLimitBytes);
          try {
            await createSimulation(ctx, officer, {
              id,
              population: { kind: 'upload', filename, allowExtraColumns: q.data.allowExtraColumns === 'true' },
              versionA: q.data.versionA,
              versionB: q.data.versionB,
              callId: q.data.callId,
            });
          } catch (error) {
            await discardJobInput(ctx, id, format);
            throw error;
          }
        } else {
          if (!req.body)
            throw fieldError('population', 'expected a population (call, platform or match-job) or a registry file (multipart/form-data)');
          const { population, versionA, versionB, callId } = req.body;
          await createSimulation(ctx, officer, { id, population, versionA, versionB, callId });
        }
        return reply.code(202).send(await loadSimulation(ctx, id));
      },
    );

    app.get(
      '/api/v1/simulations',
      {
        schema: {
          summary: 'Simulations, newest first; paged, without their results (officer)',
          tags: ['simulations'],
          querystring: simulationListQuerySchema,
          response: { 200: simulationListSchema },
        },
      },
      async (req) => {
        requireRole(req, 'officer');
        return listSimulations(ctx, req.query);
      },
    );

    app.get(
      '/api/v1/simulations/:id',
      {
        schema: {
          summary:
            'A simulation: status and progress; once done its result (totals, measures, articles, largest changes, distribution, budgets) (officer)',
          tags: ['simulations'],
          params: simulationIdParamsSchema,
          response: { 200: simulationSchema },
        },
      },
      async (req) => {
        requireRole(req, 'officer');
        return loadSimulation(ctx, req.params.id);
      },
    );

    app.post(
      '/api/v1/simulations/:id/cancel',
      {
        schema: {
          summary: 'Cancel a queued or running simulation (officer)',
          description:
            'A queued simulation is cancelled at once (200); a running one stops after the rows in flight (202 until then). A cancelled simulation keeps no result.',
          tags: ['simulations'],
          params: simulationIdParamsSchema,
          response: { 200: simulationSchema, 202: simulationSchema },
        },
      },
      async (req, reply) => {
        const officer = requireRole(req, 'officer');
        await cancelMatchJob(ctx, officer, req.params.id, 'simulation');
        const sim = await loadSimulation(ctx, req.params.id);
        return reply.code(sim.status === 'cancelled' ? 200 : 202).send(sim);
      },
    );

    app.get(
      '/api/v1/simulations/:id/result.xlsx',
      {
        schema: {
          summary: 'A finished simulation as a workbook in Chinese: 汇总, 按条款, 按措施, 变化最大的20户, 金额分布 (officer)',
          tags: ['simulations'],
          params: simulationIdParamsSchema,
          response: { 200: fileAnswer(XLSX_MIME, 'The simulation workbook (.xlsx), streamed') },
        },
      },
      async (req, reply) => {
        requireRole(req, 'officer');
        const { row, result } = await requireDoneSimulation(ctx.db, req.params.id, 'its workbook is');
        const sim = simulationView(row, undefined, false);
        const at = ctx.now();
        return sendWorkbook(reply, `simulation-${row.id}.xlsx`, `政策模拟-${row.id.slice(0, 8)}.xlsx`, (out) =>
          exportSimulationXlsx(sim, result, out, at),
        );
      },
    );

    app.post(
      '/api/v1/simulations/:id/estimates',
      {
        schema: {
          summary:
            'Make a budget estimate (年度预算测算) from a finished simulation: one side grown by growth rates, floored to whole yuan (officer)',
          description:
            'Per measure: floor(this year’s amount × (100 + growth%) / 100), with the measure’s own growth or the overall one; articles and the total are sums of the floored lines.',
          tags: ['simulations'],
          params: simulationIdParamsSchema,
          body: budgetEstimateBodySchema,
          response: { 201: budgetEstimateSchema },
        },
      },
      async (req, reply) => {
        const officer = requireRole(req, 'officer');
        return reply.code(201).send(await createBudgetEstimate(ctx, officer, req.params.id, req.body));
      },
    );

    app.get(
      '/api/v1/simulations/:id/estimates',
      {
        schema: {
          summary: 'The budget estimates made from a simulation, newest first (officer)',
          tags: ['simulations'],
          params: simulationIdParamsSchema,
          response: { 200: budgetEstimateListSchema },
        },
      },
      async (req) => {
        requireRole(req, 'officer');
        return listBudgetEstimates(ctx, req.params.id);
      },
    );

    app.get(
      '/api/v1/budget-estimates/:id.xlsx',
      {
        schema: {
          summary:
            'A budget estimate as the workbook 年度预算测算: every assumption on top, then the lines by article and measure (officer)',
          tags: ['simulations'],
          params: simulationIdParamsSchema,
          response: { 200: fileAnswer(XLSX_MIME, 'The budget estimate workbook (.xlsx), streamed') },
        },
      },
      async (req, reply) => {
        requireRole(req, 'officer');
        const estimate = await loadBudgetEstimate(ctx.db, req.params.id);
        const row = await requireSimulation(ctx.db, estimate.simulationId);
        const sim = simulationView(row, undefined, false);
        const rows = Number(row.rows_done);
        const at = ctx.now();
        return sendWorkbook(
          reply,
          `budget-estimate-${estimate.id}.xlsx`,
          `${estimate.year}年度预算测算-${estimate.id.slice(0, 8)}.xlsx`,
          (out) => exportEstimateXlsx(estimate, sim, rows, out, at),
        );
      },
    );
  };
}
