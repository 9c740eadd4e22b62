import { describe, expect, it } from 'vitest';
import { acceptLanguage, errorText } from './error-text.js';

describe('the language of an error answer', () => {
  it.each([
    [undefined, 'zh'],
    ['', 'zh'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh'],
    ['en-US,en;q=0.9', 'en'],
    ['en', 'en'],
    ['zh;q=0.5,en;q=0.8', 'en'],
    ['fr-FR', 'zh'],
  ])('Accept-Language %s → %s', (header, lang) => {
    expect(acceptLanguage(header)).toBe(lang);
  });
});

describe('error messages in Chinese', () => {
  it('words a known message with its figures', () => {
    expect(
      errorText(
        {
          error: 'this reviewer is tied to enterprise 91110106MA0000K05Q (曾任该企业技术顾问) and cannot review its application',
          code: 'FTAI_ERR_CONFLICT_OF_INTEREST',
        },
        'zh',
      ),
    ).toBe('该评审专家与企业（统一社会信用代码91110106MA0000K05Q）存在关联关系（曾任该企业技术顾问），应当回避，不能评审其申报');
    expect(
      errorText(
        {
          error:
            'the call requires 2 completed expert reviews before approval (scored by reviewers without a tie to the enterprise); 1 is done',
          code: 'FTAI_ERR_REVIEWS_MISSING',
        },
        'zh',
      ),
    ).toBe('本批次要求审定前完成2份专家评审，已完成1份；评审完成后方可审定');
    expect(
      errorText(
        {
          error:
            'measure 2.1 for subject M-1 is already claimed by application 8ac7e2d0-1111-4222-8333-944455556666 in this call; remove it from this application or withdraw it there',
          code: 'FTAI_ERR_DUPLICATE_SUBJECT',
        },
        'zh',
      ),
    ).toBe('支持事项2.1（支持对象M-1）已在本批次的另一份申报（申报编号8ac7e2d0）中申报：请从本申报中去掉该事项，或撤回那份申报');
    expect(errorText({ error: 'too many attempts: try again in 42 s', code: 'FTAI_ERR_RATE_LIMIT' }, 'zh')).toBe(
      '尝试次数过多，请42秒后再试',
    );
  });

  it("words a validation answer by its fields' problems", () => {
    const issues = [
      { path: 'facts.computeSpend', code: 'FTAI_ERR_INVALID_FIELD', message: 'expected a non-negative amount in yuan, got -5' },
      { path: 'year', code: 'FTAI_ERR_INVALID_FIELD', message: 'expected a year from 2025 to 2028, got 2024' },
    ];
    expect(errorText({ error: 'facts.computeSpend: …', code: 'FTAI_ERR_VALIDATION', issues }, 'zh')).toBe(
      '金额不能为负数；年度应在2025至2028之间',
    );
  });

  it("falls back to the code's sentence, never to English", () => {
    expect(errorText({ error: 'something only the server knows', code: 'FTAI_ERR_TRANSITION' }, 'zh')).toBe(
      '申报当前所处环节不允许此项操作，请刷新页面后查看',
    );
    const unknownField = [{ path: 'x', code: 'FTAI_ERR_INVALID_FIELD', message: 'a problem nobody wrote Chinese for' }];
    expect(errorText({ error: 'x: …', code: 'FTAI_ERR_VALIDATION', issues: unknownField }, 'zh')).toBe(
      '提交的内容不符合要求，请检查后重新提交',
    );
    expect(errorText({ error: 'no route GET /api/v1/nope', code: 'FTAI_ERR_NOT_FOUND' }, 'zh')).toBe(
      '未找到所请求的记录，可能编号有误或已被删除',
    );
  });

  it('leaves English as the server wrote it', () => {
    expect(errorText({ error: 'sign in first', code: 'FTAI_ERR_UNAUTHENTICATED' }, 'en')).toBe('sign in first');
  });
});

describe('the missing materials in Chinese', () => {
  const error =
    'required materials are missing: Article 1 (compute subsidy): invoices [1/invoice], payment vouchers [1/payment]; Article 2(1) (model filing): model filing certificate [2.1/certificate]; Article 5(3) (first "little giant" recognition): little-giant recognition [5.3a/certificate]; general: tax certificate [tax]. Attach each (POST /api/v1/applications/:id/attachments?measure=…&material=…) and submit again';

  it('names each material by its Chinese name, under the clause of its measure, never by an internal id', () => {
    expect(errorText({ error, code: 'FTAI_ERR_MATERIALS_MISSING' }, 'zh')).toBe(
      '尚缺必备的申报材料：第一条（智能算力支持）的“发票”“付款凭证”，第二条第（1）项（大模型合规备案）的“大模型备案证明”，第五条第（3）项（首次认定国家专精特新“小巨人”企业）的“‘小巨人’企业认定文件”，通用材料“纳税证明”；请在申报材料清单中逐项上传后再提交',
    );
  });

  it('keeps the server’s English for an English reader', () => {
    expect(errorText({ error, code: 'FTAI_ERR_MATERIALS_MISSING' }, 'en')).toBe(error);
  });
});

describe('a refused upload in Chinese', () => {
  const accepted = 'accepted are PDF, OFD, PNG, JPEG, WebP, Word (.doc, .docx) and Excel (.xls, .xlsx)';
  const zh = (what: string, name = '合同.pdf') =>
    errorText({ error: `the content of ${JSON.stringify(name)} is ${what}; ${accepted}`, code: 'FTAI_ERR_UPLOAD' }, 'zh');
  const kinds = 'PDF、OFD、PNG、JPEG、WebP、Word（.doc、.docx）或Excel（.xls、.xlsx）格式的文件';

  it.each([
    ['application/zip (.zip)', `文件“合同.pdf”的内容为压缩包，不能上传；请上传${kinds}`],
    ['image/gif (.gif)', `文件“合同.pdf”的内容为不支持的图片格式，不能上传；请上传${kinds}`],
    ['application/x-msdownload (.exe)', `文件“合同.pdf”的内容为不支持的格式，不能上传；请上传${kinds}`],
    ['no known file type', `文件“合同.pdf”的内容为无法识别的格式，不能上传；请上传${kinds}`],
    ['an empty file', `文件“合同.pdf”的内容为空文件，不能上传；请上传${kinds}`],
    [
      'image/png (.png), which its extension .pdf does not claim: name it .png, or upload the file meant',
      `文件“合同.pdf”的内容为PNG图片，与扩展名.pdf不符；请确认文件无误后重新上传，支持${kinds}`,
    ],
    [
      'application/ofd, which its extension .pdf does not claim: name it .ofd, or upload the file meant',
      `文件“合同.pdf”的内容为OFD文件，与扩展名.pdf不符；请确认文件无误后重新上传，支持${kinds}`,
    ],
    [
      'an OLE2 compound file (application/x-cfb), named .pdf: an old Word or Excel file is named .doc or .xls',
      `文件“合同.pdf”的内容为旧版Word或Excel格式的复合文档，扩展名应为.doc（Word）或.xls（Excel）；支持${kinds}`,
    ],
  ])('%s', (what, text) => {
    expect(zh(what)).toBe(text);
  });

  it('names the file as it was given, quotes and all, with no English left', () => {
    const text = zh('application/zip (.zip)', '甲"乙"; accepted are.pdf');
    expect(text).toBe(`文件“甲"乙"; accepted are.pdf”的内容为压缩包，不能上传；请上传${kinds}`);
    expect(zh('application/zip (.zip)').replace(/PDF|OFD|PNG|JPEG|WebP|Word|Excel|\.\w+/g, '')).not.toMatch(/[A-Za-z]/);
  });
});
