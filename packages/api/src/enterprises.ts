import { enterpriseSchema } from '@ftai/policy-fengtai';
import { z } from 'zod';
import { calendarDateSchema, instantSchema, yuanSchema } from './formats.js';
import { AWARD_STATUSES } from './statuses.js';

/** PUT /api/v1/enterprises/me: the contract's `enterprise` object (企业信息) without the credit code, which the account fixes. */
export const enterpriseProfileBodySchema = enterpriseSchema.omit({ creditCode: true });
export type EnterpriseProfileBody = z.output<typeof enterpriseProfileBodySchema>;

/** The enterprise in the path of GET /api/v1/enterprises/:creditCode. */
export const enterpriseParamsSchema = z.strictObject({ creditCode: z.string().max(18) });

/** The enterprise's flags as its profile stores them: the contract's `enterprise` object, as last saved. */
export const enterpriseProfileSchema = z.object({
  creditCode: z.string().optional(),
  name: z.string().optional(),
  registeredInFengtai: z.boolean().optional(),
  taxResidentInFengtai: z.boolean().optional(),
  seriousDishonesty: z.boolean().optional(),
  aiPartnerProgram: z.boolean().optional(),
  industrialAI: z.boolean().optional(),
  startup: z.boolean().optional(),
});
export type EnterpriseProfile = z.output<typeof enterpriseProfileSchema>;

/**
 * The enterprise's bank account for payments (收款账户), which a payment needs: the account's name
 * (the enterprise's own, as the bank has it), the bank and branch, the account number (digits,
 * spaces between groups dropped).
 */
export const bankAccountSchema = z.strictObject({
  accountName: z
    .string({ error: 'expected the account name (户名), the enterprise’s name' })
    .trim()
    .min(1, { error: 'expected the account name (户名), the enterprise’s name' })
    .max(200, { error: 'expected at most 200 characters' }),
  bankName: z
    .string({ error: 'expected the bank and branch (开户银行)' })
    .trim()
    .min(2, { error: 'expected the bank and branch (开户银行)' })
    .max(200, { error: 'expected at most 200 characters' }),
  accountNo: z
    .string({ error: 'expected the account number (银行账号): 8 to 32 digits' })
    .transform((v) => v.replace(/[\s-]/g, ''))
    .pipe(z.string().regex(/^\d{8,32}$/, { error: 'expected the account number (银行账号): 8 to 32 digits' })),
});
export type BankAccount = z.output<typeof bankAccountSchema>;

/** One award of this policy to the enterprise (the ledger): committed at allocation, final after the notice, then paid. */
export const enterpriseAwardSchema = z.object({
  measure: z.string(),
  subject: z.string().nullable().meta({ description: 'The object’s id, the tier for 5.1, null for other enterprise-level measures.' }),
  year: z.int().meta({ description: 'The assessment year the award is for.' }),
  amount: yuanSchema,
  status: z.enum(AWARD_STATUSES),
  callId: z.string(),
  applicationId: z.string(),
  paidAt: calendarDateSchema.nullable().meta({ description: 'The day it was paid (YYYY-MM-DD), null before.' }),
});
export type EnterpriseAward = z.output<typeof enterpriseAwardSchema>;

/** GET /api/v1/enterprises/me and /:creditCode: one enterprise with its profile and awards, by year and measure. */
export const enterpriseViewSchema = z.object({
  creditCode: z.string(),
  name: z.string(),
  profile: enterpriseProfileSchema,
  /** Where payments go (收款账户); null until the enterprise gives one, and a payment is refused till then. */
  bankAccount: bankAccountSchema.nullable(),
  awards: z.array(enterpriseAwardSchema),
  updatedAt: instantSchema,
});
export type EnterpriseView = z.output<typeof enterpriseViewSchema>;

/** One enterprise in GET /api/v1/enterprises. */
export const enterpriseRowSchema = z.object({ creditCode: z.string(), name: z.string(), updatedAt: instantSchema });
export type EnterpriseRow = z.output<typeof enterpriseRowSchema>;

/** GET /api/v1/enterprises: every enterprise, by name (officer). */
export const enterpriseListSchema = z.object({ enterprises: z.array(enterpriseRowSchema) });
export type EnterpriseList = z.output<typeof enterpriseListSchema>;
