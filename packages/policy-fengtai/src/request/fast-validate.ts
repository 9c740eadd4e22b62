import { isCalendarDate, parseYuanToFen } from '@ftai/engine';
import { _, Ajv, type AnySchemaObject, type KeywordCxt } from 'ajv';
import { z } from 'zod';
import { creditCodeProblem } from './credit-code.js';
import {
  creditCodeSchema,
  dateSchema,
  type FengtaiRequest,
  growthRateSchema,
  moneySchema,
  parseGrowthRate,
  requestSchema,
} from './request-schema.js';

/**
 * A fast path for VALID requests, derived at module load from the zod schema (request-schema.ts,
 * the single source of truth): a JSON Schema from `z.toJSONSchema`, compiled by Ajv, with the
 * schemas zod cannot express (money, growth rate, dates, credit code) as custom keywords that
 * call the very functions the zod schema calls; and a converter, compiled from the zod schema's
 * definition, that turns an accepted input into exactly zod's output (money in fen, rates as
 * {num, den}, keys in the schema's order, a key given as undefined kept as undefined).
 *
 * The fast path only ever says "valid, here is the output" or "don't know": every input it does
 * not accept goes through zod, which decides and words the issues.
 */

type Keyword = 'ftaiMoney' | 'ftaiRate' | 'ftaiDate' | 'ftaiCreditCode';

/** The zod schemas replaced by custom keywords, recognised by identity. */
const KEYWORDS = new Map<unknown, Keyword>([
  [moneySchema, 'ftaiMoney'],
  [growthRateSchema, 'ftaiRate'],
  [dateSchema, 'ftaiDate'],
  [creditCodeSchema, 'ftaiCreditCode'],
]);

const KEYWORD_CHECKS: Record<Keyword, (data: unknown) => boolean> = {
  ftaiMoney: (data) => parseYuanToFen(data) !== null,
  ftaiRate: (data) => parseGrowthRate(data) !== null,
  ftaiDate: (data) => isCalendarDate(data),
  ftaiCreditCode: (data) => typeof data === 'string' && creditCodeProblem(data) === null,
};

// ---------------------------------------------------------------------------------------------
// 1. The JSON Schema.

function buildJsonSchema(): AnySchemaObject {
  const json = z.toJSONSchema(requestSchema, {
    target: 'draft-07',
    io: 'input',
    unrepresentable: 'any',
    override: (ctx) => {
      const keyword = KEYWORDS.get(ctx.zodSchema);
      if (keyword === undefined) return;
      const target = ctx.jsonSchema as Record<string, unknown>;
      for (const key of Object.keys(target)) delete target[key];
      target[keyword] = true;
    },
  }) as AnySchemaObject;
  delete json.$schema;
  return json;
}

/**
 * Why the JSON Schema could accept more than zod: a schema that says nothing (something zod
 * could not express), or an object open to other keys. Empty when all is well.
 */
function jsonSchemaProblems(schema: AnySchemaObject, path = '#'): string[] {
  const problems: string[] = [];
  const keys = Object.keys(schema);
  const says = keys.some((k) => k === 'type' || k === 'enum' || k === 'const' || k === 'anyOf' || k in KEYWORD_CHECKS);
  if (!says) problems.push(`${path}: accepts anything`);
  if (schema.type === 'object' && schema.additionalProperties !== false) problems.push(`${path}: open to other keys`);
  for (const [name, sub] of Object.entries((schema.properties ?? {}) as Record<string, AnySchemaObject>)) {
    problems.push(...jsonSchemaProblems(sub, `${path}/properties/${name}`));
  }
  if (schema.items !== undefined) problems.push(...jsonSchemaProblems(schema.items as AnySchemaObject, `${path}/items`));
  ((schema.anyOf ?? []) as AnySchemaObject[]).forEach((sub, i) => {
    problems.push(...jsonSchemaProblems(sub, `${path}/anyOf/${i}`));
  });
  return problems;
}

// ---------------------------------------------------------------------------------------------
// 2. The converter, compiled from the zod schema's definition.

/** Turns a value Ajv accepted into zod's output; null: the value itself (a string, number, boolean, null). */
type Convert = ((value: never) => unknown) | null;

/** What the zod checks on a string or number may be: what the JSON Schema says too. */
const PLAIN_CHECKS = new Set(['min_length', 'max_length', 'greater_than', 'less_than', 'number_format']);

class Unsupported extends Error {}

// biome-ignore lint/suspicious/noExplicitAny: walks zod's internal definitions
type AnyZod = any;

