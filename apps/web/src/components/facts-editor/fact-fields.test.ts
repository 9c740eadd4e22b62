import { calculate, validateRequest } from '@ftai/policy-fengtai';
import { ENTERPRISE_FIELDS, FACTS, type FactSpec } from '@ftai/policy-fengtai/facts';
import { describe, expect, it } from 'vitest';
import { officer } from '../../locales/officer';
import { compactFactLabels, compactFactValueLabels, FACT_FIELDS, factFieldOfPath, TOPICS, withTopicOf } from './fact-fields';

const HAN = '\\u4e00-\\u9fff';
/** CHINESE.md's rules a machine can see (as ../shared/tools/check-chinese.mjs reads them). */
const BREAKS: readonly [string, RegExp][] = [
  ['half-width punctuation next to Chinese', new RegExp(`[${HAN}][,:;()]|[,:;()][${HAN}]`)],
  ['space between Chinese and a figure or Latin letter', new RegExp(`[${HAN}] +[0-9A-Za-z]|[0-9A-Za-z%] +[${HAN}]`)],
];

describe('a contract path names the field of the facts form', () => {
  it.each([
    ['facts.previousRevenue', ['previousRevenue'], 'revenue', '上年度主营业务收入', "Last year's revenue"],
    ['facts.priorMaxRevenue', ['priorMaxRevenue'], 'revenue', '以往年度最高主营业务收入', 'Highest revenue of any earlier year'],
    ['facts.previousRdSpend', ['previousRdSpend'], 'rd', '上年度研发费用', "Last year's R&D spend"],
    ['facts.incubator.investment', ['incubator', 'investment'], 'incubator', '孵化器建设投入', 'Construction investment'],
    [
      'facts.agentCompetitionPrizes[0].prize',
      ['agentCompetitionPrizes', 0, 'prize'],
      'agents',
      '奖项1：大赛设定的奖金',
      'Prize 1: Prize set',
    ],
    [
      'facts.firstSetProducts[2].catalogueDate',
      ['firstSetProducts', 2, 'catalogueDate'],
      'firstSet',
      '产品3：入选目录日期',
      'Product 3: Catalogue date',
    ],
    ['facts.modelFilings[1]', ['modelFilings', 1], 'models', '大模型2', 'Model 2'],
    [
      'facts.modelFilings',
      ['modelFilings'],
      'models',
      '通过国家生成式人工智能备案的大模型',
      'Models that passed the national generative-AI filing',
    ],
    ['facts.incubator.nothing', ['incubator'], 'incubator', '孵化器', 'Incubator'],
  ] as const)('%s → %j under %s, labelled %s', (path, name, topic, zh, en) => {
    expect(factFieldOfPath(path)).toEqual({ path, name, topic, label: { zh, en } });
  });
  it.each(['previousRevenue', 'facts.unknownField', 'history[0].subject', 'enterprise.name', ''])('%s names no field', (path) => {
    expect(factFieldOfPath(path)).toBeUndefined();
  });

  it('names every field the engine says is missing, as the engine’s own reason names it', () => {
    const requests = [
      { facts: { rdSpend: 12_000_000 } }, // 4.3: the year before is missing
      { facts: { revenue: 120_000_000 } }, // 5.1 and 5.2: no earlier revenue at all
      { facts: { revenue: 120_000_000, previousRevenue: 60_000_000 } }, // 5.2: no industry average
      { facts: { incubator: { rating: 'ministry-excellent' } } }, // 8.1: no investment
    ];
    const seen = new Set<string>();
    for (const r of requests) {
      const enterprise = { registeredInFengtai: true, taxResidentInFengtai: true, seriousDishonesty: false };
      const v = validateRequest({ year: 2026, enterprise, ...r });
      if (!v.ok) throw new Error(JSON.stringify(v.issues));
      for (const result of calculate(v.request, { lang: 'zh' }).results) {
        if (result.status !== 'incomplete') continue;
        for (const path of result.missing ?? []) {
          const field = factFieldOfPath(path);
          expect(field, path).toBeDefined();
          // The form's label is the one the reason quotes: 缺少“上年度主营业务收入”，无法测算.
          expect(result.reasons?.join(''), path).toContain(`“${field?.label.zh}”`);
          seen.add(path);
        }
      }
    }
    expect([...seen].sort()).toEqual([
      'facts.incubator.investment',
      'facts.industryAverageGrowthRate',
      'facts.previousRdSpend',
      'facts.previousRevenue',
      'facts.priorMaxRevenue',
    ]);
  });

  it('adds the topic of a path, in checklist order, once', () => {
    expect(withTopicOf(['compute', 'incubator'], 'facts.previousRevenue')).toEqual(['compute', 'revenue', 'incubator']);
    expect(withTopicOf(['revenue'], 'facts.previousRevenue')).toEqual(['revenue']);
    expect(withTopicOf(['compute'], 'history[0].subject')).toEqual(['compute']);
  });
});

