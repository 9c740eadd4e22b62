import { enterpriseSchema, factsSchema } from '@ftai/policy-fengtai';
import { z } from 'zod';

/**
 * A field that is checked against a contract schema but keeps exactly what the applicant sent.
 * The contract's schemas turn money into fen; a draft must store the applicant's own figures
 * (`"1000000.50"` stays a string) so that the form shows them back unchanged and the engine
 * reads them the same way at every estimate and at submission.
 */
function keepingInput(schema: z.ZodType) {
  return z.unknown().superRefine((value, ctx) => {
    // reportInput keeps each issue's input, so that a wrong type is not taken for a missing field.
    const parsed = schema.safeParse(value, { reportInput: true });
    if (parsed.success) return;
    for (const issue of parsed.error.issues) {
      const path = [...issue.path];
      if (issue.code === 'unrecognized_keys') {
        ctx.addIssue({ code: 'unrecognized_keys', keys: issue.keys, path, message: issue.message });
      } else if (issue.code === 'invalid_type' && issue.input === undefined) {
        ctx.addIssue({ code: 'invalid_type', expected: issue.expected, input: undefined, path, message: issue.message });
      } else {
        // The outer parse drops inputs; as 'custom' the issue stays "invalid", not "missing".
        ctx.addIssue({ code: 'custom', path, message: issue.message });
      }
    }
  });
}

/** The contract's `facts` (CALCULATION.md), as sent. */
export const rawFacts = keepingInput(factsSchema).meta({
  description: 'The `facts` object of the calculation contract (CALCULATION.md); stored as sent.',
});

/** The enterprise flags that override the profile for this application; the account fixes the credit code. */
export const rawEnterpriseOverrides = keepingInput(enterpriseSchema.omit({ creditCode: true })).meta({
  description:
    'Overrides of the enterprise profile for this application: name, registeredInFengtai, taxResidentInFengtai, seriousDishonesty, aiPartnerProgram, industrialAI, startup.',
});

/** What an application stores as `request_json`: the applicant's own input, never the parsed form. */
export interface StoredRequest {
  readonly enterprise: Record<string, unknown>;
  readonly facts: Record<string, unknown>;
}

export function storedRequest(enterprise: unknown, facts: unknown): StoredRequest {
  return { enterprise: asObject(enterprise), facts: asObject(facts) };
}

export function parseStoredRequest(json: string): StoredRequest {
  const parsed = JSON.parse(json) as { enterprise?: unknown; facts?: unknown };
  return storedRequest(parsed.enterprise, parsed.facts);
}

function asObject(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
