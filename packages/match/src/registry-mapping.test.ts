import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateRequest } from '@ftai/policy-fengtai';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateRequests } from '../../../bench/generate-requests.mjs';
import { COLUMN_GROUPS } from './registry-columns.js';
import { registryHeader, requestToCells } from './registry-header.js';
import { compileHeader, normaliseHeader } from './registry-mapping.js';
import { rowToRequest } from './row-to-request.js';

const here = dirname(fileURLToPath(import.meta.url));
const GUIDE = readFileSync(join(here, '..', '..', '..', 'docs', 'registry-columns.md'), 'utf8');
const CODE = '91110106MA01ABCD2L';

/** A row from named cells, in the order of `headers`. */
function row(headers: readonly string[], values: Record<string, string | number | boolean | null>) {
  return headers.map((h) => values[h] ?? null);
}

describe('the registry header', () => {
  it('knows every column of the template, in English and in Chinese, and only once', () => {
    for (const lang of ['en', 'zh'] as const) {
      const headers = registryHeader({ lang, items: 3 });
      const mapping = compileHeader(headers);
      expect(mapping.problems).toEqual([]);
      expect(mapping.targets.every((t) => t.kind !== 'ignored' && t.kind !== 'unnamed')).toBe(true);
    }
    const json = registryHeader({ lang: 'zh', items: 0, json: ['history', 'modelFilings', 'incubator'] });
    expect(compileHeader(json).problems).toEqual([]);
  });

  it('finds a column however a clerk spells its separators, case, full-width forms and unit', () => {
    const same = (a: string, b: string) => expect(normaliseHeader(a)).toBe(normaliseHeader(b));
    same('modelFilings.1.id', 'ModelFilings_1_ID');
    same('模型备案1-编号', '模型备案.1.编号');
    same('模型备案1-编号', '模型备案 1 · 编号');
    same('算力投入（元）', '算力投入');
    same('算力投入(元)', '算力投入');
    const mapping = compileHeader(['年度', 'ComputeSpend', '模型备案 2·日期', 'incubator_rating', '孵化器-建设投资（元）']);
    expect(mapping.problems).toEqual([]);
    expect(mapping.targets.map((t) => t.kind)).toEqual(['scalar', 'scalar', 'item-field', 'object-field', 'object-field']);
  });

  it('refuses unknown and repeated columns, and a registry without a year, naming them', () => {
    const mapping = compileHeader(['统一社会信用代码', 'computeSpnd', '算力投入', 'computeSpend', '联系人']);
    expect(mapping.problems).toEqual([
      'unknown column "computeSpnd" (did you mean computeSpend?)',
      'columns "算力投入" and "computeSpend" both fill facts.computeSpend',
      'unknown column "联系人"',
      'no column for the assessment year: year (年度)',
    ]);
    const allowed = compileHeader(['年度', '联系人', '地址'], { ignoreUnknownColumns: true });
    expect(allowed.problems).toEqual([]);
    expect(allowed.ignored).toEqual(['联系人', '地址']);
  });

  it('is documented column by column in docs/registry-columns.md', () => {
    for (const group of COLUMN_GROUPS) {
      if (group.kind !== 'scalars') expect(GUIDE, group.key).toContain(`\`${group.key}\``);
      for (const f of group.fields) {
        const key = group.kind === 'scalars' ? f.key : group.kind === 'object' ? `${group.key}.${f.key}` : `${group.key}.N.${f.key}`;
        expect(GUIDE, key).toContain(`\`${key}\``);
        expect(GUIDE, key).toContain(
          group.kind === 'scalars' ? f.zh : group.kind === 'object' ? `${group.zh}-${f.zh}` : `${group.zh}N-${f.zh}`,
        );
      }
    }
  });
});

