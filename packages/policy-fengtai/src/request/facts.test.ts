import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MEASURE_IDS } from '../policy.js';
import {
  ENTERPRISE_FIELDS,
  type EnterpriseFieldSpec,
  FACT_TOPICS,
  FACTS,
  type FactKind,
  type FactSpec,
  type FactText,
  type FactValueSpec,
} from './facts.js';
import { registryRequest, request } from './request-arbitraries.js';
import { creditCodeSchema, dateSchema, enterpriseSchema, factsSchema, growthRateSchema, moneySchema } from './request-schema.js';

/*
 * Each fact is declared once (facts.ts) and everything else is derived from it. These tests fail
 * when a fact lacks what the derivations need: labels in both languages, a kind, a topic, a
 * registry column, the unique field of a list, a generator that produces it; and when the zod
 * schema and the declaration disagree in any field, either way.
 */

const facts = FACTS as readonly FactSpec[];
const enterprise = ENTERPRISE_FIELDS as readonly EnterpriseFieldSpec[];
const KINDS: readonly FactKind[] = ['money', 'count', 'bool', 'date', 'text', 'rate', 'enum'];

/** The values inside a fact: itself, or the fields of its items or object, with their paths. */
function valuesOf(fact: FactSpec): { path: string; spec: FactValueSpec }[] {
  if (fact.kind === 'list') return fact.item.map((spec) => ({ path: `${fact.key}[].${spec.key}`, spec }));
  if (fact.kind === 'object') return fact.fields.map((spec) => ({ path: `${fact.key}.${spec.key}`, spec }));
  return [{ path: fact.key, spec: fact }];
}
const VALUES = facts.flatMap(valuesOf);

// ---------------------------------------------------------------------------------------------
// The schema.

// biome-ignore lint/suspicious/noExplicitAny: walks zod's definitions
type AnyZod = any;

/** Every field of a zod object as `path kind [required]`, lists as `[]`, enumerations with their values. */
function schemaFields(schema: AnyZod, path: string, required: boolean, out: string[]): string[] {
  const def = schema._zod.def;
  if (def.type === 'optional') return schemaFields(def.innerType, path, false, out);
  const kind =
    schema === moneySchema
      ? 'money'
      : schema === growthRateSchema
        ? 'rate'
        : schema === dateSchema
          ? 'date'
          : schema === creditCodeSchema
            ? 'creditCode'
            : def.type === 'boolean'
              ? 'bool'
              : def.type === 'number'
                ? 'count'
                : def.type === 'string'
                  ? 'text'
                  : def.type === 'enum'
                    ? `enum ${Object.values(def.entries).join('|')}`
                    : def.type;
  if (def.type === 'array') return schemaFields(def.element, `${path}[]`, required, out);
  if (def.type === 'object') {
    if (path) out.push(`${path} object${required ? ' required' : ''}`);
    for (const [key, sub] of Object.entries(def.shape)) schemaFields(sub, path ? `${path}.${key}` : key, true, out);
    return out;
  }
  out.push(`${path} ${kind}${required ? ' required' : ''}`);
  return out;
}

/** The same, from the declaration. */
function declaredFields(): string[] {
  const value = (path: string, v: FactValueSpec | EnterpriseFieldSpec, required: boolean) =>
    `${path} ${v.kind === 'enum' ? `enum ${('options' in v ? (v.options ?? []) : []).map((o) => o.value).join('|')}` : v.kind}${required ? ' required' : ''}`;
  return facts.flatMap((f) => {
    if (f.kind === 'list') return [`${f.key}[] object`, ...f.item.map((v) => value(`${f.key}[].${v.key}`, v, v.required === true))];
    if (f.kind === 'object') return [`${f.key} object`, ...f.fields.map((v) => value(`${f.key}.${v.key}`, v, v.required === true))];
    return [value(f.key, f, false)];
  });
}

describe('the request schema and the declaration of the facts', () => {
  it('have the same facts, the same fields of their items and objects, of the same kinds, required alike — both ways', () => {
    expect(schemaFields(factsSchema, '', true, [])).toEqual(declaredFields());
  });

  it('have the same fields of the enterprise', () => {
    expect(schemaFields(enterpriseSchema, '', true, [])).toEqual(enterprise.map((f) => `${f.key} ${f.kind}`));
  });
});

// ---------------------------------------------------------------------------------------------
// What each fact must have.

