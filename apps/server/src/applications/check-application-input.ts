import type { StoredRequest } from '@ftai/api';

/**
 * What an application stores as `request_json`: the applicant's own input, never the parsed form
 * (@ftai/api's rawFactsSchema checks it and keeps it as sent).
 */
export function storedRequest(enterprise: unknown, facts: unknown): StoredRequest {
  return { enterprise: asObject(enterprise), facts: asObject(facts) };
}

/** The stored `request_json` back as its two objects. */
export function parseStoredRequest(json: string): StoredRequest {
  const parsed = JSON.parse(json) as { enterprise?: unknown; facts?: unknown };
  return storedRequest(parsed.enterprise, parsed.facts);
}

function asObject(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
