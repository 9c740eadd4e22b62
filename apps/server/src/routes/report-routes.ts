import { applicationParamsSchema, calculateQuerySchema } from '@ftai/api';
import { receiptLines } from '@ftai/api/receipt';
import { calculate, crossCheckRequest, describeIssues, measures, requestSchema } from '@ftai/policy-fengtai';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { loadApplication } from '../applications/load-application.js';
import { contentDisposition } from '../applications/read-attachment.js';
import { requireApplication } from '../applications/require-application.js';
import { requireUser } from '../auth/current-user.js';
import type { AppContext } from '../context.js';
import { HttpError } from '../errors.js';
import { fileAnswer } from '../http/file-answer.js';
import { editionInEffect } from '../policy-versions/editions.js';
import { calcReportPdf, type ReportRequest } from '../reports/calc-report-pdf.js';
import { pdfFonts } from '../reports/pdf-font.js';
import { receiptPdf } from '../reports/receipt-pdf.js';

/** The measures named in Chinese, as the receipt cites them. */
const NAMES_ZH = new Map(measures.map((m) => [m.id, { citation: m.citation.zh, name: m.name.zh }]));

/**
 * The requests as sent, by request: the report shows the figures as the person gave them (yuan,
 * 1,234,567.89元), while validation turns the body's money into fen for the engine.
 */
const sentBodies = new WeakMap<object, ReportRequest>();

function sendPdf(reply: FastifyReply, filename: string, pdf: Buffer) {
  return reply
    .type('application/pdf')
    .header('content-disposition', contentDisposition(filename))
    .header('cache-control', 'private, no-store')
    .header('content-length', pdf.length)
    .send(pdf);
}

/**
 * The PDFs a person keeps: the 受理回执 of a submitted application, and the 政策测算报告 of a
 * calculation. Drawn by the server from the same lines as the pages (@ftai/api/receipt,
 * @ftai/policy-fengtai/report), in a Chinese font (FTAI_PDF_FONT); 503 FTAI_ERR_PDF_UNAVAILABLE
 * without one.
 */
export function reportRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/applications/:id/receipt.pdf',
      {
        schema: {
          summary: 'The 受理回执 of a submitted application, as a PDF (applicant, officer)',
          description:
            'The receipt page’s lines on A4, in Chinese. 409 before the application is first submitted; 503 FTAI_ERR_PDF_UNAVAILABLE when the server has no Chinese font (FTAI_PDF_FONT).',
          tags: ['applications'],
          params: applicationParamsSchema,
          response: { 200: fileAnswer('application/pdf', 'The receipt (受理回执), A4.') },
        },
      },
      async (req, reply) => {
        const user = requireUser(req);
        await requireApplication(ctx.db, user, req.params.id, 'see');
        const view = await loadApplication(ctx.db, req.params.id, user, ctx.today());
        const lines = receiptLines(view, NAMES_ZH);
        if (!lines) throw new HttpError(409, 'FTAI_ERR_CONFLICT', 'the application has not been submitted: no receipt yet');
        const pdf = await receiptPdf(await pdfFonts(ctx.config), lines, ctx.config.now());
        return sendPdf(reply, `受理回执-${lines.number}.pdf`, pdf);
      },
    );

    app.post(
      '/api/v1/calculate/report.pdf',
      {
        // Open to anyone as the calculation is, and changes nothing; drawing a PDF costs a tenth of
        // a second, so an address gets 30 a minute.
        config: { csrf: false, rateLimit: { max: 30, timeWindow: 60_000 } },
        preValidation: async (req) => {
          sentBodies.set(req, structuredClone(req.body) as ReportRequest);
        },
        schema: {
          summary: 'The 政策测算报告 of one request, as a PDF',
          description:
            'The request of POST /api/v1/calculate; the answer with every explanation step, on A4, in `?lang` (Chinese by default). 503 FTAI_ERR_PDF_UNAVAILABLE when the server has no Chinese font (FTAI_PDF_FONT).',
          tags: ['calculate'],
          body: requestSchema,
          querystring: calculateQuerySchema,
          response: { 200: fileAnswer('application/pdf', 'The calculation report (政策测算报告), A4.') },
        },
      },
      async (req, reply) => {
        const issues = crossCheckRequest(req.body);
        if (issues.length > 0) throw new HttpError(400, 'FTAI_ERR_VALIDATION', describeIssues(issues), issues);
        const lang = req.query.lang ?? 'zh';
        const fonts = await pdfFonts(ctx.config);
        const answer = calculate(req.body, { lang, explain: true, edition: await editionInEffect(ctx) });
        const sent = sentBodies.get(req) ?? (req.body as unknown as ReportRequest);
        const pdf = await calcReportPdf(fonts, sent, answer, lang, ctx.today(), ctx.config.now());
        const who = req.body.enterprise.creditCode ?? 'enterprise';
        return sendPdf(reply, `${lang === 'en' ? 'ftai-report' : '政策测算报告'}-${req.body.year}-${who}.pdf`, pdf);
      },
    );
  };
}
