import { crc32 } from 'node:zlib';
import { GENERAL_MATERIALS, MATERIALS, materialsOf } from '@ftai/policy-fengtai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartBody, STAND_IN_PDF, uploadFile } from '../http/attach-materials.js';
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
/** An OLE2 compound file's header (.doc, .xls): signature, minor and major version, byte order, sector shifts. */
const CFB = (() => {
  const header = Buffer.alloc(1536);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 24);
  header.writeUInt16LE(3, 26);
  header.writeUInt16LE(0xfffe, 28);
  header.writeUInt16LE(9, 30);
  header.writeUInt16LE(6, 32);
  return header;
})();
const PLAIN_ZIP = storedZip([['readme.txt', 'hello']]);
/** An OFD package whose OFD.xml is not the first entry, behind a directory of many pages. */
const BIG_OFD = storedZip([
  ...Array.from({ length: 400 }, (_, i): [string, string] => [`Doc_0/Pages/Page_${i}/Content.xml`, '<ofd:Page/>']),
  ['OFD.xml', '<ofd:OFD/>'],
]);
const ACCEPTED_ZH = 'PDF、OFD、PNG、JPEG、WebP、Word（.doc、.docx）或Excel（.xls、.xlsx）格式的文件';

/** A real 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const FACTS = { computeSpend: 1_000_000 };
const ENTERPRISE = { registeredInFengtai: true, taxResidentInFengtai: true, aiPartnerProgram: true };

/** A multipart/form-data body with one file, as a browser's FormData sends it. */
describe.each(DIALECTS)('materials (申报材料) on %s', (dialect) => {
  let t: TestApp;
  let officer: Client;
  let applicant: Client;

  /** A draft of applicantA's in a call of its own (一企一报). */
  const draft = async (facts: Record<string, unknown> = {}, enterprise: Record<string, unknown> = ENTERPRISE) => {
    const call = await officer.post('/api/v1/calls', {
      year: 2026,
      title: `2027年度人工智能措施申报（${Math.random().toString(36).slice(2, 8)}）`,
      opensOn: '2027-03-01',
      closesOn: '2027-04-30',
      totalBudget: 5_000_000,
    });
    const res = await applicant.post('/api/v1/applications', { callId: call.json().id, facts, enterprise });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    officer = await t.login('officer');
    applicant = await t.login('applicantA');
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists each measure’s materials and the general ones, required or optional, in the asked language', async () => {
    const res = await t.anonymous().get('/api/v1/materials');
    expect(res.statusCode).toBe(200);
    const zh = res.json();
    expect(zh.measures['1']).toEqual([
      { key: 'contract', name: '算力采购（租赁）合同', required: true, hint: '购买或租用智能算力的合同（协议）扫描件，加盖公章' },
      { key: 'invoice', name: '发票', required: true, hint: '与合同对应的发票；电子发票可上传PDF或OFD文件' },
      { key: 'payment', name: '付款凭证', required: true, hint: '与发票对应的银行付款回单等支付凭证' },
      expect.objectContaining({ key: 'partner', name: '人工智能伙伴计划入选证明', required: false }),
      expect.objectContaining({ key: 'usage', name: '算力使用情况说明', required: false }),
    ]);
    expect(zh.measures['2.1'][0]).toMatchObject({ key: 'certificate', name: '大模型备案证明', required: true });
    expect(zh.measures['5.1'][0]).toMatchObject({ key: 'audit', name: '年度财务审计报告', required: true });
    expect(zh.general.map((m: { key: string }) => m.key)).toEqual(GENERAL_MATERIALS.map((m) => m.key));
    expect(Object.keys(zh.measures)).toEqual(Object.keys(MATERIALS));
    const en = (await t.anonymous().get('/api/v1/materials?lang=en')).json();
    expect(en.measures['1'][0]).toMatchObject({ key: 'contract', name: 'Compute purchase or lease contracts' });
    expect(en.general[0].name).toBe('Business licence');
  });

  it('ties an upload to a material of a measure, or to a general one, and lists and audits the tie; without one it is 其他材料', async () => {
    const id = await draft(FACTS);
    const tied = await uploadFile(applicant, id, '算力合同.pdf', STAND_IN_PDF, { measure: '1', material: 'contract' });
    expect(tied.statusCode, tied.body).toBe(201);
    expect(tied.json()).toMatchObject({ filename: '算力合同.pdf', mime: 'application/pdf', measure: '1', material: 'contract' });
    const licence = await uploadFile(applicant, id, '营业执照.pdf', STAND_IN_PDF, { measure: null, material: 'licence' });
    expect(licence.json()).toMatchObject({ measure: null, material: 'licence' });
    const other = await uploadFile(applicant, id, '其他.pdf', STAND_IN_PDF);
    expect(other.json()).toMatchObject({ measure: null, material: null });
    const list = (await officer.get(`/api/v1/applications/${id}/attachments`)).json().attachments;
    expect(
      list.map((a: { filename: string; measure: string | null; material: string | null }) => [a.filename, a.measure, a.material]),
    ).toEqual(
      expect.arrayContaining([
        ['算力合同.pdf', '1', 'contract'],
        ['营业执照.pdf', null, 'licence'],
        ['其他.pdf', null, null],
      ]),
    );
    expect(list).toHaveLength(3);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select('after_json')
      .where('entity_id', '=', id)
      .where('action', '=', 'attachment.upload')
      .orderBy('seq')
      .execute();
    expect(JSON.parse(audit[0]?.after_json ?? '{}')).toMatchObject({ filename: '算力合同.pdf', measure: '1', material: 'contract' });
  });

  it('refuses a material not in the list, a measure without one, or a measure without its material, naming the field', async () => {
    const id = await draft(FACTS);
    const wrong = await uploadFile(applicant, id, 'x.pdf', STAND_IN_PDF, { measure: '1', material: 'certificate' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({
      code: 'FTAI_ERR_VALIDATION',
      issues: [{ path: 'query.material' }],
      message: '所选申报材料不在该支持事项的材料清单中，请按材料清单选择',
    });
    expect(wrong.json().error).toContain('one of contract, invoice, payment, partner, usage');
    const none = await uploadFile(applicant, id, 'x.pdf', STAND_IN_PDF, { measure: '99', material: 'contract' });
    expect(none.json()).toMatchObject({ issues: [{ path: 'query.measure' }], message: '所选支持事项没有材料清单，请选择本政策的支持事项' });
    const general = await uploadFile(applicant, id, 'x.pdf', STAND_IN_PDF, { measure: null, material: 'contract' });
    expect(general.json()).toMatchObject({ issues: [{ path: 'query.material' }] });
    expect(general.json().error).toContain('one of licence, tax');
    const half = await applicant.request('POST', `/api/v1/applications/${id}/attachments?measure=1`, { payload: '', headers: {} });
    expect(half.statusCode).toBe(400);
    expect(half.json()).toMatchObject({ issues: [{ path: 'query.material' }], message: '指明支持事项时，须同时指明申报材料' });
    expect(await t.ctx.db.selectFrom('attachments').select('id').where('application_id', '=', id).execute()).toEqual([]);
  });

  it('takes PDF, OFD, Word and Excel by their content, old and new, and refuses what its name or the list does not fit, in Chinese', async () => {
    const id = await draft();
    const kinds: [name: string, bytes: Buffer, mime: string][] = [
      ['合同.pdf', STAND_IN_PDF, 'application/pdf'],
      ['发票.ofd', OFD, 'application/ofd'],
      ['大发票.OFD', BIG_OFD, 'application/ofd'],
      ['备案通知.docx', DOCX, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['台账.xlsx', XLSX, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['说明.doc', CFB, 'application/msword'],
      ['台账.xls', CFB, 'application/vnd.ms-excel'],
    ];
    for (const [name, bytes, mime] of kinds) {
      const res = await uploadFile(applicant, id, name, bytes);
      expect(res.statusCode, `${name}: ${res.body}`).toBe(201);
      expect(res.json(), name).toMatchObject({ filename: name, mime });
    }
    const refused: [name: string, bytes: Buffer, message: string][] = [
      ['合同.pdf', PLAIN_ZIP, `文件“合同.pdf”的内容为压缩包，不能上传；请上传${ACCEPTED_ZH}`],
      ['发票.ofd', PLAIN_ZIP, `文件“发票.ofd”的内容为压缩包，不能上传；请上传${ACCEPTED_ZH}`],
      ['材料.zip', PLAIN_ZIP, `文件“材料.zip”的内容为压缩包，不能上传；请上传${ACCEPTED_ZH}`],
      ['发票.pdf', OFD, `文件“发票.pdf”的内容为OFD文件，与扩展名.pdf不符；请确认文件无误后重新上传，支持${ACCEPTED_ZH}`],
      ['说明.doc', DOCX, `文件“说明.doc”的内容为Word文档，与扩展名.doc不符；请确认文件无误后重新上传，支持${ACCEPTED_ZH}`],
      ['台账.xlsx', CFB, `文件“台账.xlsx”的内容为旧版Word或Excel格式的复合文档，扩展名应为.doc（Word）或.xls（Excel）；支持${ACCEPTED_ZH}`],
      ['说明.ppt', CFB, `文件“说明.ppt”的内容为旧版Word或Excel格式的复合文档，扩展名应为.doc（Word）或.xls（Excel）；支持${ACCEPTED_ZH}`],
      ['说明.txt', Buffer.from('only text\n'), `文件“说明.txt”的内容为无法识别的格式，不能上传；请上传${ACCEPTED_ZH}`],
      ['空.pdf', Buffer.alloc(0), `文件“空.pdf”的内容为空文件，不能上传；请上传${ACCEPTED_ZH}`],
    ];
    for (const [name, bytes, message] of refused) {
      const res = await uploadFile(applicant, id, name, bytes);
      expect(res.statusCode, `${name}: ${res.body}`).toBe(415);
      expect(res.json(), name).toMatchObject({ code: 'FTAI_ERR_UPLOAD', message });
      expect(res.json().error, name).toContain(`the content of "${name}" is `);
    }
    // In English for an English reader, as the server words it.
    const body = await multipartBody('合同.pdf', PLAIN_ZIP);
    const en = await applicant.request('POST', `/api/v1/applications/${id}/attachments`, {
      ...body,
      headers: { ...body.headers, 'accept-language': 'en' },
    });
    expect(en.json().message).toBe(
      'the content of "合同.pdf" is application/zip (.zip); accepted are PDF, OFD, PNG, JPEG, WebP, Word (.doc, .docx) and Excel (.xls, .xlsx)',
    );
    const rows = await t.ctx.db.selectFrom('attachments').select('mime').where('application_id', '=', id).execute();
    expect(rows).toHaveLength(kinds.length);
  });

  it('refuses a submission without the required materials of every measure it claims, granted or not, naming them; takes it once they are there', async () => {
    // 第一条 claimed but not granted (not in the partner programme: ineligible), 第二条第（1）项 granted.
    const id = await draft(
      { computeSpend: 1_000_000, modelFilings: [{ id: 'Beijing-X-1', date: '2026-03-01' }] },
      { ...ENTERPRISE, aiPartnerProgram: false },
    );
    const estimate = (await applicant.post(`/api/v1/applications/${id}/estimate`)).json();
    expect(estimate.results.find((r: { measure: string }) => r.measure === '1').status).toBe('ineligible');
    // A file of 其他材料, or of a general material, counts for no material of a measure.
    expect((await uploadFile(applicant, id, '说明.pdf', STAND_IN_PDF)).statusCode).toBe(201);
    expect((await uploadFile(applicant, id, '营业执照.pdf', STAND_IN_PDF, { measure: null, material: 'licence' })).statusCode).toBe(201);
    expect((await uploadFile(applicant, id, '算力合同.pdf', STAND_IN_PDF, { measure: '1', material: 'contract' })).statusCode).toBe(201);

    const refused = await applicant.post(`/api/v1/applications/${id}/submit`);
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({
      code: 'FTAI_ERR_MATERIALS_MISSING',
      error:
        'required materials are missing: Article 1 (compute subsidy): invoices [1/invoice], payment vouchers [1/payment]; Article 2(1) (model filing): model filing certificate [2.1/certificate]. Attach each (POST /api/v1/applications/:id/attachments?measure=…&material=…) and submit again',
      message:
        '尚缺必备的申报材料：第一条（智能算力支持）的“发票”“付款凭证”，第二条第（1）项（大模型合规备案）的“大模型备案证明”；请在申报材料清单中逐项上传后再提交',
    });
    expect(refused.json().issues.map((i: { path: string }) => i.path)).toEqual([
      'materials.1.invoice',
      'materials.1.payment',
      'materials.2.1.certificate',
    ]);
    const english = await applicant.request('POST', `/api/v1/applications/${id}/submit`, {
      headers: { 'accept-language': 'en-GB,en;q=0.9' },
    });
    expect(english.json().message).toBe(refused.json().error);
    const view = (await applicant.get(`/api/v1/applications/${id}`)).json();
    expect(view.status).toBe('draft');
    expect(view.number).toBeNull();

    // The invoice as OFD (the national e-invoice format), the voucher as an image, the filing as Word.
    expect((await uploadFile(applicant, id, '发票.ofd', OFD, { measure: '1', material: 'invoice' })).statusCode).toBe(201);
    expect((await uploadFile(applicant, id, '付款回单.png', PNG, { measure: '1', material: 'payment' })).statusCode).toBe(201);
    const still = await applicant.post(`/api/v1/applications/${id}/submit`);
    expect(still.json().issues.map((i: { path: string }) => i.path)).toEqual(['materials.2.1.certificate']);
    expect((await uploadFile(applicant, id, '备案通知.docx', DOCX, { measure: '2.1', material: 'certificate' })).statusCode).toBe(201);
    const submitted = await applicant.post(`/api/v1/applications/${id}/submit`);
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().status).toBe('submitted');
    const attachments = submitted.json().attachments as { measure: string | null; material: string | null }[];
    for (const measure of ['1', '2.1']) {
      for (const m of materialsOf(measure).filter((x) => x.required)) {
        expect(
          attachments.some((a) => a.measure === measure && a.material === m.key),
          `${measure}/${m.key}`,
        ).toBe(true);
      }
    }
  });

  it('asks nothing of the services every answer lists (9.1, 9.2, 10.1), which claim no money', async () => {
    const id = await draft({ revenue: 120_000_000, priorMaxRevenue: 40_000_000 });
    const results = (await applicant.post(`/api/v1/applications/${id}/estimate`)).json().results as { measure: string; status: string }[];
    expect(results.filter((r) => r.status === 'service').map((r) => r.measure)).toEqual(expect.arrayContaining(['9.1', '9.2', '10.1']));
    const refused = await applicant.post(`/api/v1/applications/${id}/submit`);
    expect(refused.json().issues.map((i: { path: string }) => i.path)).toEqual(['materials.5.1.audit', 'materials.5.2.audit']);
    expect(refused.json().message).toBe(
      '尚缺必备的申报材料：第五条第（1）项（主营业务收入首次达到规模）的“年度财务审计报告”，第五条第（2）项（主营业务收入增量）的“年度财务审计报告”；请在申报材料清单中逐项上传后再提交',
    );
  });
});