describe('a registry row as a request', () => {
  const headers = registryHeader({ lang: 'zh', items: 3, json: ['otherPolicyAwards'] });
  const mapping = compileHeader(headers);

  it('turns what a clerk writes into the contract: yes/no, dates, thousands, Chinese enumerations, percentages', () => {
    const cells = row(headers, {
      年度: '2026',
      统一社会信用代码: ` ${CODE.toLowerCase()} `,
      企业名称: '北京示例智能科技有限公司',
      '注册在丰台（是/否）': '是',
      '纳税在丰台（是/否）': 'TRUE',
      '严重失信（是/否）': '否',
      '人工智能伙伴计划企业（是/否）': 1,
      '算力投入（元）': '5,000,000.50',
      '营业收入（元）': '¥120000000',
      行业平均增速: '15%',
      '模型备案2-编号': 'Beijing-1',
      '模型备案2-日期（YYYY-MM-DD）': '2026/3/1',
      '模型备案2-工业（是/否）': '否',
      '资质认定1-编号': 'R-1',
      '资质认定1-类型': '高新技术企业',
      '资质认定1-日期（YYYY-MM-DD）': '2026年11月10日',
      '重点项目1-编号': 'KP-1',
      '重点项目1-级别': '国家级',
      '重点项目1-支持资金（元）': 8000000,
      '本政策往年支持1-措施': '1',
      '本政策往年支持1-年度': 2025,
      '本政策往年支持1-金额（元）': '900000',
      '其他政策支持（JSON）': '[{"policy":"丰台区某项措施","subject":"KP-1","amount":450000}]',
    });
    const { request, issues } = rowToRequest(cells, mapping);
    expect(issues).toEqual([]);
    expect(request).toEqual({
      year: 2026,
      enterprise: {
        creditCode: CODE,
        name: '北京示例智能科技有限公司',
        registeredInFengtai: true,
        taxResidentInFengtai: true,
        seriousDishonesty: false,
        aiPartnerProgram: true,
      },
      facts: {
        computeSpend: '5000000.50',
        revenue: '120000000',
        industryAverageGrowthRate: '15%',
        // The empty first slot is left out: the list has one item.
        modelFilings: [{ id: 'Beijing-1', date: '2026-03-01', industrial: false }],
        recognitions: [{ id: 'R-1', type: 'high-tech', date: '2026-11-10' }],
        keyProjects: [{ id: 'KP-1', level: 'national', funding: 8000000 }],
      },
      history: [{ measure: '1', year: 2025, subject: null, amount: '900000' }],
      otherPolicyAwards: [{ policy: '丰台区某项措施', subject: 'KP-1', amount: 450000 }],
    });
    expect(validateRequest(request).ok).toBe(true);
  });

  it('says what only the row can tell: bad JSON, a list given twice, a value without a header', () => {
    const both = compileHeader(['year', 'modelFilings', 'modelFilings.1.id', 'modelFilings.1.date', '']);
    const origins = new Map<string, string>();
    const { issues } = rowToRequest([2026, '[{"id":"A","date":"2026-01-01"}]', 'B', '2026-02-01', 'stray'], both, origins);
    expect(issues).toEqual([
      {
        path: '',
        column: 'E (no header)',
        code: 'FTAI_ERR_UNKNOWN_FIELD',
        message: 'a value in column E, which has no header: expected it empty, or a header naming its field',
      },
      {
        path: 'facts.modelFilings',
        column: 'modelFilings.1.id',
        code: 'FTAI_ERR_INVALID_FIELD',
        message: 'given both as JSON (column "modelFilings") and in separate columns: expected one or the other',
      },
    ]);
    const bad = rowToRequest([2026, '[{"id":'], compileHeader(['year', 'modelFilings'])).issues;
    expect(bad[0]).toMatchObject({ path: 'facts.modelFilings', column: 'modelFilings', code: 'FTAI_ERR_INVALID_FIELD' });
    expect(bad[0]?.message).toMatch(/^expected a JSON list \[\{…\}, …\]: /);
  });

  it('is the inverse of requestToCells: the same validated request, for varied requests', () => {
    const requests = generateRequests(300, 11);
    const wide = registryHeader({ lang: 'en', items: 4 });
    const zhJson = registryHeader({ lang: 'zh', items: 3, json: ['history', 'otherPolicyAwards', 'incubator'] });
    fc.assert(
      fc.property(fc.constantFrom(...requests), fc.constantFrom(wide, zhJson), (request, header) => {
        const back = rowToRequest(requestToCells(request, header), compileHeader(header));
        expect(back.issues).toEqual([]);
        // An empty facts object has no cells: the row gives none.
        const { facts, ...rest } = request;
        const want = validateRequest(facts !== undefined && Object.keys(facts as object).length > 0 ? request : rest);
        const got = validateRequest(back.request);
        expect(got).toEqual(want);
      }),
      { numRuns: 300 },
    );
  });
});
