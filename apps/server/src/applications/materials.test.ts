import { crc32 } from 'node:zlib';
import { materialsOf } from '@ftai/policy-fengtai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAND_IN_PDF, uploadFile } from '../http/attach-materials.js';
import { type Client, createTestApp, DIALECTS, type TestApp } from '../test/harness.js';

/** A ZIP file with its entries stored (no compression), as a real archiver writes it. */
function storedZip(entries: [name: string, text: string][]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of entries) {
    const data = Buffer.from(text);
    const n = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(n.length, 26);
    locals.push(local, n, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, n);
    offset += 30 + n.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CONTENT_TYPES = (part: string, type: string) =>
  `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="${part}" ContentType="${type}"/></Types>`;
const OFD = storedZip([
  ['OFD.xml', '<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"/>'],
  ['Doc_0/Document.xml', '<ofd:Document/>'],
]);
const DOCX = storedZip([
  [
    '[Content_Types].xml',
    CONTENT_TYPES('/word/document.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml'),
  ],
  ['word/document.xml', '<w:document/>'],
]);
const XLSX = storedZip([
  ['[Content_Types].xml', CONTENT_TYPES('/xl/workbook.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml')],
  ['xl/workbook.xml', '<workbook/>'],
]);
/** An OLE2 compound file's header (.doc, .xls). */
const CFB = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1016)]);
const PLAIN_ZIP = storedZip([['readme.txt', 'hello']]);

