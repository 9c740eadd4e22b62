/**
 * The audit log's actions and record types as people read them, declared once: the audit page's
 * labels and its action filter (apps/web, officer locale `audit.actions` and `audit.entities`)
 * and the audit workbook (apps/server audit/export-audit-xlsx.ts) both read this table. No
 * imports: the browser loads it as it is (`@ftai/api/audit-labels`).
 *
 * A new action: add it here with its Chinese and English names. An action the log holds without
 * a name here is shown by its code (`application.transition`), never left blank.
 */

export interface AuditLabel {
  readonly zh: string;
  readonly en: string;
}

/** Every action the platform writes to the log, in the order the audit page's filter lists them. */
export const AUDIT_ACTIONS = {
  'allocation.commit': { zh: '提交预算分配', en: 'Allocation committed' },
  'application.approve': { zh: '审定金额', en: 'Amounts approved' },
  'application.create': { zh: '创建申报', en: 'Application created' },
  'application.submit': { zh: '提交申报', en: 'Application submitted' },
  'application.transition': { zh: '申报状态变更', en: 'Status changed' },
  'application.update': { zh: '修改申报', en: 'Application edited' },
  'application.withdraw': { zh: '撤回申报', en: 'Application withdrawn' },
  'attachment.upload': { zh: '上传附件', en: 'File attached' },
  'award.finalize': { zh: '确定奖励', en: 'Award made final' },
  'award.pay': { zh: '登记拨付', en: 'Payment recorded' },
  'call.create': { zh: '新建申报批次', en: 'Call opened' },
  'call.update': { zh: '修改申报批次', en: 'Call changed' },
  'enterprise.bank_account': { zh: '登记收款账户', en: 'Bank account given' },
  'enterprise.update': { zh: '修改企业信息', en: 'Enterprise edited' },
  'notice.publish': { zh: '发布公示', en: 'Notice published' },
  'notice.revise': { zh: '更正公示', en: 'Notice corrected' },
  'objection.record': { zh: '收到异议', en: 'Objection received' },
  'other-policy-awards.import': { zh: '导入他项政策奖励', en: 'Other policies imported' },
  'review.assign': { zh: '指派评审专家', en: 'Reviewer assigned' },
  'review.declare': { zh: '利益冲突声明', en: 'Conflict declaration' },
  'review.score': { zh: '专家评分', en: 'Review scored' },
  'review.withdraw': { zh: '撤回评审任务', en: 'Reviewer withdrawn' },
  'reviewer.link': { zh: '登记专家回避关系', en: 'Reviewer tie recorded' },
  'user.create': { zh: '创建账号', en: 'Account created' },
  'match-job.create': { zh: '创建匹配任务', en: 'Match job created' },
  'match-job.start': { zh: '匹配任务开始', en: 'Match job started' },
  'match-job.finish': { zh: '匹配任务结束', en: 'Match job finished' },
  'match-job.cancel': { zh: '取消匹配任务', en: 'Match job cancelled' },
  'match-job.requeue': { zh: '匹配任务重新排队', en: 'Match job requeued' },
  'simulation.create': { zh: '创建政策模拟', en: 'Simulation created' },
  'simulation.start': { zh: '政策模拟开始', en: 'Simulation started' },
  'simulation.finish': { zh: '政策模拟结束', en: 'Simulation finished' },
  'simulation.cancel': { zh: '取消政策模拟', en: 'Simulation cancelled' },
  'simulation.requeue': { zh: '政策模拟重新排队', en: 'Simulation requeued' },
  'budget-estimate.create': { zh: '年度预算测算', en: 'Budget estimate made' },
  'offer-batch.create': { zh: '生成免申即享批次', en: 'Offer batch created' },
  'offer.confirm': { zh: '确认申领', en: 'Offer confirmed' },
  'offer.decline': { zh: '放弃申领', en: 'Offer declined' },
  'offer.expire': { zh: '免申即享逾期', en: 'Offer expired' },
  'invitation.use': { zh: '凭邀请码注册', en: 'Invitation used' },
  'enterprise.contacts': { zh: '登记企业联系方式', en: 'Contacts recorded' },
  'policy-version.draft': { zh: '起草政策参数版本', en: 'Parameter version drafted' },
  'policy-version.update': { zh: '修改政策参数版本', en: 'Parameter version edited' },
  'policy-version.submit': { zh: '提交政策参数版本', en: 'Parameter version submitted' },
  'policy-version.approve': { zh: '批准政策参数版本', en: 'Parameter version approved' },
  'policy-version.reject': { zh: '驳回政策参数版本', en: 'Parameter version rejected' },
  'policy-version.withdraw': { zh: '撤回政策参数版本', en: 'Parameter version withdrawn' },
  // Written by the platform itself: the first keyed entry of a chain begun before keying, and two migrations.
  'audit.keyed': { zh: '审计链启用密钥', en: 'Chain keyed' },
  'notice.snapshot-legacy': { zh: '补存历史公示内容', en: 'Earlier notices stored' },
  'ledger.milestone-tiers': { zh: '补记里程碑奖励档次', en: 'Milestone tiers recorded' },
} as const satisfies Record<string, AuditLabel>;
export type AuditAction = keyof typeof AUDIT_ACTIONS;

