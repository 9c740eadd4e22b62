import { checkPolicy, type ParameterDefinition, ParameterSet, type Policy } from '@ftai/engine';
import { fengtaiPolicy, MILESTONE_TIERS, POLICY_ID, POLICY_VERSION, parameters } from './policy.js';
import type { FengtaiRequest } from './request/request-schema.js';

/**
 * A new value for one parameter, in the unit of parameters.json: whole yuan, a rate such as
 * "25%", a number of years, true/false for a reading, or the full list of tiers.
 */
export interface ParameterChange {
  readonly parameter: string;
  readonly value: unknown;
}

/**
 * The parameters a calculation runs under. Version 1 is the package's own parameters.json (the
 * version string is the package's, POLICY_VERSION); version n > 1 is version 1 with the changes an
 * officer drafted and another approved, its version string `POLICY_VERSION+pN` — so an answer
 * names both the code and the parameters it used.
 */
export interface Edition {
  /** 1 for the package's parameters. */
  readonly number: number;
  /** What answers cite as `policy.version`. */
  readonly version: string;
  readonly changes: readonly ParameterChange[];
  readonly policy: Policy<FengtaiRequest>;
}

/** The package's own parameters: version 1. */
export const SHIPPED_EDITION: Edition = { number: 1, version: POLICY_VERSION, changes: [], policy: fengtaiPolicy };

/** The version string of parameter version `n` under this code: `2025.10.30-2+p3`. */
export function editionVersion(n: number): string {
  return n === 1 ? POLICY_VERSION : `${POLICY_VERSION}+p${n}`;
}

/** The parameter version number a version string names under this code, or null (another code's, or not ours). */
export function editionNumberOf(version: string): number | null {
  if (version === POLICY_VERSION) return 1;
  const m = /^(.*)\+p([1-9]\d*)$/.exec(version);
  return m && m[1] === POLICY_VERSION ? Number(m[2]) : null;
}

/** Why a change cannot be made, in both languages, naming the parameter. */
export interface ChangeIssue {
  readonly parameter: string;
  readonly index: number;
  readonly zh: string;
  readonly en: string;
}

export class EditionError extends Error {
  constructor(readonly issues: readonly ChangeIssue[]) {
    super(issues.map((i) => `${i.parameter}: ${i.en}`).join('; '));
    this.name = 'EditionError';
  }
}

const UNIT_EXPECTED: Record<string, { zh: string; en: string }> = {
  yuan: { zh: '应为不小于0的整数（元）', en: 'expected whole yuan, 0 or more' },
  rate: { zh: '应为百分比，如“25%”', en: 'expected a rate such as "25%"' },
  years: { zh: '应为不小于1的整数（年）', en: 'expected a whole number of years, 1 or more' },
  switch: { zh: '应为是或否（true/false）', en: 'expected true or false' },
  tiers: {
    zh: '应为分档列表，每档有金额及起点（min）或标志（flag），并有中英文名称',
    en: 'expected a list of tiers, each with an amount, a min or a flag, and a label in both languages',
  },
};

/** The definitions of version 1 with `changes` applied: each changed parameter holds its new value alone. */
function changedDefinitions(changes: readonly ParameterChange[], authority: string | undefined): ParameterDefinition[] {
  const byId = new Map(changes.map((c) => [c.parameter, c]));
  return parameters.definitions().map((def) => {
    const change = byId.get(def.id);
    if (!change) return def;
    const first = def.values[0]?.from ?? fengtaiPolicy.inForce.from;
    // A figure the bureau fixed in a document is no longer an assumption; a reading stays one.
    const fixed = def.unit !== 'switch';
    const title = authority ? `《${authority.replace(/^《|》$/g, '')}》` : undefined;
    return {
      ...def,
      ...(fixed ? { assumed: undefined } : {}),
      ...(fixed && title ? { basis: { zh: `${def.label.zh}依据${title}确定`, en: `${def.label.en} as fixed by ${title}` } } : {}),
      values: [{ from: first, value: change.value }],
    };
  });
}

/**
 * What is wrong with a set of changes, each issue naming its parameter: unknown or repeated
 * parameters, values off their unit, milestone tiers whose ids differ from version 1's (the ledger
 * names paid tiers by id), tiers without both labels, or readings the engine does not implement.
 *
 * @example checkChanges([{ parameter: '1.rate', value: 'a lot' }])[0].zh // '应为百分比，如“25%”'
 */