const HAN = '\\u4e00-\\u9fff';
/** The rules of CHINESE.md a machine can see (as shared/tools/check-chinese.mjs reads them). */
const RULES: readonly [string, RegExp][] = [
  ['half-width punctuation next to Chinese', new RegExp(`[${HAN}][,:;()?]|[,:;()?][${HAN}]`)],
  ['space between Chinese and a figure or Latin letter', new RegExp(`[${HAN}] +[0-9A-Za-z]|[0-9A-Za-z%] +[${HAN}]`)],
  ['ISO date in a Chinese text', /(?<![\w-])20\d\d-\d\d-\d\d(?![\w-])/],
  ['「」 quotation marks', /[「」]/],
  ['the text’s own terms (主营业务收入, not 营收)', /营收/],
];

/** Every text of the declaration, named by where it is. */
function texts(): { where: string; text: FactText }[] {
  const out: { where: string; text: FactText }[] = [];
  const value = (where: string, v: FactValueSpec) => {
    out.push({ where: `${where} label`, text: v.label });
    if (v.short) out.push({ where: `${where} short`, text: v.short });
    if (v.help) out.push({ where: `${where} help`, text: v.help });
    for (const o of v.options ?? []) out.push({ where: `${where}=${o.value}`, text: o.label });
  };
  for (const f of facts) {
    if (f.kind === 'list' || f.kind === 'object') {
      out.push({ where: `${f.key} label`, text: f.label });
      if (f.short) out.push({ where: `${f.key} short`, text: f.short });
      if (f.help) out.push({ where: `${f.key} help`, text: f.help });
      if (f.kind === 'list') out.push({ where: `${f.key} row`, text: f.row });
    }
    for (const { path, spec } of valuesOf(f)) value(path, spec);
  }
  for (const f of enterprise) out.push({ where: `enterprise.${f.key} label`, text: f.label });
  for (const tp of FACT_TOPICS)
    out.push({ where: `topic ${tp.key}`, text: tp.label }, { where: `topic ${tp.key} citation`, text: tp.citation });
  return out;
}

/** Every Chinese registry name: headers, earlier headers, notes, the words of enumerations. */
function registryTexts(): string[] {
  const names = (r: FactValueSpec['registry']) => [r.zh, ...(r.aliases ?? []), ...(r.note?.zh ? [r.note.zh] : [])];
  return [
    ...facts.flatMap((f) => (f.kind === 'list' || f.kind === 'object' ? [f.registry.zh] : [])),
    ...VALUES.flatMap(({ spec }) => [...names(spec.registry), ...(spec.options ?? []).flatMap((o) => o.registry)]),
    ...enterprise.flatMap((f) => names(f.registry)),
  ];
}

