import { z } from 'zod';

/**
 * The success response of a route that answers a file or a page rather than JSON (a workbook,
 * JSON Lines, the notice's HTML page): its content type and what it is, for the OpenAPI document.
 * Nothing is encoded by it: Fastify sends strings, buffers and streams of a non-JSON type as they
 * are. http/response-schemas.test.ts lists these routes by name.
 */
export function fileAnswer(contentType: string, description: string) {
  const isText = contentType.startsWith('text/') || contentType.includes('json');
  const body = isText ? z.string() : z.string().meta({ format: 'binary' });
  return { description, content: { [contentType]: { schema: body } } };
}
