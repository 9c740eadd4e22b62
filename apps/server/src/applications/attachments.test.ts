import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import type { CurrentUser } from '../auth/current-user.js';
import { type AppContext, createContext } from '../context.js';
import { attachRequiredMaterials } from '../http/attach-materials.js';
import { sha256 } from '../ids.js';
import { spoolDir, spoolToFile } from '../storage/spool-file.js';
import { type LocalS3, S3RVER_CREDENTIALS, startLocalS3 } from '../storage/test-fixtures.js';
import { Client, createTestApp, DIALECTS, PASSWORD, type TestApp } from '../test/harness.js';
import { attachmentKey, storeAttachment } from './store-attachment.js';

/** A real, minimal PDF: header, one empty page, cross-reference table, trailer. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n' +
    '3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 10 10]>> endobj\n' +
    'xref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000056 00000 n \n0000000111 00000 n \n' +
    'trailer <</Size 4 /Root 1 0 R>>\nstartxref\n178\n%%EOF\n',
);
/** A real 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const FACTS = { computeSpend: 1_000_000 };
const ENTERPRISE = { registeredInFengtai: true, taxResidentInFengtai: true, aiPartnerProgram: true };

/** A multipart/form-data body with one file, as a browser's FormData sends it. */
async function multipart(filename: string, bytes: Buffer, type = 'application/octet-stream') {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), filename);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return { payload: Buffer.from(await request.arrayBuffer()), headers: { 'content-type': request.headers.get('content-type') ?? '' } };
}

async function upload(client: Client, applicationId: string, filename: string, bytes: Buffer, type?: string) {
  const body = await multipart(filename, bytes, type);
  return client.request('POST', `/api/v1/applications/${applicationId}/attachments`, body);
}

async function signIn(app: FastifyInstance, username: string): Promise<Client> {
  const client = new Client(app);
  const res = await client.post('/api/v1/auth/login', { username, password: PASSWORD });
  client.csrf = res.json().csrfToken;
  return client;
}

