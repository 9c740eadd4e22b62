import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENTERPRISE_MEASURE_IDS, MILESTONE_TIERS, measures, validateRequest } from '@ftai/policy-fengtai';
import { REGISTRY_HISTORY_ITEMS, REGISTRY_LIST_ITEMS } from '@ftai/policy-fengtai/arbitraries';
import { ENTERPRISE_FIELDS, FACTS } from '@ftai/policy-fengtai/facts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateRequests } from '../../../bench/generate-requests.mjs';
import { COLUMN_GROUPS, MILESTONE_TIER_WORDS } from './registry-columns.js';
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

  it('is documented column by column in docs/registry-columns.md, earlier Chinese names and allowed values too', () => {
    for (const group of COLUMN_GROUPS) {
      if (group.kind !== 'scalars') expect(GUIDE, group.key).toContain(`\`${group.key}\``);
      for (const f of group.fields) {
        const key = group.kind === 'scalars' ? f.key : group.kind === 'object' ? `${group.key}.${f.key}` : `${group.key}.N.${f.key}`;
        const zh = (name: string) =>
          group.kind === 'scalars' ? name : group.kind === 'object' ? `${group.zh}-${name}` : `${group.zh}N-${name}`;
        const line = GUIDE.split('\n').find((l) => l.startsWith(`| \`${key}\` |`));
        expect(line, key).toBeDefined();
        expect(line, key).toContain(`| ${zh(f.zh)}`);
        for (const alias of f.aliases ?? []) expect(line, `${key} also read as ${alias}`).toContain(zh(alias));
        // Every allowed value, and the first Chinese word for it, where the guide lists them.
        for (const [value, words] of Object.entries(f.values ?? {})) {
          expect(GUIDE, `${key}: ${value}`).toContain(`\`${value}\``);
          expect(GUIDE, `${key}: ${value}`).toContain(words[0] as string);
        }
      }
    }
    for (const tiers of Object.values(MILESTONE_TIER_WORDS)) {
      for (const [tier, words] of Object.entries(tiers)) expect(GUIDE).toContain(`| \`${tier}\` | ${words[0]} |`);
    }
  });

  it('has a column for every field of the enterprise and the facts as their declaration names them, and for no other', () => {
    const paths = (container: string) =>
      COLUMN_GROUPS.flatMap((g) =>
        g.container !== container ? [] : g.kind === 'scalars' ? g.fields.map((f) => f.key) : g.fields.map((f) => `${g.key}.${f.key}`),
      );
    expect(paths('enterprise')).toEqual(ENTERPRISE_FIELDS.map((f) => f.key));
    expect(paths('facts').sort()).toEqual(
      FACTS.flatMap((f): string[] =>
        f.kind === 'list'
          ? f.item.map((x) => `${f.key}.${x.key}`)
          : f.kind === 'object'
            ? f.fields.map((x) => `${f.key}.${x.key}`)
            : [f.key],
      ).sort(),
    );
  });

  it('documents no column it does not have, under its list or object, in the order of the template', () => {
    const columns = GUIDE.slice(GUIDE.indexOf('## The columns'), GUIDE.indexOf('## What comes out'));
    const documented = [...columns.matchAll(/^\| `([^`]+)` \| /gm)].map((m) => m[1]);
    const known = COLUMN_GROUPS.flatMap((group) =>
      group.fields.map((f) =>
        group.kind === 'scalars' ? f.key : group.kind === 'object' ? `${group.key}.${f.key}` : `${group.key}.N.${f.key}`,
      ),
    );
    expect(documented).toEqual(known);
    const headings = [...columns.matchAll(/^### `([^`]+)` — (.+)$/gm)].map((m) => `${m[1]} ${m[2]}`);
    expect(headings).toEqual(COLUMN_GROUPS.flatMap((g) => (g.kind === 'scalars' ? [] : [`${g.key} ${g.zh}`])));
  });

  it('keeps its new fields official: a prize date, a catalogue date, an other award by measure, in the Chinese of the text', () => {
    const zh = compileHeader(['年度', '智能体大赛奖项1-获奖日期', '首台套产品2-入选目录日期', '其他政策支持1-对应本措施事项']);
    const en = compileHeader(['year', 'agentCompetitionPrizes.1.date', 'firstSetProducts.2.catalogueDate', 'otherPolicyAwards.1.measure']);
    for (const mapping of [zh, en]) {
      expect(mapping.problems).toEqual([]);
      expect(mapping.targets.slice(1).map((t) => (t.kind === 'item-field' ? `${t.group.key}.${t.n}.${t.field.key}` : t.kind))).toEqual([
        'agentCompetitionPrizes.1.date',
        'firstSetProducts.2.catalogueDate',
        'otherPolicyAwards.1.measure',
      ]);
    }
    expect(registryHeader({ lang: 'zh', items: 1 })).toEqual(
      expect.arrayContaining([
        '智能体大赛奖项1-获奖日期（YYYY-MM-DD）',
        '首台套产品1-入选目录日期（YYYY-MM-DD）',
        '其他政策支持1-对应本措施事项',
      ]),
    );
  });

  it('still reads the Chinese names of earlier templates', () => {
    const mapping = compileHeader([
      '年度',
      '营业收入（元）',
      '上年营业收入',
      '往年最高营业收入',
      '研发投入',
      '上年研发投入',
      '行业平均增速',
      '孵化器-建设投资',
      '产业园区1-建设投资',
      '智能体大赛奖项1-奖金',
    ]);
    expect(mapping.problems).toEqual([]);
    const fields = mapping.targets.map((t) =>
      t.kind === 'scalar' || t.kind === 'object-field' ? t.path : t.kind === 'item-field' ? `${t.group.key}.${t.n}.${t.field.key}` : t.kind,
    );
    expect(fields).toEqual([
      'year',
      'facts.revenue',
      'facts.previousRevenue',
      'facts.priorMaxRevenue',
      'facts.rdSpend',
      'facts.previousRdSpend',
      'facts.industryAverageGrowthRate',
      'facts.incubator.investment',
      'industrialParks.1.investment',
      'agentCompetitionPrizes.1.prize',
    ]);
    // The old and the new name of one column are the same column.
    expect(compileHeader(['年度', '营业收入', '本年度主营业务收入']).problems).toEqual([
      'columns "营业收入" and "本年度主营业务收入" both fill facts.revenue',
    ]);
  });

  it("knows the policy's tiers and enterprise-level measures, no more and no fewer", () => {
    expect(Object.keys(MILESTONE_TIER_WORDS)).toEqual([...MILESTONE_TIERS.keys()]);
    for (const [measure, tiers] of MILESTONE_TIERS) expect(Object.keys(MILESTONE_TIER_WORDS[measure] ?? {})).toEqual(tiers);
    const awardMeasure = COLUMN_GROUPS.find((g) => g.kind === 'list' && g.key === 'otherPolicyAwards')?.fields.find(
      (f) => f.key === 'measure',
    );
    expect(Object.keys(awardMeasure?.values ?? {})).toEqual(ENTERPRISE_MEASURE_IDS);
    // Named as `ftai measures` names them, each name once.
    const names = Object.values(awardMeasure?.values ?? {}).map((words) => words[0]);
    expect(names).toEqual(ENTERPRISE_MEASURE_IDS.map((id) => measures.find((m) => m.id === id)?.name.zh));
    expect(new Set(names).size).toBe(names.length);
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
      '本年度主营业务收入（元）': '¥120000000',
      所在行业平均增幅: '15%',
      '模型备案2-编号': 'Beijing-1',
      '模型备案2-日期（YYYY-MM-DD）': '2026/3/1',
      '模型备案2-工业（是/否）': '否',
      '资质认定1-编号': 'R-1',
      '资质认定1-类型': '高新技术企业',
      '资质认定1-日期（YYYY-MM-DD）': '2026年11月10日',
      '重点项目1-编号': 'KP-1',
      '重点项目1-级别': '国家级',
      '重点项目1-支持资金（元）': 8000000,
      '智能体大赛奖项1-编号': 'AC-1',
      '智能体大赛奖项1-大赛设定的奖金（元）': '800,000',
      '智能体大赛奖项1-获奖日期（YYYY-MM-DD）': '2026年8月18日',
      '首台套产品1-编号': 'FS-1',
      '首台套产品1-入选北京目录（是/否）': '是',
      '首台套产品1-入选目录日期（YYYY-MM-DD）': '2026/4/1',
      '本政策往年支持1-措施': '1',
      '本政策往年支持1-年度': 2025,
      '本政策往年支持1-金额（元）': '900000',
      '本政策往年支持2-措施': 5.1,
      '本政策往年支持2-年度': 2025,
      '本政策往年支持2-对象': '5000万元',
      '本政策往年支持2-金额（元）': '200,000',
      '本政策往年支持3-措施': '5.4',
      '本政策往年支持3-年度': 2025,
      '本政策往年支持3-金额（元）': 0,
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
        agentCompetitionPrizes: [{ id: 'AC-1', prize: '800000', date: '2026-08-18' }],
        firstSetProducts: [{ id: 'FS-1', inBeijingCatalogue: true, catalogueDate: '2026-04-01' }],
      },
      history: [
        { measure: '1', year: 2025, subject: null, amount: '900000' },
        // 5.1 names its tier, written as the text writes it.
        { measure: '5.1', year: 2025, subject: 'revenue-50m', amount: '200000' },
        { measure: '5.4', year: 2025, subject: null, amount: 0 },
      ],
      otherPolicyAwards: [{ policy: '丰台区某项措施', subject: 'KP-1', amount: 450000 }],
    });
    expect(validateRequest(request).ok).toBe(true);
  });

  it('reads an other award by measure, as its id or its name, and a 5.1 tier however the text writes it', () => {
    const zh = registryHeader({ lang: 'zh', items: 2 });
    const cells = row(zh, {
      年度: 2026,
      '其他政策支持1-政策': '丰台区专精特新企业奖励',
      '其他政策支持1-对应本措施事项': '首次认定国家专精特新“小巨人”企业',
      '其他政策支持1-金额（元）': '500000',
      '其他政策支持2-政策': '丰台区算力券',
      '其他政策支持2-对应本措施事项': 1,
      '其他政策支持2-金额（元）': '300000',
      '本政策往年支持1-措施': '5.1',
      '本政策往年支持1-年度': 2025,
      '本政策往年支持1-对象': '主营业务收入首次达到1亿元',
      '本政策往年支持1-金额（元）': '300000',
      '本政策往年支持2-措施': '5.1',
      '本政策往年支持2-年度': 2025,
      '本政策往年支持2-对象': '首次达规',
      '本政策往年支持2-金额（元）': '100000',
    });
    const { request, issues } = rowToRequest(cells, compileHeader(zh));
    expect(issues).toEqual([]);
    expect(request.otherPolicyAwards).toEqual([
      { policy: '丰台区专精特新企业奖励', measure: '5.3a', amount: '500000' },
      { policy: '丰台区算力券', measure: '1', amount: '300000' },
    ]);
    expect(request.history).toEqual([
      { measure: '5.1', year: 2025, subject: 'revenue-100m', amount: '300000' },
      { measure: '5.1', year: 2025, subject: 'above-designated-size', amount: '100000' },
    ]);
    expect(validateRequest(request).ok).toBe(true);
    // A tier word is a tier for 5.1 only: elsewhere a subject stays as written.
    const other = rowToRequest(
      row(zh, {
        年度: 2026,
        '本政策往年支持1-措施': '6.4',
        '本政策往年支持1-年度': 2025,
        '本政策往年支持1-对象': '首次达规',
        '本政策往年支持1-金额（元）': 1,
      }),
      compileHeader(zh),
    );
    expect(other.request.history).toEqual([{ measure: '6.4', year: 2025, subject: '首次达规', amount: 1 }]);
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
    // Numbered columns for every item of the longest list, or JSON.
    const json = ['history', 'otherPolicyAwards', 'incubator'];
    const wide = {
      header: registryHeader({ lang: 'en', items: Math.max(REGISTRY_LIST_ITEMS, REGISTRY_HISTORY_ITEMS) }),
      json: [] as string[],
    };
    const zhJson = { header: registryHeader({ lang: 'zh', items: REGISTRY_LIST_ITEMS, json }), json };
    /** An empty list or object has no cells but in a JSON column: the row gives none, so neither does the request. */
    const withoutEmpty = (value: Record<string, unknown>, inJson: readonly string[]): Record<string, unknown> =>
      Object.fromEntries(
        Object.entries(value).flatMap(([k, v]): [string, unknown][] => {
          const x = k === 'facts' && v !== null && typeof v === 'object' ? withoutEmpty(v as Record<string, unknown>, inJson) : v;
          const empty = Array.isArray(x) ? x.length === 0 : x !== null && typeof x === 'object' && Object.keys(x).length === 0;
          return empty && !inJson.includes(k) ? [] : [[k, x]];
        }),
      );
    fc.assert(
      fc.property(fc.constantFrom(...requests), fc.constantFrom(wide, zhJson), (request, { header, json }) => {
        const back = rowToRequest(requestToCells(request, header), compileHeader(header));
        expect(back.issues).toEqual([]);
        expect(validateRequest(back.request)).toEqual(validateRequest(withoutEmpty(request, json)));
      }),
      { numRuns: 300 },
    );
  });
});
