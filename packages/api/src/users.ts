import { creditCodeProblem } from '@ftai/policy-fengtai';
import { z } from 'zod';
import { instantSchema } from './formats.js';
import { ROLES } from './statuses.js';

/** A unified social credit code (统一社会信用代码), its check character verified. */
const creditCode = z.string({ error: 'expected a unified social credit code' }).refine((c) => creditCodeProblem(c) === null, {
  error: (i) => `expected a valid unified social credit code: ${creditCodeProblem(String(i.input))}`,
});

/** POST /api/v1/users: a new account (admin). An applicant names the enterprise it acts for. */
export const newUserBodySchema = z.strictObject({
  username: z
    .string()
    .min(3, { error: 'expected at least 3 characters' })
    .max(64)
    .regex(/^[A-Za-z0-9._@-]+$/, { error: 'expected letters, digits, . _ @ -' }),
  displayName: z.string().min(1).max(100),
  role: z.enum(ROLES, { error: `expected ${ROLES.join(', ')}` }),
  creditCode: creditCode.optional(),
  enterpriseName: z.string().min(1).max(200).optional(),
  // Length and strength are judged by the server's password policy, the same rule as `ftai users add`.
  password: z.string({ error: 'expected a password' }).max(200),
});
export type NewUserBody = z.output<typeof newUserBodySchema>;

/** The account in the path of /api/v1/users/:id/…. */
export const userParamsSchema = z.strictObject({ id: z.string() });

/** POST /api/v1/users/:id/links: a reviewer's tie to an enterprise (conflict of interest). */
export const reviewerLinkBodySchema = z.strictObject({
  creditCode,
  relation: z.string().min(1).max(200),
});
export type ReviewerLinkBody = z.output<typeof reviewerLinkBodySchema>;

/** One account in GET /api/v1/users. */
export const userRowSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  creditCode: z.string().nullable(),
  disabled: z.boolean(),
  createdAt: instantSchema,
});
export type UserRow = z.output<typeof userRowSchema>;

/** GET /api/v1/users: every account, by user name. */
export const userListSchema = z.object({ users: z.array(userRowSchema) });
export type UserList = z.output<typeof userListSchema>;