/** The kinds of record an entry is about (its `entity`). */
export const AUDIT_ENTITIES = {
  application: { zh: '申报', en: 'Application' },
  call: { zh: '申报批次', en: 'Call' },
  review_assignment: { zh: '评审任务', en: 'Review assignment' },
  allocation: { zh: '预算分配', en: 'Allocation' },
  notice: { zh: '公示', en: 'Notice' },
  objection: { zh: '异议', en: 'Objection' },
  other_policy_award_batch: { zh: '他项政策奖励批次', en: 'Other-policy batch' },
  match_job: { zh: '匹配任务', en: 'Match job' },
  simulation: { zh: '政策模拟', en: 'Simulation' },
  budget_estimate: { zh: '年度预算测算', en: 'Budget estimate' },
  offer_batch: { zh: '免申即享批次', en: 'Offer batch' },
  offer: { zh: '免申即享', en: 'Offer' },
  enterprise: { zh: '企业', en: 'Enterprise' },
  policy_version: { zh: '政策参数版本', en: 'Parameter version' },
  user: { zh: '账号', en: 'Account' },
  audit: { zh: '审计链', en: 'Audit chain' },
  migration: { zh: '数据迁移', en: 'Data migration' },
} as const satisfies Record<string, AuditLabel>;
export type AuditEntity = keyof typeof AUDIT_ENTITIES;

const has = <T extends object>(table: T, key: string): key is Extract<keyof T, string> => Object.hasOwn(table, key);

/** `application.transition` → 申报状态变更; an action without a name → its code. */
export function auditActionLabel(action: string, lang: 'zh' | 'en'): string {
  return has(AUDIT_ACTIONS, action) ? AUDIT_ACTIONS[action][lang] : action;
}

/** `call` → 申报批次; a record type without a name → its code. */
export function auditEntityLabel(entity: string, lang: 'zh' | 'en'): string {
  return has(AUDIT_ENTITIES, entity) ? AUDIT_ENTITIES[entity][lang] : entity;
}

/** An i18next key holds no '.', which separates its levels: `application.transition` is the key `application_transition`. */
export function auditActionKey(action: string): string {
  return action.replace(/\./g, '_');
}

/** The actions' names in one language, by i18next key (auditActionKey): the web locale's `audit.actions`. */
export function auditActionTexts(lang: 'zh' | 'en'): Record<string, string> {
  return Object.fromEntries(Object.entries(AUDIT_ACTIONS).map(([action, label]) => [auditActionKey(action), label[lang]]));
}

/** The record types' names in one language: the web locale's `audit.entities`. */
export function auditEntityTexts(lang: 'zh' | 'en'): Record<AuditEntity, string> {
  return Object.fromEntries(Object.entries(AUDIT_ENTITIES).map(([entity, label]) => [entity, label[lang]])) as Record<AuditEntity, string>;
}