function converterOf(schema: AnyZod, path: string): Convert {
  const keyword = KEYWORDS.get(schema);
  if (keyword === 'ftaiMoney') return parseYuanToFen as Convert;
  if (keyword === 'ftaiRate') return parseGrowthRate as Convert;
  if (keyword !== undefined) return null;
  const def = schema._zod.def;
  switch (def.type) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'enum':
    case 'null': {
      for (const check of def.checks ?? []) {
        if (!PLAIN_CHECKS.has(check._zod.def.check)) throw new Unsupported(`${path}: a ${check._zod.def.check} check`);
      }
      return null;
    }
    case 'optional': {
      const inner = converterOf(def.innerType, path);
      return inner === null ? null : (value: unknown) => (value === undefined ? undefined : (inner as (v: unknown) => unknown)(value));
    }
    case 'array': {
      const item = converterOf(def.element, `${path}[]`) as ((v: unknown) => unknown) | null;
      return (value: unknown[]) => {
        const out: unknown[] = [];
        for (let i = 0; i < value.length; i++) out.push(item === null ? value[i] : item(value[i]));
        return out;
      };
    }
    case 'union': {
      const options = def.options as AnyZod[];
      const others = options.filter((o) => o._zod.def.type !== 'null');
      if (options.length !== 2 || others.length !== 1) throw new Unsupported(`${path}: a union other than X | null`);
      const inner = converterOf(others[0], path) as ((v: unknown) => unknown) | null;
      return inner === null ? null : (value: unknown) => (value === null ? null : inner(value));
    }
    case 'object':
      return objectConverter(def, path);
    default:
      throw new Unsupported(`${path}: a zod ${def.type}`);
  }
}

function objectConverter(def: AnyZod, path: string): Convert {
  if (def.catchall?._zod.def.type !== 'never') throw new Unsupported(`${path}: an object that is not strict`);
  const keys = Object.keys(def.shape);
  const converters = keys.map((k) => converterOf(def.shape[k], path ? `${path}.${k}` : k));
  // As zod: keys in the shape's order; an absent optional key stays absent, one given as undefined
  // stays as undefined. Compiled to straight-line code with constant keys (fast property access).
  const lines = keys.map((key, i) => {
    const k = JSON.stringify(key);
    const value = converters[i] === null ? 'x' : `c[${i}](x)`;
    return `x = v[${k}]; if (x !== undefined) o[${k}] = ${value}; else if (${k} in v) o[${k}] = undefined;`;
  });
  return new Function('c', `return function convert(v) { const o = {}; let x;\n${lines.join('\n')}\nreturn o; };`)(converters);
}

// ---------------------------------------------------------------------------------------------
// 3. The validator, and the fast path.

interface FastPath {
  readonly jsonSchema: AnySchemaObject;
  readonly accepts: (input: unknown) => boolean;
  readonly convert: (input: unknown) => FengtaiRequest;
}

function buildFastPath(): { fastPath: FastPath | null; problems: string[] } {
  const jsonSchema = buildJsonSchema();
  const problems = jsonSchemaProblems(jsonSchema);
  let convert: Convert = null;
  try {
    convert = converterOf(requestSchema, '');
  } catch (error) {
    if (!(error instanceof Unsupported)) throw error;
    problems.push(error.message);
  }
  if (problems.length > 0 || convert === null) return { fastPath: null, problems };
  const ajv = new Ajv({
    allErrors: false,
    strict: true,
    coerceTypes: false,
    removeAdditional: false,
    useDefaults: false,
    messages: false,
    validateSchema: false,
  });
  for (const [keyword, check] of Object.entries(KEYWORD_CHECKS)) {
    // A code keyword: the compiled validator calls check(data) inline, with no wrapper around it.
    ajv.addKeyword({
      keyword,
      schemaType: 'boolean',
      code(cxt: KeywordCxt) {
        const fn = cxt.gen.scopeValue('func', { ref: check });
        cxt.fail(_`!${fn}(${cxt.data})`);
      },
    });
  }
  const validate = ajv.compile(jsonSchema);
  return {
    fastPath: { jsonSchema, accepts: (input) => validate(input) as boolean, convert: convert as (input: unknown) => FengtaiRequest },
    problems,
  };
}

const built = buildFastPath();

/** Why the fast path is off (the zod schema says something the JSON Schema cannot); empty when on. */
export const fastPathProblems: readonly string[] = built.problems;

/** The JSON Schema the fast path checks with (for tests and inspection). */
export const requestJsonSchema: AnySchemaObject | undefined = built.fastPath?.jsonSchema;

/** True when the fast path accepts the input (zod then accepts it too, with the output of fastParseRequest). */
export function fastAccepts(input: unknown): boolean {
  return built.fastPath?.accepts(input) === true;
}

/**
 * zod's output for an input the fast path accepts; undefined when it does not (zod must decide).
 * Cross-field checks (crossCheckRequest) are not part of it.
 */
export function fastParseRequest(input: unknown): FengtaiRequest | undefined {
  const fast = built.fastPath;
  if (fast === null || !fast.accepts(input)) return undefined;
  return fast.convert(input);
}
