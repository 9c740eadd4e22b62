import { readFileSync } from 'node:fs';
import { answerSchema } from '@ftai/api';
import { calculate, validateRequest } from '@ftai/policy-fengtai';
import { isResponseSerializationError, serializerCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { responseSerializerCompiler } from './response-serializer.js';

const example = JSON.parse(readFileSync(new URL('../../../../examples/request.json', import.meta.url), 'utf8'));
const serializerFor = (schema: z.ZodType) => responseSerializerCompiler({ schema, method: 'GET', url: '/x', httpStatus: '200' });

describe('the response serializer', () => {
  it('sends what the schema names, and no other key', () => {
    const serialize = serializerFor(
      z.object({ id: z.string(), inner: z.object({ n: z.int() }), list: z.array(z.object({ a: z.boolean() })) }),
    );
    const sent = serialize({ id: 'x', secret: 'password hash', inner: { n: 1, extra: true }, list: [{ a: true, b: 2 }] });
    expect(JSON.parse(sent)).toEqual({ id: 'x', inner: { n: 1 }, list: [{ a: true }] });
  });

  it('refuses an answer that does not match its schema (a 500, never a wrong answer)', () => {
    const serialize = serializerFor(z.object({ amount: z.int(), at: z.iso.datetime() }));
    for (const wrong of [
      { amount: 1.5, at: '2026-03-01T00:00:00.000Z' },
      { amount: 1, at: '2026-03-01' },
      { at: '2026-03-01T00:00:00.000Z' },
    ]) {
      let thrown: unknown;
      try {
        serialize(wrong);
      } catch (error) {
        thrown = error;
      }
      expect(isResponseSerializationError(thrown), JSON.stringify(wrong)).toBe(true);
      expect((thrown as { statusCode?: number }).statusCode).toBe(500);
    }
  });

  it("sends a calculation's answer exactly as zod's encode would", () => {
    const validated = validateRequest(example);
    if (!validated.ok) throw new Error('the example request is valid');
    const answer = calculate(validated.request, { lang: 'en' });
    const encode = serializerCompiler({ schema: answerSchema, method: 'POST', url: '/api/v1/calculate', httpStatus: '200' });
    const sent = serializerFor(answerSchema)(answer);
    expect(sent).toBe(encode(answer));
    // Nothing of the engine's answer is lost on the way.
    expect(JSON.parse(sent)).toEqual(JSON.parse(JSON.stringify(answer)));
  });
});
