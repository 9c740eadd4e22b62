import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../ids.js';
import { getBytes } from '../storage/blob-store.js';
import { type Client, createTestApp, DIALECTS, type TestApp } from '../test/harness.js';
import {
  fetchJobInput,
  MATCH_FILES,
  makeJobWorkDir,
  matchJobKey,
  openJobOutput,
  readJobTotals,
  removeJobWorkDir,
  storeJobInput,
  storeJobOutputs,
} from './match-job-files.js';

/** A multipart/form-data body with one file, as a browser's FormData sends it. */
async function multipart(filename: string, content: string) {
  const form = new FormData();
  form.append('file', new Blob([content]), filename);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return { payload: Buffer.from(await request.arrayBuffer()), headers: { 'content-type': request.headers.get('content-type') ?? '' } };
}

describe.each(DIALECTS)('a match job’s files in the file store on %s', (dialect) => {
  let t: TestApp;
  let officer: Client;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    officer = await t.login('officer');
  });
  afterAll(async () => {
    await t.close();
  });

  /** The keys stored under match-jobs/: the data folder's files, or the PostgreSQL driver's rows. */
  async function storedJobKeys(): Promise<string[]> {
    if (t.ctx.blobs.driver === 'postgres') {
      const rows = await t.ctx.db.selectFrom('blobs').select('key').where('key', 'like', 'match-jobs/%').execute();
      return rows.map((r) => r.key);
    }
    const root = join(t.ctx.config.dataDir, 'match-jobs');
    if (!existsSync(root)) return [];
    return readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name));
  }

  it('hands the stored input to the runner’s scratch folder and serves the outputs it stores', async () => {
    const id = newId();
    const registry = '年度,企业名称\r\n2026,北京测试甲智能科技有限公司\r\n';
    expect(await storeJobInput(t.ctx, id, 'csv', Readable.from([Buffer.from(registry)]))).toMatchObject({
      size: Buffer.byteLength(registry),
    });

    // As a runner on any instance does: a fresh scratch folder, the input fetched into it.
    const dir = await makeJobWorkDir(t.ctx, id);
    const input = await fetchJobInput(t.ctx, { id, source: 'upload', filename: '企业名册.csv' }, dir);
    expect(input).toBe(join(dir, 'input.csv'));
    expect(readFileSync(input, 'utf8')).toBe(registry);
    // A platform job has no stored input: the runner writes it where this says.
    expect(await fetchJobInput(t.ctx, { id, source: 'platform', filename: null }, dir)).toBe(join(dir, 'input.jsonl'));

    const results = `${'{"total":1}\n'.repeat(50_000)}`;
    writeFileSync(join(dir, MATCH_FILES.results), results);
    writeFileSync(join(dir, MATCH_FILES.notify), '{"creditCode":"x"}\n');
    writeFileSync(join(dir, MATCH_FILES.totals), JSON.stringify({ seconds: 1, rowsPerSecond: 2, measures: [], articles: [] }));
    await storeJobOutputs(t.ctx, id, dir);
    await removeJobWorkDir(t.ctx, id);
    expect(existsSync(dir)).toBe(false);

    expect((await getBytes(t.ctx.blobs, matchJobKey(id, MATCH_FILES.results)))?.toString()).toBe(results);
    const notify = await openJobOutput(t.ctx, id, MATCH_FILES.notify);
    expect(notify).toBeDefined();
    expect(await readJobTotals(t.ctx, id)).toEqual({ seconds: 1, rowsPerSecond: 2, measures: [], articles: [] });
    // The matcher wrote no summary and no errors here: none are served.
    expect(await openJobOutput(t.ctx, id, MATCH_FILES.summary)).toBeUndefined();
    expect(await openJobOutput(t.ctx, id, MATCH_FILES.errors)).toBeUndefined();
    expect(await readJobTotals(t.ctx, newId())).toBeNull();
  });

  it('says so when an uploaded job’s input is missing from the store', async () => {
    const dir = await makeJobWorkDir(t.ctx, 'gone');
    await expect(fetchJobInput(t.ctx, { id: 'gone', source: 'upload', filename: 'r.csv' }, dir)).rejects.toThrow(
      'the uploaded registry of match job gone is missing from the file store',
    );
    await removeJobWorkDir(t.ctx, 'gone');
  });

  it('keeps nothing of a registry refused or cut at the limit', async () => {
    const before = await storedJobKeys();
    const send = async (filename: string, content: string) =>
      officer.request('POST', '/api/v1/match-jobs', await multipart(filename, content));
    const config = t.ctx.config as { matchUploadLimitBytes: number };
    const limit = config.matchUploadLimitBytes;
    config.matchUploadLimitBytes = 1000;
    try {
      const tooLarge = await send('registry.csv', `年度,企业名称\r\n${'2026,甲\r\n'.repeat(500)}`);
      expect(tooLarge.statusCode).toBe(413);
    } finally {
      config.matchUploadLimitBytes = limit;
    }
    expect((await send('notes.txt', 'hello')).statusCode).toBe(415);
    expect(await storedJobKeys()).toEqual(before);
    expect(await t.ctx.db.selectFrom('match_jobs').select('id').execute()).toEqual([]);
  });

  it('stores an accepted registry under its job, where every instance finds it', async () => {
    const res = await officer.request('POST', '/api/v1/match-jobs', await multipart('名册.jsonl', '{"year": 2026}\n'));
    expect(res.statusCode, res.body).toBe(202);
    const id = res.json().id as string;
    expect(await t.ctx.blobs.stat(matchJobKey(id, 'input.jsonl'))).toEqual({ size: Buffer.byteLength('{"year": 2026}\n') });
    await t.ctx.matchJobs.whenSettled(id);
    // Wherever the job ran, its outputs are in the store once it is done.
    const job = (await officer.get(`/api/v1/match-jobs/${id}`)).json();
    expect(job.status).toBe('done');
    expect(await t.ctx.blobs.stat(matchJobKey(id, MATCH_FILES.results))).toBeDefined();
    expect((await officer.get(`/api/v1/match-jobs/${id}/results.jsonl`)).statusCode).toBe(200);
  });
});

describe('a scratch folder', () => {
  it('starts empty, whatever an earlier run left', async () => {
    const t = await createTestApp('sqlite');
    try {
      const dir = await makeJobWorkDir(t.ctx, 'j');
      writeFileSync(join(dir, 'left.tmp'), 'x');
      mkdirSync(join(dir, 'sub'));
      expect(readdirSync(await makeJobWorkDir(t.ctx, 'j'))).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