describe.each(DIALECTS)('attachments on %s', (dialect) => {
  let t: TestApp;
  let officer: Client;
  let applicantA: Client;
  /** A draft in a call of its own: one enterprise has one application a call (一企一报). */
  const draft = async () => {
    const call = await officer.post('/api/v1/calls', {
      year: 2026,
      title: '2027年度人工智能措施申报',
      opensOn: '2027-03-01',
      closesOn: '2027-04-30',
      totalBudget: 5_000_000,
    });
    const res = await applicantA.post('/api/v1/applications', { callId: call.json().id, facts: FACTS, enterprise: ENTERPRISE });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    officer = await t.login('officer');
    applicantA = await t.login('applicantA');
  });
  afterAll(async () => {
    await t.close();
  });

  it('stores a PDF by its content hash and gives it back byte for byte', async () => {
    const id = await draft();
    const res = await upload(applicantA, id, '营业执照.pdf', PDF, 'application/pdf');
    expect(res.statusCode, res.body).toBe(201);
    const hash = sha256(PDF);
    expect(res.json()).toMatchObject({
      filename: '营业执照.pdf',
      mime: 'application/pdf',
      size: PDF.length,
      sha256: hash,
      uploadedBy: 'applicantA',
    });
    expect(await t.ctx.blobs.stat(attachmentKey(hash))).toEqual({ size: PDF.length });
    // The embedded default keeps the layout of earlier versions: blobs/ab/<sha256> in the data folder.
    if (t.ctx.blobs.driver === 'local') expect(existsSync(join(t.ctx.config.dataDir, 'blobs', hash.slice(0, 2), hash))).toBe(true);

    const download = await applicantA.get(res.json().url);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="____.pdf"; filename*=UTF-8''${encodeURIComponent('营业执照.pdf')}`,
    );
    expect(download.rawPayload.equals(PDF)).toBe(true);

    const list = await officer.get(`/api/v1/applications/${id}/attachments`);
    expect(list.json().attachments.map((a: { filename: string }) => a.filename)).toEqual(['营业执照.pdf']);
    const view = await applicantA.get(`/api/v1/applications/${id}`);
    expect(view.json().attachments).toHaveLength(1);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'after_json'])
      .where('entity_id', '=', id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['application.create', 'attachment.upload']);
    expect(JSON.parse(audit[1]?.after_json ?? '{}')).toMatchObject({ mime: 'application/pdf', sha256: hash });
  });

  it('judges the type by the content, not by the name, and refuses a name that claims another type', async () => {
    const id = await draft();
    // A PNG named .pdf: refused, naming the file and what it holds (in Chinese for a Chinese reader).
    const lying = await upload(applicantA, id, 'C:\\scans\\../scan.pdf', PNG, 'application/pdf');
    expect(lying.statusCode).toBe(415);
    expect(lying.json().error).toContain('the content of "scan.pdf" is image/png (.png), which its extension .pdf does not claim');
    expect(lying.json().message).toBe(
      '文件“scan.pdf”的内容为PNG图片，与扩展名.pdf不符；请确认文件无误后重新上传，支持PDF、OFD、PNG、JPEG、WebP、Word（.doc、.docx）或Excel（.xls、.xlsx）格式的文件',
    );
    // A name without an extension claims nothing: it is given the content's.
    const png = await upload(applicantA, id, 'C:\\scans\\../scan', PNG, 'application/pdf');
    expect(png.statusCode, png.body).toBe(201);
    expect(png.json()).toMatchObject({ filename: 'scan.png', mime: 'image/png', size: PNG.length });
    expect((await applicantA.get(png.json().url)).headers['content-type']).toBe('image/png');

    const text = await upload(applicantA, id, 'x.pdf', Buffer.from('this is not a PDF, only text\n'), 'application/pdf');
    expect(text.statusCode).toBe(415);
    expect(text.json().code).toBe('FTAI_ERR_UPLOAD');
    expect(text.json().error).toContain('no known file type');
    expect(text.json().error).toContain('accepted are PDF, OFD, PNG, JPEG, WebP, Word (.doc, .docx) and Excel (.xls, .xlsx)');
    const gif = await upload(applicantA, id, 'x.png', Buffer.from('R0lGODlhAQABAAAAACw=', 'base64'));
    expect(gif.statusCode).toBe(415);
    expect(gif.json().error).toContain('image/gif');
    const empty = await upload(applicantA, id, 'empty.pdf', Buffer.alloc(0));
    expect(empty.statusCode).toBe(415);
    expect(empty.json().error).toContain('an empty file');

    const rows = await t.ctx.db.selectFrom('attachments').select('mime').where('application_id', '=', id).execute();
    expect(rows.map((r) => r.mime)).toEqual(['image/png']);
  });

  it('keeps one copy of the same content attached twice', async () => {
    const id = await draft();
    const a = await upload(applicantA, id, 'a.png', PNG);
    const stored = await storedCopy(t.ctx, sha256(PNG));
    const b = await upload(applicantA, id, 'b.png', PNG);
    expect(a.json().sha256).toBe(b.json().sha256);
    expect(a.json().id).not.toBe(b.json().id);
    // The second upload wrote nothing: the same large object, the same single file.
    expect(await storedCopy(t.ctx, sha256(PNG))).toEqual(stored);
    if (t.ctx.blobs.driver === 'local') {
      const folder = join(t.ctx.config.dataDir, 'blobs', sha256(PNG).slice(0, 2));
      expect(readdirSync(folder)).toEqual([sha256(PNG)]);
    }
  });

  it('refuses a file over the upload limit with 413, naming the limit, and stores nothing', async () => {
    // The same database, served by an app whose upload limit is 1 KiB.
    const small = await buildApp(createContext(t.ctx.db, t.ctx.dialect, { ...t.ctx.config, uploadLimitBytes: 1024 }));
    try {
      const id = await draft();
      const client = await signIn(small, 'applicantA');
      const big = Buffer.concat([PDF, Buffer.alloc(2048, 0x20)]);
      const res = await upload(client, id, 'big.pdf', big);
      expect(res.statusCode).toBe(413);
      expect(res.json()).toMatchObject({ code: 'FTAI_ERR_UPLOAD' });
      expect(res.json().error).toContain('1,024 bytes (1 KiB)');
      expect((await upload(client, id, 'small.pdf', PDF)).statusCode).toBe(201);
      const rows = await t.ctx.db.selectFrom('attachments').select('filename').where('application_id', '=', id).execute();
      expect(rows.map((r) => r.filename)).toEqual(['small.pdf']);
      // Nothing of the file over the limit is kept: neither in the store nor half-received in tmp/.
      expect(await t.ctx.blobs.stat(attachmentKey(sha256(big.subarray(0, 1024))))).toBeUndefined();
      expect(await t.ctx.blobs.stat(attachmentKey(sha256(big)))).toBeUndefined();
      expect(readdirSync(spoolDir(t.ctx.config.dataDir))).toEqual([]);
    } finally {
      await small.close();
    }
  });

  it('keeps no blob and no row of an upload whose transaction fails', async () => {
    const id = await draft();
    const me: CurrentUser = (await applicantA.get('/api/v1/auth/me')).json().user;
    // Content no other test stores: its blob exists only if this upload leaves it.
    const unique = Buffer.concat([PDF, Buffer.from(`% ${id}\n`)]);
    const file = await spoolToFile(Readable.from([unique]), spoolDir(t.ctx.config.dataDir));
    // Two uploads at once both pass the route's check of the limit; the one that finds the last
    // place taken in its transaction, after its bytes are stored, fails there: that is this one.
    const full: AppContext = { ...t.ctx, config: { ...t.ctx.config, maxAttachmentsPerApplication: 0 } };
    await expect(storeAttachment(full, me, id, { filename: 'late.pdf', file })).rejects.toMatchObject({
      code: 'FTAI_ERR_ATTACHMENT_LIMIT',
    });
    expect(await t.ctx.blobs.stat(attachmentKey(sha256(unique)))).toBeUndefined();
    expect(await t.ctx.db.selectFrom('attachments').select('id').where('application_id', '=', id).execute()).toEqual([]);
    expect(existsSync(file.path)).toBe(false);
  });

  it('refuses a request that is not multipart, or carries no file', async () => {
    const id = await draft();
    const json = await applicantA.post(`/api/v1/applications/${id}/attachments`, { file: 'x' });
    expect(json.statusCode).toBe(415);
    expect(json.json().code).toBe('FTAI_ERR_UPLOAD');
    const form = new FormData();
    form.append('note', 'no file here');
    const request = new Request('http://localhost/', { method: 'POST', body: form });
    const noFile = await applicantA.request('POST', `/api/v1/applications/${id}/attachments`, {
      payload: Buffer.from(await request.arrayBuffer()),
      headers: { 'content-type': request.headers.get('content-type') ?? '' },
    });
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().issues.map((i: { path: string }) => i.path)).toEqual(['file']);
    // A broken form is the client's fault: 400, never a 500.
    const broken = [
      ['multipart/form-data', 'no boundary given'],
      [
        'multipart/form-data; boundary=XYZ',
        '--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4 cut short',
      ],
    ];
    for (const [contentType, payload] of broken) {
      const res = await applicantA.request('POST', `/api/v1/applications/${id}/attachments`, {
        payload,
        headers: { 'content-type': contentType ?? '' },
      });
      expect(res.statusCode, payload).toBe(400);
      expect(res.json().code).toBe('FTAI_ERR_UPLOAD');
    }
    expect(await t.ctx.db.selectFrom('attachments').select('id').where('application_id', '=', id).execute()).toEqual([]);
  });

  it('lets only the applicant attach, only before submission; shows files only to who may see the application', async () => {
    const id = await draft();
    const stored = await upload(applicantA, id, 'plan.pdf', PDF);
    const url = stored.json().url as string;
    for (const name of ['applicantB', 'officer', 'reviewer1', 'admin']) {
      const client = await t.login(name);
      const res = await upload(client, id, 'x.pdf', PDF);
      expect(res.statusCode, name).toBe(403);
      expect(res.json().code).toBe('FTAI_ERR_FORBIDDEN');
    }
    for (const name of ['applicantB', 'reviewer1']) {
      const client = await t.login(name);
      expect((await client.get(url)).statusCode, name).toBe(403);
      expect((await client.get(`/api/v1/applications/${id}/attachments`)).statusCode, name).toBe(403);
    }
    expect((await officer.get(url)).statusCode).toBe(200);
    expect((await t.anonymous().get(url)).statusCode).toBe(401);
    expect((await officer.get('/api/v1/attachments/no-such-file')).statusCode).toBe(404);

    await attachRequiredMaterials(applicantA, id);
    const attached = (await t.ctx.db.selectFrom('attachments').select('id').where('application_id', '=', id).execute()).length;
    expect((await applicantA.post(`/api/v1/applications/${id}/submit`)).statusCode).toBe(200);
    const late = await upload(applicantA, id, 'late.pdf', PDF);
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('FTAI_ERR_TRANSITION');
    const count = await t.ctx.db.selectFrom('attachments').select('id').where('application_id', '=', id).execute();
    expect(count).toHaveLength(attached);
  });
});

/** What identifies the stored copy of `hash`: the large object on PostgreSQL, the file's inode on disk. */
async function storedCopy(ctx: AppContext, hash: string): Promise<unknown> {
  if (ctx.blobs.driver === 'postgres') {
    return ctx.db.selectFrom('blobs').select(['object_id', 'size']).where('key', '=', attachmentKey(hash)).execute();
  }
  const { statSync } = await import('node:fs');
  return statSync(join(ctx.config.dataDir, attachmentKey(hash))).ino;
}

describe.skipIf(!DIALECTS.includes('postgres'))('two instances on one PostgreSQL database', () => {
  let t: TestApp;
  let other: FastifyInstance;
  let otherCtx: AppContext;
  const otherDataDir = mkdtempSync(join(tmpdir(), 'ftai-other-'));

  beforeAll(async () => {
    t = await createTestApp('postgres');
    // A second instance: the same database and schema, its own data folder (another machine's disk).
    otherCtx = createContext(t.ctx.db, 'postgres', { ...t.ctx.config, dataDir: otherDataDir });
    other = await buildApp(otherCtx);
  });
  afterAll(async () => {
    await other.close();
    await otherCtx.blobs.close();
    await t.close();
    rmSync(otherDataDir, { recursive: true, force: true });
  });

  it('serves a file uploaded to one instance from the other, byte for byte', async () => {
    const officer = await t.login('officer');
    const call = await officer.post('/api/v1/calls', {
      year: 2026,
      title: '2027年度申报',
      opensOn: '2027-03-01',
      closesOn: '2027-04-30',
      totalBudget: 1_000_000,
    });
    const applicant = await t.login('applicantA');
    const created = await applicant.post('/api/v1/applications', { callId: call.json().id, facts: FACTS, enterprise: ENTERPRISE });
    const scan = Buffer.concat([PDF, Buffer.alloc(300_000, 0x25)]);
    const res = await upload(applicant, created.json().id, '营业执照.pdf', scan);
    expect(res.statusCode, res.body).toBe(201);

    const elsewhere = await signIn(other, 'applicantA');
    const download = await elsewhere.get(res.json().url);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.rawPayload.equals(scan)).toBe(true);
    // Nothing of it is on the other instance's disk, nor on the first's: it is in the database.
    expect(existsSync(join(otherDataDir, 'blobs'))).toBe(false);
    expect(existsSync(join(t.ctx.config.dataDir, 'blobs'))).toBe(false);
  });
});

describe('attachments in an S3-compatible bucket (FTAI_BLOB_URL)', () => {
  let s3: LocalS3;
  let t: TestApp;

  beforeAll(async () => {
    s3 = await startLocalS3();
    // The SDK's usual chain reads these, as in production.
    process.env.AWS_ACCESS_KEY_ID = S3RVER_CREDENTIALS.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = S3RVER_CREDENTIALS.secretAccessKey;
    t = await createTestApp('sqlite', { config: { blobUrl: s3.url('attachments') } });
  });
  afterAll(async () => {
    await t.close();
    await s3.close();
  });

  it('stores the upload in the bucket and downloads it byte for byte', async () => {
    expect(t.ctx.blobs.driver).toBe('s3');
    const officer = await t.login('officer');
    const call = await officer.post('/api/v1/calls', {
      year: 2026,
      title: '2027年度申报',
      opensOn: '2027-03-01',
      closesOn: '2027-04-30',
      totalBudget: 1_000_000,
    });
    const applicant = await t.login('applicantA');
    const created = await applicant.post('/api/v1/applications', { callId: call.json().id, facts: FACTS, enterprise: ENTERPRISE });
    const res = await upload(applicant, created.json().id, 'photo.png', PNG);
    expect(res.statusCode, res.body).toBe(201);
    expect(await t.ctx.blobs.stat(attachmentKey(sha256(PNG)))).toEqual({ size: PNG.length });
    expect(existsSync(join(t.ctx.config.dataDir, 'blobs'))).toBe(false);
    const download = await officer.get(res.json().url);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PNG)).toBe(true);
  });
});

describe.each(DIALECTS)('applications through a real port on %s', (dialect) => {
  let t: TestApp;
  let base: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    base = `http://127.0.0.1:${address.port}`;
  });
  afterAll(async () => {
    await t.close();
  });

  /** Signs in over HTTP and keeps the cookies and the CSRF token, as the browser does. */
  async function browser(username: string) {
    const res = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: PASSWORD }),
    });
    expect(res.status).toBe(200);
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    return (path: string, init: RequestInit = {}) =>
      fetch(`${base}${path}`, { ...init, headers: { cookie, 'x-csrf-token': csrfToken, ...(init.headers as Record<string, string>) } });
  }

  it('signs in, opens a call, starts a draft, uploads a file with FormData and downloads it', async () => {
    const officer = await browser('officer');
    const call = await officer('/api/v1/calls', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ year: 2026, title: '2027年度申报', opensOn: '2027-03-01', closesOn: '2027-04-30', totalBudget: 1_000_000 }),
    });
    expect(call.status).toBe(201);
    const callId = ((await call.json()) as { id: string }).id;

    const applicant = await browser('applicantA');
    const created = await applicant('/api/v1/applications', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ callId, facts: FACTS, enterprise: ENTERPRISE }),
    });
    expect(created.status).toBe(201);
    const id = ((await created.json()) as { id: string }).id;

    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(PNG)], { type: 'image/png' }), '现场照片.png');
    const uploaded = await applicant(`/api/v1/applications/${id}/attachments`, { method: 'POST', body: form });
    expect(uploaded.status).toBe(201);
    const attachment = (await uploaded.json()) as { url: string; filename: string; mime: string };
    expect(attachment).toMatchObject({ filename: '现场照片.png', mime: 'image/png' });

    const download = await applicant(attachment.url);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await download.arrayBuffer()).equals(PNG)).toBe(true);

    const estimate = await applicant(`/api/v1/applications/${id}/estimate?lang=en`, { method: 'POST' });
    expect(estimate.status).toBe(200);
    expect(((await estimate.json()) as { total: number }).total).toBe(200_000);
  });

  it('refuses a text file named .pdf and a change without the CSRF token over the wire', async () => {
    const applicant = await browser('applicantA');
    const list = await applicant('/api/v1/applications');
    const [first] = ((await list.json()) as { applications: { id: string }[] }).applications;
    expect(first).toBeDefined();
    const form = new FormData();
    form.append('file', new Blob(['plain text'], { type: 'application/pdf' }), 'fake.pdf');
    const fake = await applicant(`/api/v1/applications/${first?.id}/attachments`, { method: 'POST', body: form });
    expect(fake.status).toBe(415);
    const noToken = await applicant(`/api/v1/applications/${first?.id}/submit`, { method: 'POST', headers: { 'x-csrf-token': '' } });
    expect(noToken.status).toBe(403);
  });
});