describe('every fact', () => {
  it('is labelled in Chinese and in English, every field of its items and objects and every value of its enumerations too', () => {
    const empty = texts().flatMap(({ where, text }) => [
      ...(text.zh.trim() ? [] : [`${where} zh`]),
      ...(text.en.trim() ? [] : [`${where} en`]),
    ]);
    expect(empty).toEqual([]);
    expect(texts().length).toBeGreaterThan(200);
  });

  it('reads in Chinese as CHINESE.md wants: labels, help, topics, registry headers', () => {
    const zh = [...texts().map(({ where, text }) => ({ where, zh: text.zh })), ...registryTexts().map((zh) => ({ where: 'registry', zh }))];
    const broken = zh.flatMap(({ where, zh }) => RULES.filter(([, re]) => re.test(zh)).map(([rule]) => `${where}: ${rule}: ${zh}`));
    expect(broken).toEqual([]);
  });

  it('has a kind the contract knows; an enumeration its values, each once, and nothing else has values', () => {
    for (const { path, spec } of VALUES) {
      expect(KINDS, path).toContain(spec.kind);
      if (spec.kind === 'enum') {
        const values = (spec.options ?? []).map((o) => o.value);
        expect(values.length, path).toBeGreaterThan(1);
        expect(new Set(values).size, path).toBe(values.length);
      } else {
        expect(spec.options, path).toBeUndefined();
      }
    }
    for (const f of facts) expect(f.kind === 'list' || f.kind === 'object' || !('required' in f), f.key).toBe(true);
  });

  it('has a registry column: a Chinese header, unique among its neighbours with the earlier headers, and words for every value', () => {
    const unique = (where: string, specs: readonly { registry: FactValueSpec['registry'] }[]) => {
      const names = specs.flatMap((s) => [s.registry.zh, ...(s.registry.aliases ?? [])]);
      expect(
        names.every((n) => n.trim() !== ''),
        where,
      ).toBe(true);
      expect(names.length, where).toBe(new Set(names).size);
    };
    unique('enterprise and scalar facts', [...enterprise, ...facts.filter((f) => f.kind !== 'list' && f.kind !== 'object')]);
    for (const f of facts) {
      if (f.kind === 'list' || f.kind === 'object') {
        expect(f.registry.zh.trim(), f.key).not.toBe('');
        unique(f.key, f.kind === 'list' ? f.item : f.fields);
      }
    }
    const groups = facts.filter((f) => f.kind === 'list' || f.kind === 'object').map((f) => f.registry.zh);
    expect(new Set(groups).size).toBe(groups.length);
    for (const { path, spec } of VALUES)
      for (const o of spec.options ?? []) expect(o.registry.length, `${path}=${o.value}`).toBeGreaterThan(0);
  });

  it('if a list, names the field whose value may not repeat: a required text of its items', () => {
    for (const f of facts) {
      if (f.kind !== 'list') continue;
      const field = f.item.find((x) => x.key === f.unique);
      expect(field, `${f.key}.${f.unique}`).toMatchObject({ kind: 'text', required: true });
    }
  });

  it('if a list, shows the form its fields in an order of its own fields, each once', () => {
    for (const f of facts) {
      if (f.kind === 'list' && f.formOrder) expect([...f.formOrder].sort(), f.key).toEqual(f.item.map((x) => x.key).sort());
    }
  });

  it('belongs to a topic of the checklist; every topic has facts and feeds measures of the catalogue', () => {
    const topics = FACT_TOPICS.map((tp) => tp.key as string);
    expect(new Set(topics).size).toBe(topics.length);
    for (const f of facts) expect(topics, f.key).toContain(f.topic);
    for (const tp of FACT_TOPICS) {
      expect(
        facts.some((f) => f.topic === tp.key),
        tp.key,
      ).toBe(true);
      expect(tp.measures.length, tp.key).toBeGreaterThan(0);
      for (const m of tp.measures) expect(MEASURE_IDS, tp.key).toContain(m);
    }
  });

  it('has one short label per field name, whatever the list, so that a table can label a field by its name alone', () => {
    const labels = new Map<string, Set<string>>();
    const add = (key: string, text: FactText) => {
      const set = labels.get(key) ?? new Set<string>();
      set.add(`${text.zh} | ${text.en}`);
      labels.set(key, set);
    };
    for (const f of facts) {
      for (const { spec } of f.kind === 'list' || f.kind === 'object' ? valuesOf(f) : []) add(spec.key, spec.short ?? spec.label);
    }
    const conflicts = [...labels].filter(([, set]) => set.size > 1).map(([key, set]) => `${key}: ${[...set].join(' / ')}`);
    expect(conflicts).toEqual([]);
    // … and no field name of an item is also the name of a fact or of a field of the enterprise.
    const top = [...facts.map((f) => f.key), ...enterprise.map((f) => f.key)];
    expect([...labels.keys()].filter((k) => top.includes(k))).toEqual([]);
    expect(new Set(top).size).toBe(top.length);
  });
});

// ---------------------------------------------------------------------------------------------
// The generator.

/** Every path of a value: `facts.modelFilings[].date`, and for enumerations `…=value`. */
function walk(value: unknown, path: string, seen: Set<string>): void {
  if (Array.isArray(value)) for (const v of value) walk(v, `${path}[]`, seen);
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k, seen);
  } else {
    seen.add(path);
    if (typeof value === 'string') seen.add(`${path}=${value}`);
  }
}

/** What the generated requests must give: every fact, every field of its items and objects, every value of its enumerations. */
const WANTED = [
  ...enterprise.map((f) => `enterprise.${f.key}`),
  ...VALUES.flatMap(({ path, spec }) => [`facts.${path}`, ...(spec.options ?? []).map((o) => `facts.${path}=${o.value}`)]),
];

describe('the generator of requests (request-arbitraries.ts, which the bench samples too)', () => {
  it.each([
    ['nearly every fact', request, 300],
    ['as a registry holds them, for the bench', registryRequest, 1500],
  ] as const)('gives every fact, every field of its items and objects and every value of its enumerations (%s)', (_name, arbitrary, n) => {
    const seen = new Set<string>();
    for (const r of fc.sample(arbitrary, { seed: 20251030, numRuns: n })) walk(r, '', seen);
    expect(WANTED.filter((p) => !seen.has(p))).toEqual([]);
  });
});
