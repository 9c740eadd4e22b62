#!/usr/bin/env node
// 免申即享 at scale (npm run bench:offers; bench/README.md): for each N, a registry of N enterprises
// each granted compute support is matched by a match job, then an officer previews and commits one
// batch of N offers and the messenger writes their 站内信 (e-mail and SMS left out: no addresses).
// Times each step and the process's peak RSS; SQLite, in process, on a fresh data folder.
//
//   node bench/offers-bench.mjs [--sizes 1000,10000,100000]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { creditCodeCheckCharacter } from '@ftai/policy-fengtai';
import { buildApp, createContext, createUser, InjectClient, loadConfig, migrateToLatest, openAuditLog, openDatabase } from '@ftai/server';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { deliverDue } = await import(join(root, 'apps/server/dist/offers/offer-deliveries.js'));
const { values: args } = parseArgs({ options: { sizes: { type: 'string', default: '1000,10000,100000' } } });
const sizes = args.sizes.split(',').map(Number);
const PASSWORD = 'bench-password-123';
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

function creditCode(i) {
  let body = '';
  for (let n = i, k = 0; k < 8; k++, n = Math.floor(n / 31)) body = ALPHABET[n % 31] + body;
  const first17 = `91110106N${body}`;
  return first17 + creditCodeCheckCharacter(first17);
}

function peakRssMb() {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

const ms = (t) => Math.round(performance.now() - t);
const rows = [];
for (const n of sizes) {
  const dataDir = mkdtempSync(join(tmpdir(), 'ftai-offers-bench-'));
  const config = loadConfig({ dataDir, auditKeyFile: join(dataDir, 'audit.key'), scryptLogN: 10, logger: false });
  const handle = openDatabase({ databaseUrl: undefined, dataDir });
  const ctx = createContext(handle.db, handle.dialect, config);
  await migrateToLatest(handle.db, handle.dialect);
  await openAuditLog(handle.db, ctx.now());
  await ctx.matchJobs.start();
  const app = await buildApp(ctx);
  await createUser(ctx, { username: 'officer', displayName: '科长', role: 'officer', password: PASSWORD, actorId: null });
  const officer = await new InjectClient(app).login('officer', PASSWORD);
  const today = ctx.today();
  const year = Number(today.slice(0, 4)) - 1;
  const addDays = (d) => new Date(Date.parse(today) + d * 86_400_000).toISOString().slice(0, 10);
  const call = (
    await officer.post('/api/v1/calls', { year, title: '基准测试', opensOn: addDays(-1), closesOn: addDays(60), totalBudget: 10 ** 12 })
  ).json();

  let lines = '';
  for (let i = 0; i < n; i++) {
    const enterprise = {
      creditCode: creditCode(i),
      name: `基准企业${i}`,
      registeredInFengtai: true,
      taxResidentInFengtai: true,
      seriousDishonesty: false,
      aiPartnerProgram: true,
    };
    lines += `${JSON.stringify({ year, enterprise, facts: { computeSpend: 1_000_000 + i } })}\n`;
  }
  const form = new FormData();
  form.append('file', new Blob([lines]), 'registry.jsonl');
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  const multipart = {
    payload: Buffer.from(await request.arrayBuffer()),
    headers: { 'content-type': request.headers.get('content-type') ?? '' },
  };
  let t = performance.now();
  const job = (await officer.request('POST', '/api/v1/match-jobs', multipart)).json();
  await ctx.matchJobs.whenSettled(job.id);
  const matchMs = ms(t);

  const body = { matchJobId: job.id, deadline: addDays(30) };
  t = performance.now();
  const preview = await officer.post(`/api/v1/calls/${call.id}/offer-batches/preview`, body);
  const previewMs = ms(t);
  if (preview.json().enterprises !== n) throw new Error(`preview: expected ${n} enterprises, got ${preview.body.slice(0, 200)}`);
  t = performance.now();
  const batch = await officer.post(`/api/v1/calls/${call.id}/offer-batches`, body);
  const commitMs = ms(t);
  if (batch.statusCode !== 201) throw new Error(`commit: ${batch.statusCode} ${batch.body.slice(0, 300)}`);
  t = performance.now();
  const channels = { email: null, sms: { kind: 'sms', send: async () => ({ status: 'skipped', reason: 'bench' }) } };
  let handled = 0;
  for (;;) {
    const k = await deliverDue(ctx, channels, 5000);
    if (k === 0) break;
    handled += k;
  }
  const deliverMs = ms(t);
  t = performance.now();
  const view = (await officer.get(`/api/v1/offer-batches/${batch.json().id}`)).json();
  const countsMs = ms(t);
  if (view.counts.offers !== n || view.counts.delivered !== n) throw new Error(`counts: ${JSON.stringify(view.counts)}`);
  rows.push({ n, matchMs, previewMs, commitMs, deliveries: handled, deliverMs, countsMs, peakRssMb: peakRssMb() });
  await app.close();
  await ctx.matchJobs.close();
  await ctx.blobs.close();
  await handle.close();
  rmSync(dataDir, { recursive: true, force: true });
  console.log(JSON.stringify(rows.at(-1)));
}
console.table(rows);
