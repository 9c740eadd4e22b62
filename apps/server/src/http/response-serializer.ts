import type { FastifySerializerCompiler } from 'fastify';
import { InvalidSchemaError, ResponseSerializationError } from 'fastify-type-provider-zod';
import { ZodType } from 'zod';

/**
 * Encodes an answer by its route's response schema (@ftai/api): keys the schema does not name are
 * not sent, and an answer that does not match it is a 500, never sent half right.
 *
 * The response schemas describe shapes only (no transforms, no codecs), so checking the answer
 * forward (parse) gives what zod's encode would, three to four times faster on a large answer:
 * encode visits every object twice (without, then with checks), parse once on zod's compiled
 * path. A calculation of 5,000 results (1.4 MB) takes about as long to check as JSON.stringify
 * takes to write it; with encode, four to six times as long.
 */
export const responseSerializerCompiler: FastifySerializerCompiler<ZodType | { properties: ZodType }> = ({ schema, method, url }) => {
  // As fastify-type-provider-zod's own compiler: a schema, or one Fastify wrapped as `properties`.
  const zodSchema = schema instanceof ZodType ? schema : schema.properties;
  if (!(zodSchema instanceof ZodType)) throw new InvalidSchemaError(JSON.stringify(schema));
  return (data) => {
    const result = zodSchema.safeParse(data);
    if (!result.success) throw new ResponseSerializationError(method, url, { cause: result.error });
    return JSON.stringify(result.data);
  };
};