describe('the new optional fields of the request', () => {
  const item = (list: string, key: string) => {
    const f = FACT_FIELDS.find((x) => x.key === list);
    return f?.kind === 'list' ? f.item.find((i) => i.key === key) : undefined;
  };
  it('asks the award date of an agent competition prize (获奖日期) and the catalogue date of a first-set product (入选目录日期), both optional', () => {
    expect(item('agentCompetitionPrizes', 'date')).toEqual({
      key: 'date',
      kind: 'date',
      label: { zh: '获奖日期', en: 'Award date' },
      required: false,
    });
    expect(item('firstSetProducts', 'catalogueDate')).toMatchObject({ kind: 'date', label: { zh: '入选目录日期' } });
    expect(item('firstSetProducts', 'catalogueDate')?.required).toBeFalsy();
  });
});

describe('the form’s Chinese', () => {
  it('follows CHINESE.md: full-width punctuation, no space between Chinese and figures', () => {
    const texts = FACT_FIELDS.flatMap((f) => [
      f.label.zh,
      f.help.zh,
      ...(f.kind === 'list' ? f.item.map((i) => i.label.zh) : f.kind === 'object' ? f.fields.map((i) => i.label.zh) : []),
    ]);
    const broken = texts.flatMap((text) => BREAKS.filter(([, re]) => re.test(text)).map(([rule]) => `${rule}: ${text}`));
    expect(broken).toEqual([]);
  });
});

describe('the declaration of the facts (@ftai/policy-fengtai/facts), as the form and the officer read it', () => {
  const facts = FACTS as readonly FactSpec[];

  it('gives the form every fact, in the contract’s order, each under its topic, every field of its items and objects', () => {
    expect(FACT_FIELDS.map((f) => f.key)).toEqual(facts.map((f) => f.key));
    expect(TOPICS.flatMap((tp) => tp.fields).sort()).toEqual(facts.map((f) => f.key).sort());
    for (const f of facts) {
      const field = FACT_FIELDS.find((x) => x.key === f.key);
      const parts = field?.kind === 'list' ? field.item : field?.kind === 'object' ? field.fields : [];
      const declared = f.kind === 'list' ? f.item : f.kind === 'object' ? f.fields : [];
      expect(parts.map((p) => p.key).sort(), f.key).toEqual(declared.map((d) => d.key).sort());
      for (const d of declared) {
        expect(
          parts.find((p) => p.key === d.key),
          `${f.key}.${d.key}`,
        ).toMatchObject({ label: d.label, required: d.required === true });
      }
    }
  });

  it('labels every field of the enterprise, every fact and every field of its items for the officer, in both languages: none by its key', () => {
    const keys = [
      ...ENTERPRISE_FIELDS.map((f) => f.key),
      ...facts.flatMap((f) => [f.key, ...(f.kind === 'list' ? f.item : f.kind === 'object' ? f.fields : []).map((x) => x.key)]),
    ];
    for (const lang of ['zh', 'en'] as const) {
      const labels = officer[lang].fact as Readonly<Record<string, string>>;
      const missing = keys.filter((k) => typeof labels[k] !== 'string' || labels[k] === '');
      expect(missing, lang).toEqual([]);
      expect(labels).toEqual(compactFactLabels(lang));
    }
    // An amount says its unit; a list does not.
    expect(officer.zh.fact.computeSpend).toBe('算力实际投入（元）');
    // Every choice by its words (an event's kind forum → 行业论坛), in both languages.
    expect(officer.zh.factValue).toEqual(compactFactValueLabels('zh'));
    expect(officer.zh.factValue.kind?.forum).toBe('行业论坛');
    expect(officer.en.factValue.kind?.forum).toBe('Forum');
    expect(Object.keys(officer.zh.factValue).sort()).toEqual(Object.keys(officer.en.factValue).sort());
    expect(officer.en.fact.computeSpend).toBe('Compute spend (yuan)');
    expect(officer.zh.fact.modelFilings).toBe('大模型备案');
    expect(officer.zh.fact.catalogueDate).toBe('入选目录日期');
  });
});