describe.each(DIALECTS)('materials (申报材料) on %s', (dialect) => {
  let t: TestApp;
  let officer: Client;
  let applicant: Client;
  let callId: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    officer = await t.login('officer');
    applicant = await t.login('applicantA');
    const call = await officer.post('/api/v1/calls', {
      year: 2026,
      title: '2027年度人工智能措施申报',
      opensOn: '2027-03-01',
      closesOn: '2027-04-30',
      totalBudget: 5_000_000,
    });
    callId = call.json().id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists each measure’s materials, required or optional, in the asked language', async () => {
    const zh = (await t.anonymous().get('/api/v1/materials')).json();
    expect(zh.measures['1']).toEqual([
      { key: 'contract', name: '算力采购（租赁）合同', required: true, hint: '算力采购（租赁）相关合同（协议）扫描件' },
      { key: 'invoice', name: '发票', required: true, hint: '与合同对应的增值税发票' },
      { key: 'payment', name: '付款凭证', required: false, hint: '银行付款回单等支付凭证' },
      { key: 'usage', name: '算力使用说明', required: false, hint: '算力用于模型训练、推理的情况说明' },
    ]);
    expect(zh.measures['2.1']).toEqual([expect.objectContaining({ key: 'certificate', name: '大模型备案证明', required: true })]);
    const en = (await t.anonymous().get('/api/v1/materials?lang=en')).json();
    expect(en.measures['1'][0].name).toBe('Compute purchase or lease contracts');
  });

  it('refuses a submission without the required materials of the measures it claims, naming them, and takes it once they are there', async () => {
    const draft = await applicant.post('/api/v1/applications', {
      callId,
      facts: { computeSpend: 1_000_000, modelFilings: [{ id: 'Beijing-X-1', date: '2026-03-01' }] },
      enterprise: { registeredInFengtai: true, taxResidentInFengtai: true, aiPartnerProgram: true },
    });
    const id = draft.json().id as string;
    // A file of 其他材料 counts for no material.
    expect((await uploadFile(applicant, id, '营业执照.pdf', STAND_IN_PDF)).statusCode).toBe(201);
    const tied = await uploadFile(applicant, id, '算力合同.pdf', STAND_IN_PDF, { measure: '1', material: 'contract' });
    expect(tied.statusCode, tied.body).toBe(201);
    expect(tied.json()).toMatchObject({ measure: '1', material: 'contract', mime: 'application/pdf' });

    const refused = await applicant.post(`/api/v1/applications/${id}/submit`);
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({
      code: 'FTAI_ERR_MATERIALS_MISSING',
      message: '尚缺必备的申报材料：事项1的“发票”、事项2.1的“大模型备案证明”；请在“申报材料”中上传后再提交',
    });
    expect(refused.json().issues.map((i: { path: string }) => i.path)).toEqual(['materials.1.invoice', 'materials.2.1.certificate']);
    expect((await applicant.get(`/api/v1/applications/${id}`)).json().status).toBe('draft');

    // The invoice as OFD (the national e-invoice format), the filing as Word.
    const invoice = await uploadFile(applicant, id, '发票.ofd', OFD, { measure: '1', material: 'invoice' });
    expect(invoice.statusCode, invoice.body).toBe(201);
    expect(invoice.json().mime).toBe('application/ofd');
    const filing = await uploadFile(applicant, id, '备案通知.docx', DOCX, { measure: '2.1', material: 'certificate' });
    expect(filing.json().mime).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const submitted = await applicant.post(`/api/v1/applications/${id}/submit`);
    expect(submitted.statusCode, submitted.body).toBe(200);
    const attachments = submitted.json().attachments as { filename: string; measure: string | null; material: string | null }[];
    expect(attachments.map((a) => [a.filename, a.measure, a.material]).sort()).toEqual([
      ['发票.ofd', '1', 'invoice'],
      ['备案通知.docx', '2.1', 'certificate'],
      ['算力合同.pdf', '1', 'contract'],
      ['营业执照.pdf', null, null],
    ]);
    // Every required material of the measures granted is there.
    for (const m of materialsOf('1').filter((x) => x.required)) expect(attachments.some((a) => a.material === m.key)).toBe(true);
  });

  it('takes Word and Excel by their content, old and new, and refuses what is none of the accepted kinds, in Chinese', async () => {
    const draft = await applicant.post('/api/v1/applications', {
      callId: (
        await officer.post('/api/v1/calls', {
          year: 2026,
          title: '第二批',
          opensOn: '2027-03-01',
          closesOn: '2027-04-30',
          totalBudget: 1,
        })
      ).json().id,
    });
    const id = draft.json().id as string;
    const kinds: [string, Buffer, number, string?][] = [
      ['台账.xlsx', XLSX, 201, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['说明.doc', CFB, 201, 'application/msword'],
      ['台账.xls', CFB, 201, 'application/vnd.ms-excel'],
      ['合同.pdf', PLAIN_ZIP, 415],
      ['发票.ofd', PLAIN_ZIP, 415],
      ['说明.ppt', CFB, 415],
    ];
    for (const [name, bytes, status, mime] of kinds) {
      const res = await uploadFile(applicant, id, name, bytes);
      expect(res.statusCode, `${name}: ${res.body}`).toBe(status);
      if (mime) expect(res.json().mime, name).toBe(mime);
      else expect(res.json().message, name).toBe('文件内容与所支持的格式不符：请上传PDF、OFD、PNG、JPEG、Word或Excel文件');
    }
  });

  it('refuses a material that is not in the measure’s list, or a measure without one, naming the field', async () => {
    const id = (await applicant.get(`/api/v1/applications?callId=${callId}`)).json().applications[0].id;
    await applicant.post(`/api/v1/applications/${id}/withdraw`, {});
    const wrong = await uploadFile(applicant, id, 'x.pdf', STAND_IN_PDF, { measure: '1', material: 'certificate' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().issues[0]).toMatchObject({ path: 'query.material' });
    expect(wrong.json().error).toContain('contract, invoice, payment, usage');
    const none = await uploadFile(applicant, id, 'x.pdf', STAND_IN_PDF, { measure: '99', material: 'contract' });
    expect(none.json().issues[0]).toMatchObject({ path: 'query.measure' });
    const half = await applicant.request('POST', `/api/v1/applications/${id}/attachments?measure=1`, { payload: '', headers: {} });
    expect(half.statusCode).toBe(400);
    expect(half.json().issues[0]).toMatchObject({ path: 'query.material' });
  });
});