export function checkChanges(changes: readonly ParameterChange[]): ChangeIssue[] {
  const issues: ChangeIssue[] = [];
  const seen = new Set<string>();
  changes.forEach((c, index) => {
    const def = parameters.has(c.parameter) ? parameters.definitions().find((d) => d.id === c.parameter) : undefined;
    if (!def) {
      issues.push({ parameter: c.parameter, index, zh: '本政策没有该参数', en: 'the policy has no such parameter' });
      return;
    }
    if (seen.has(c.parameter)) {
      issues.push({ parameter: c.parameter, index, zh: '同一参数只能修改一次', en: 'the parameter is changed twice' });
      return;
    }
    seen.add(c.parameter);
    try {
      new ParameterSet([{ ...def, values: [{ from: '2025-10-30', value: c.value }] }]);
    } catch {
      issues.push({ parameter: c.parameter, index, ...(UNIT_EXPECTED[def.unit] as { zh: string; en: string }) });
      return;
    }
    if (def.unit === 'tiers') {
      const tiers = c.value as { id?: string; label?: { zh?: unknown; en?: unknown } }[];
      if (tiers.some((t) => typeof t.label?.zh !== 'string' || t.label.zh === '' || typeof t.label?.en !== 'string' || t.label.en === '')) {
        issues.push({ parameter: c.parameter, index, zh: '每一档都应有中英文名称', en: 'every tier needs a label in both languages' });
      }
      for (const [, ids] of MILESTONE_TIERS) {
        const old = ((def.values[0]?.value ?? []) as { id?: string }[]).map((t) => t.id);
        if (!old.some((id) => id !== undefined && ids.includes(id))) continue;
        const now = tiers.map((t) => t.id);
        if (now.length !== old.length || old.some((id) => !now.includes(id))) {
          issues.push({
            parameter: c.parameter,
            index,
            zh: `达到档位的档次不可增减或改名（${old.join('、')}），只可修改起点和金额`,
            en: `milestone tiers keep their ids (${old.join(', ')}); only their thresholds and amounts change`,
          });
        }
      }
    }
  });
  if (issues.length > 0) return issues;
  const policy = { ...fengtaiPolicy, parameters: new ParameterSet(changedDefinitions(changes, undefined)) };
  for (const problem of checkPolicy(policy)) {
    const parameter = changes.find((c) => problem.includes(c.parameter))?.parameter ?? '';
    issues.push({
      parameter,
      index: changes.findIndex((c) => c.parameter === parameter),
      zh: `该取值尚未实现：${problem}`,
      en: `not implemented: ${problem}`,
    });
  }
  return issues;
}

/**
 * The policy under parameter version `number`: version 1 with `changes`. `authority` (the
 * document that fixed the figures, e.g. 2027年度申报指南) is cited wherever a changed figure is
 * used, in place of the assumption it may have stood for. Throws EditionError when the changes are not valid.
 *
 * @example calculate(request, { edition: makeEdition(2, [{ parameter: '1.rate', value: '25%' }], '2027年度申报指南') })
 */
export function makeEdition(number: number, changes: readonly ParameterChange[], authority?: string): Edition {
  if (number === 1 && changes.length === 0) return SHIPPED_EDITION;
  const issues = checkChanges(changes);
  if (issues.length > 0) throw new EditionError(issues);
  const version = editionVersion(number);
  const policy: Policy<FengtaiRequest> = {
    ...fengtaiPolicy,
    version,
    parameters: new ParameterSet(changedDefinitions(changes, authority)),
  };
  return { number, version, changes, policy };
}

/**
 * A parameter file, as `ftai calc --parameters FILE` reads it: either a version exported from the
 * platform (`{ "policy": "fengtai-ai-2025", "changes": [ { "parameter", "value" } ], … }`,
 * optionally with its `number` and `authority`) or a whole parameters.json. A whole file is read as
 * the changes it makes to version 1.
 */
export function editionFromFile(json: unknown, fallbackNumber = 0): Edition {
  const file = json as { policy?: unknown; number?: unknown; authority?: unknown; changes?: unknown; parameters?: unknown };
  if (file === null || typeof file !== 'object')
    throw new EditionError([{ parameter: '', index: -1, zh: '参数文件应为JSON对象', en: 'a parameter file is a JSON object' }]);
  if (file.policy !== undefined && file.policy !== POLICY_ID) {
    throw new EditionError([
      { parameter: '', index: -1, zh: `参数文件不属于本政策（${POLICY_ID}）`, en: `the file is not for ${POLICY_ID}` },
    ]);
  }
  const authority = typeof file.authority === 'string' ? file.authority : undefined;
  const number = typeof file.number === 'number' && Number.isSafeInteger(file.number) && file.number >= 1 ? file.number : fallbackNumber;
  if (Array.isArray(file.changes)) {
    const changes = (file.changes as { parameter?: unknown; value?: unknown }[]).map((c) => ({
      parameter: String(c?.parameter ?? ''),
      value: c?.value,
    }));
    return makeEdition(number, changes, authority);
  }
  if (Array.isArray(file.parameters)) {
    const changes: ParameterChange[] = [];
    for (const def of file.parameters as { id?: unknown; values?: { value: unknown }[] }[]) {
      const ours = parameters.definitions().find((d) => d.id === def?.id);
      const value = def?.values?.[def.values.length - 1]?.value;
      if (!ours) changes.push({ parameter: String(def?.id ?? ''), value });
      else if (JSON.stringify(value) !== JSON.stringify(ours.values[ours.values.length - 1]?.value))
        changes.push({ parameter: ours.id, value });
    }
    return makeEdition(changes.length === 0 ? 1 : number, changes, authority);
  }
  throw new EditionError([
    { parameter: '', index: -1, zh: '参数文件应有 changes 或 parameters 列表', en: 'a parameter file has a changes or a parameters list' },
  ]);
}
