import type { ApplicationStatus, AwardStatus, CallStatus, MatchJobStatus, Role } from '@ftai/api';
import type { ColumnType, Generated } from 'kysely';

/** Statuses and roles are declared in @ftai/api; the database refuses any other value (migration 0007). */
export type { ApplicationStatus, AwardStatus, CallStatus, MatchJobStatus, Role };

/**
 * The platform's tables. Money columns are integer yuan (BIGINT); timestamps are ISO-8601 UTC
 * text; calendar dates are YYYY-MM-DD text; flags are 0/1 integers; JSON is text. The same
 * types hold on SQLite and PostgreSQL.
 */
export interface Database {
  users: UsersTable;
  enterprises: EnterprisesTable;
  reviewer_links: ReviewerLinksTable;
  sessions: SessionsTable;
  calls: CallsTable;
  call_budgets: CallBudgetsTable;
  applications: ApplicationsTable;
  application_items: ApplicationItemsTable;
  application_events: ApplicationEventsTable;
  attachments: AttachmentsTable;
  review_assignments: ReviewAssignmentsTable;
  allocations: AllocationsTable;
  awards: AwardsTable;
  other_policy_awards: OtherPolicyAwardsTable;
  notices: NoticesTable;
  notice_versions: NoticeVersionsTable;
  award_totals: AwardTotalsTable;
  award_enterprise_totals: AwardEnterpriseTotalsTable;
  application_totals: ApplicationTotalsTable;
  application_item_totals: ApplicationItemTotalsTable;
  notice_lines: NoticeLinesTable;
  notice_enterprises: NoticeEnterprisesTable;
  notice_version_heads: NoticeVersionHeadsTable;
  objections: ObjectionsTable;
  idempotency_keys: IdempotencyKeysTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  match_jobs: MatchJobsColumns;
  blobs: BlobsTable;
  rate_limits: RateLimitsTable;
  shared_secrets: SharedSecretsTable;
  offer_batches: OfferBatchesTable;
  offers: OffersTable;
  offer_deliveries: OfferDeliveriesTable;
  messages: MessagesTable;
  invitations: InvitationsTable;
  policy_versions: PolicyVersionsTable;
  budget_estimates: BudgetEstimatesTable;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  /** Applicants only: the enterprise they act for. */
  credit_code: string | null;
  password_hash: string;
  disabled: number;
  created_at: string;
}

export interface EnterprisesTable {
  credit_code: string;
  name: string;
  /** The contract's `enterprise` object (flags), as JSON. */
  profile_json: string;
  /** The bank account for payments (收款账户: BankAccount as JSON), null until given. */
  bank_account_json: string | null;
  /** Where 免申即享 messages go: e-mail and mobile (migration 0027), null until known. */
  contact_email: Generated<string | null>;
  contact_phone: Generated<string | null>;
  created_at: string;
  updated_at: string;
}

/** A reviewer's ties to an enterprise (employment, shareholding …): such a reviewer cannot be assigned. */
export interface ReviewerLinksTable {
  reviewer_id: string;
  credit_code: string;
  relation: string;
  created_at: string;
}

export interface SessionsTable {
  /** sha256 of the cookie token. */
  id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

/** A limit's counter, shared by every instance (migration 0013): hits since `window_started_at`, until `expires_at`. */
export interface RateLimitsTable {
  /** sha256 of the limit's key (it holds addresses and typed user names). */
  key: string;
  hits: number;
  window_started_at: string;
  expires_at: string;
}

/** A key every instance must agree on (the CSRF key when FTAI_CSRF_KEY is unset); never the audit key. */
export interface SharedSecretsTable {
  name: string;
  value: string;
  created_at: string;
}

export interface CallsTable {
  id: string;
  /** Assessment year Y: the call of Y+1 assesses Y. */
  year: number;
  title: string;
  opens_on: string;
  closes_on: string;
  total_budget: number;
  status: CallStatus;
  /** Completed expert reviews an application with an item 经评审认定 needs before approval; 1 unless set (migration 0022). */
  required_reviews: Generated<number>;
  /** The format of its application numbers, `{year}` and `{seq}` (migration 0024). */
  application_number_format: Generated<string>;
  /** Application numbers given so far: the last one's `{seq}` (migration 0024). */
  application_count: Generated<number>;
  /** The notice's issuer (发布单位), contact phone and address; phone and address '' until given (migration 0025). */
  notice_issuer: Generated<string>;
  notice_phone: Generated<string>;
  notice_address: Generated<string>;
  created_by: string;
  created_at: string;
}

export interface CallBudgetsTable {
  call_id: string;
  article: number;
  budget: number;
}

export interface ApplicationsTable {
  id: string;
  call_id: string;
  credit_code: string;
  status: ApplicationStatus;
  /** The contract's `facts` (and enterprise flags) the applicant filled, as JSON. */
  request_json: string;
  /** The engine's answer stored at submission, with the policy version. */
  result_json: string | null;
  policy_version: string | null;
  engine_total: number;
  approved_total: number | null;
  allocated_total: number | null;
  score: number | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
  /** The public notice (公示) that published it. */
  notice_id: string | null;
  /** The budget allocation that allocated it (migration 0010). */
  allocation_id: string | null;
  /** Its readable number (丰科AI申〔2026〕0001号), given at first submission (migration 0024). */
  number: Generated<string | null>;
  /** The 免申即享 offer whose confirmation created it (migration 0027), null for one applied for. */
  offer_id: Generated<string | null>;
}

/**
 * One granted result of the engine on a submitted application: what can be approved and paid.
 * Results of any other status (an `incomplete` one included) are no item: they hold no money.
 */
export interface ApplicationItemsTable {
  application_id: string;
  measure: string;
  /**
   * The engine's subject: the object's id for per-subject measures, the tier for milestone
   * measures (5.1: `revenue-50m` …), '' for other enterprise-level measures (a key column cannot
   * be NULL in both databases alike).
   */
  subject: string;
  article: number;
  review: number;
  engine_amount: number;
  approved_amount: number | null;
  allocated_amount: number | null;
}

export interface ApplicationEventsTable {
  id: string;
  application_id: string;
  seq: number;
  from_status: ApplicationStatus | null;
  to_status: ApplicationStatus;
  actor_id: string;
  note: string | null;
  at: string;
}

export interface AttachmentsTable {
  id: string;
  application_id: string;
  sha256: string;
  filename: string;
  mime: string;
  size: number;
  uploaded_by: string;
  at: string;
  /** The measure and material it is given for (申报材料), null for 其他材料 (migration 0026). */
  measure: string | null;
  material: string | null;
}

export interface ReviewAssignmentsTable {
  id: string;
  application_id: string;
  reviewer_id: string;
  assigned_by: string;
  assigned_at: string;
  declared_at: string | null;
  scores_json: string | null;
  total_score: number | null;
  comment: string | null;
  scored_at: string | null;
}

export interface AllocationsTable {
  id: string;
  call_id: string;
  method: 'proportional' | 'score';
  result_json: string;
  total: number;
  committed_by: string;
  committed_at: string;
}

/** The award ledger: what this policy granted, by enterprise, measure, subject and year. */
export interface AwardsTable {
  id: string;
  credit_code: string;
  measure: string;
  /** As on the item it pays: object id, tier (5.1), or '' for other enterprise-level measures. */
  subject: string;
  year: number;
  amount: number;
  call_id: string;
  application_id: string;
  status: AwardStatus;
  created_at: string;
  paid_at: string | null;
  /** The parameter version its application's answer cites (2025.10.30-2+p2; migration 0028), null before. */
  policy_version: string | null;
}

/**
 * The awards' count and sum by call, year, measure and status (migration 0018), kept by triggers
 * on `awards`: read, never written by the application.
 */
export interface AwardTotalsTable {
  call_id: string;
  year: number;
  measure: string;
  status: AwardStatus;
  n: number;
  amount: number;
}

/** Each enterprise's allocated and paid sums in a call (migration 0018), kept by the triggers of award_totals. */
export interface AwardEnterpriseTotalsTable {
  call_id: string;
  credit_code: string;
  allocated: number;
  paid: number;
}

/**
 * The applications' count, amount asked (a draft's counts 0) and amount approved by call and
 * status (migration 0019), kept by triggers on `applications`: read, never written by the application.
 */
export interface ApplicationTotalsTable {
  call_id: string;
  status: ApplicationStatus;
  n: number;
  requested: number;
  approved: number;
}

/** The items' amounts asked and approved by call and measure (migration 0019), kept by triggers on `application_items`. */
export interface ApplicationItemTotalsTable {
  call_id: string;
  measure: string;
  requested: number;
  approved: number;
}

/**
 * Another district policy's award (从优不重复). It names what it supported: a `subject` (as in
 * the ledger) or, for support to the enterprise as a whole, the `measure` of this policy it
 * overlaps; exactly one of the two, the other ''.
 */
export interface OtherPolicyAwardsTable {
  id: string;
  credit_code: string;
  policy: string;
  /** The supported object's id, or '' when the award names a measure. */
  subject: string;
  /** An enterprise-level measure of this policy (ENTERPRISE_MEASURE_IDS), or '' when it names a subject. */
  measure: string;
  amount: number;
  year: number;
  batch_id: string;
  imported_by: string;
  imported_at: string;
}

export interface NoticesTable {
  id: string;
  call_id: string;
  published_by: string;
  published_at: string;
  objections_until: string;
}

/**
 * The lines of a version of a notice, one row each, as its content_json lists them (migration
 * 0014): what a page of the notice and its export read, in keyset order of `position` (序号).
 * Written once with the version.
 */
export interface NoticeLinesTable {
  notice_id: string;
  version: number;
  /** The line's number on the notice, from 1. */
  position: number;
  application_id: string;
  credit_code: string;
  enterprise_name: string;
  measure: string;
  measure_name: string;
  citation: string;
  subject: string;
  subject_text: string;
  amount: number;
}

/** An enterprise's total on a version of a notice (migration 0014), written once with the version. */
export interface NoticeEnterprisesTable {
  notice_id: string;
  version: number;
  credit_code: string;
  /** The position of its first line: the enterprises' order. */
  position: number;
  name: string;
  /** Its applications on the notice, in the order of the lines, as a JSON array. */
  application_ids_json: string;
  total: number;
}

/** A version's content without its lines and enterprises, and their counts (migration 0014), written once. */
export interface NoticeVersionHeadsTable {
  notice_id: string;
  version: number;
  /** NoticeContent without `lines` and `enterprises`, as JSON. */
  head_json: string;
  line_count: number;
  enterprise_count: number;
  total: number;
}

/** How a version of a notice came to be: published, corrected, or snapshotted by migration 0005. */
export type NoticeVersionOrigin = 'publication' | 'correction' | 'migration';

/**
 * What a notice showed, version by version, written once (the database refuses updates and
 * deletes): version 1 is the publication, each later one a correction (更正公告).
 */
export interface NoticeVersionsTable {
  notice_id: string;
  version: number;
  origin: NoticeVersionOrigin;
  /** Why it was corrected; null for the publication. */
  reason: string | null;
  /**
   * The notice's content (NoticeContent) as JSON, for the versions stored before migration 0017;
   * null since: the version's head, lines and enterprises (notice_version_heads, notice_lines,
   * notice_enterprises) hold it, and content_sha256 is the digest of the same JSON text.
   */
  content_json: string | null;
  content_sha256: string;
  /** The audit chain's head right after this version's own audit entry. */
  audit_seq: number;
  audit_hash: string;
  /** null: written by a migration. */
  created_by: string | null;
  created_at: string;
}

export interface ObjectionsTable {
  id: string;
  notice_id: string;
  application_id: string | null;
  name: string;
  contact: string;
  text: string;
  at: string;
}

export interface IdempotencyKeysTable {
  key: string;
  user_id: string;
  route: string;
  status_code: number;
  response_json: string;
  created_at: string;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  actor_id: string | null;
  action: string;
  entity: string;
  entity_id: string;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

/**
 * A file kept by the PostgreSQL blob driver (storage/postgres-blob-store.ts, migration 0012): its key
 * and the large object holding its bytes. PostgreSQL only; the other drivers keep no rows.
 */
export interface BlobsTable {
  key: string;
  object_id: number;
  size: number;
  sha256: string;
  created_at: string;
}

/** A registry matched against every measure in the background (免申即享); files under the blob keys match-jobs/<id>/ (matching/match-job-files.ts). */
export interface MatchJobsTable {
  id: string;
  /** An uploaded registry, or the enterprises the platform holds. */
  source: 'upload' | 'platform';
  status: MatchJobStatus;
  /** The uploaded file's name (upload). */
  filename: string | null;
  /** The assessment year (platform: required; upload: the rows carry their own). */
  year: number | null;
  /** 1: columns the registry format does not know are left out instead of failing the job. */
  allow_extra_columns: number;
  /** Known up front for the platform's enterprises, at the end for an upload. */
  rows_total: number | null;
  rows_done: number;
  rows_bad: number;
  /** Rows (enterprise-years) granted money. */
  granted_enterprises: number;
  /** Whole yuan. */
  granted_total: number;
  created_by: string;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  error: string | null;
  /** The instance running the job (FTAI_INSTANCE_ID), while it runs (migration 0011). */
  lease_owner: string | null;
  /** The running instance's last heartbeat, by the database's clock. */
  heartbeat_at: string | null;
  /** Past this (the database's clock), another instance takes the job over: retried, or failed once out of attempts. */
  lease_expires_at: string | null;
  /** 1: an officer asked to cancel the running job; the instance running it stops it. */
  cancel_requested: number;
  /** Runs begun; fences each run's writes (a run taken over writes nothing more). */
  attempts: number;
  /** Runs lost with their instance and begun again (FTAI_JOB_RETRIES). */
  retries: number;
  /** The running job's last progress (@ftai/match's MatchProgress), as JSON, for every instance to show. */
  progress_json: string | null;
  /** A match job, or a simulation (政策模拟) run as one (migration 0029). */
  kind: MatchJobKind;
  /** A simulation's population: 'call' | 'platform' | 'match-job' | 'upload'. */
  population_kind: SimulationPopulationKind | null;
  /** What the population is, in Chinese (the call's title, 平台企业（2026年度）, the file's name). */
  population_label: string | null;
  /** The call or match job the population names. */
  population_ref: string | null;
  /** The parameter versions a simulation compares (A, usually the one in effect; B, usually a draft). */
  version_a: number | null;
  version_b: number | null;
  /** Both versions as simulated ({ a, b }: @ftai/match EditionSpec), fixed when the simulation is made: a draft may change after. */
  editions_json: string | null;
  /** The call whose budgets a simulation checks. */
  call_id: string | null;
  /** A finished simulation's result (@ftai/api SimulationResult), as JSON. */
  result_json: string | null;
}

export type MatchJobKind = 'match' | 'simulation';
/** match_jobs as Kysely sees it: `kind` may be left out of an insert (it defaults to 'match'); a row read is a MatchJobsTable. */
export type MatchJobsColumns = Omit<MatchJobsTable, 'kind'> & { kind: ColumnType<MatchJobKind, MatchJobKind | undefined, MatchJobKind> };
export type SimulationPopulationKind = 'call' | 'platform' | 'match-job' | 'upload';

/** A batch of 免申即享 offers made from a match job for a call (migration 0027). */
export interface OfferBatchesTable {
  id: string;
  call_id: string;
  match_job_id: string;
  /** Its number in its call: 免申即享第N批. */
  seq: number;
  /** The last day (Beijing, YYYY-MM-DD) to confirm. */
  deadline: string;
  reminder_days: number;
  filters_json: string;
  policy_version: string;
  offers: number;
  total: number;
  created_by: string;
  created_at: string;
}

export type OfferStatus = 'pending' | 'confirmed' | 'declined' | 'expired';

/** One enterprise's offer: what the match granted it, on the facts of its registry row. */
export interface OffersTable {
  id: string;
  batch_id: string;
  call_id: string;
  credit_code: string;
  enterprise_name: string | null;
  year: number;
  status: OfferStatus;
  deadline: string;
  total: number;
  /** 1: an item is a maximum an expert review decides. */
  review: number;
  /** The measures granted, comma-separated, for the filters and lists. */
  measures: string;
  /** The contract request of the registry row ({ enterprise, facts }), as JSON. */
  request_json: string;
  /** The engine's answer (Chinese explanations), as JSON. */
  result_json: string;
  policy_version: string;
  created_at: string;
  read_at: string | null;
  reminded_at: string | null;
  decided_at: string | null;
  decided_by: string | null;
  decline_reason: string | null;
  application_id: string | null;
}

/** One message of an offer on one channel: queued, then sent, skipped (no address) or failed for good. */
export interface OfferDeliveriesTable {
  id: string;
  offer_id: string;
  kind: 'notice' | 'reminder';
  channel: 'inbox' | 'email' | 'sms';
  status: 'queued' | 'sent' | 'skipped' | 'failed';
  attempts: number;
  address: string | null;
  provider_id: string | null;
  error: string | null;
  created_at: string;
  /** When a queued one is tried (again). */
  next_at: string | null;
  sent_at: string | null;
}

/** A message of the portal's message centre (站内信), to an enterprise. */
export interface MessagesTable {
  id: string;
  credit_code: string;
  offer_id: string | null;
  subject: string;
  body: string;
  created_at: string;
  read_at: string | null;
}

/** An invitation code (its SHA-256) for an enterprise without an account: single use, expiring. */
export interface InvitationsTable {
  code_hash: string;
  credit_code: string;
  offer_id: string;
  expires_at: string;
  used_at: string | null;
  used_by: string | null;
  created_at: string;
}

/**
 * A version of the policy's parameters (政策参数版本, migration 0028): 1 is the package's own;
 * later ones an officer drafts and another approves. Approved versions never change.
 */
export interface PolicyVersionsTable {
  number: number;
  status: 'draft' | 'pending' | 'approved' | 'rejected' | 'withdrawn';
  based_on: number | null;
  /** The changes against version 1 ([{ parameter, value }] as JSON): what makeEdition takes. */
  changes_json: string;
  /** What it changes against `based_on`, as JSON, for people to read. */
  own_changes_json: string;
  effective_on: string;
  reason: string;
  authority: string;
  authority_ref: string | null;
  drafted_by: string | null;
  drafted_at: string | null;
  submitted_at: string | null;
  decided_by: string | null;
  decided_at: string | null;
  decision_note: string | null;
  updated_at: string;
}

/** 年度预算测算 (migration 0029): one side of a finished simulation grown by the officer's rates, as made. */
export interface BudgetEstimatesTable {
  id: string;
  /** The simulation (a match_jobs row of kind 'simulation'). */
  simulation_id: string;
  side: 'a' | 'b';
  version_number: number;
  /** The version string (POLICY_VERSION+pN). */
  version: string;
  /** The budget year. */
  year: number;
  /** The overall growth rate as given ("8%"). */
  overall: string;
  /** Per measure id, its own growth rate as given, as JSON. */
  measures_json: string;
  note: string | null;
  /** The lines per measure (base, growth, expected: whole yuan), as JSON. */
  lines_json: string;
  /** Per article: base and expected summed from the lines, as JSON. */
  articles_json: string;
  /** Whole yuan. */
  total_base: number;
  total_expected: number;
  created_by: string;
  created_at: string;
}
