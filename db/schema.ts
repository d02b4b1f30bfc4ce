/**
 * The typed shape of the database, as built by the migrations in ./migrations.
 * Conventions: plural snake_case tables, app-made text ids, `*_at` ISO-8601 UTC text,
 * money in integer grosze, JSON in text columns parsed with zod on read.
 */
import type { ColumnType, Generated, Insertable, Selectable } from "kysely";

export interface DistrictsTable {
  id: string;
  slug: string;
  name: string;
  population: number;
  area_ha: number;
  position: number;
  /** 2026-12-03T01-10: a merged district stays for history but is no longer offered. */
  merged_into_id: ColumnType<string | null, string | null | undefined, string | null>;
  active: ColumnType<number, number | undefined, number>;
}

export interface EditionsTable {
  id: string;
  year: number;
  /** draft: being set up; active: the current edition; archived: past. */
  status: "draft" | "active" | "archived";
  /** Where an archived edition came from, e.g. "pabulib:Poland_Gdynia_2025.pb". */
  source: string | null;
  created_at: string;
  /** Added by 2026-12-03T01-00: name, the rules document (text; PDF under UPLOAD_DIR by key), gaps allowed (0/1). */
  name: ColumnType<string, string | undefined, string>;
  rules_text: ColumnType<string, string | undefined, string>;
  rules_pdf_key: ColumnType<string | null, string | null | undefined, string | null>;
  rules_pdf_name: ColumnType<string | null, string | null | undefined, string | null>;
  allow_phase_gaps: ColumnType<number, number | undefined, number>;
  /** Added by 2026-12-03T05-30: public statistics never show a group smaller than this (2–100). */
  small_group_threshold: ColumnType<number, number | undefined, number>;
}

export interface EditionPhasesTable {
  edition_id: string;
  phase: string;
  starts_at: string;
  ends_at: string;
}

export interface ProgrammesTable {
  id: string;
  edition_id: string;
  /** bo: Budżet Obywatelski; youth: Młodzieżowy BO; children: children-and-youth budget. */
  kind: "bo" | "youth" | "children";
  /** Who moderates proposals first: officials or the youth council. */
  moderation: "officials" | "youth_council";
  min_age: number | null;
  max_age: number | null;
  guardian_below_age: number | null;
  supports_required: number;
  position: number;
  /** Comma list of pl,uk,en (2026-12-03T01-00). */
  languages: ColumnType<string, string | undefined, string>;
  /** 2026-12-03T01-10: the ballot's district is any one chosen district, or the voter's own only. */
  district_choice: ColumnType<"chosen" | "own", "chosen" | "own" | undefined, "chosen" | "own">;
  /** 2026-12-03T08-20: order of projects on the ballot: random (per voter), number, alphabetical. */
  ballot_order: ColumnType<string, string | undefined, string>;
}

export interface PoolsTable {
  id: string;
  programme_id: string;
  district_id: string | null;
  kind: "city" | "district_large" | "district_small" | "programme";
  budget_grosze: ColumnType<number, number | bigint, number | bigint>;
  max_project_cost_grosze: ColumnType<number | null, number | bigint | null, number | bigint | null>;
  carried_over_grosze: ColumnType<number, number | bigint | undefined, number | bigint>;
  /** JSON, see BallotRuleSchema in app/domain/rules.ts */
  ballot_rule: string;
  /** JSON, see SelectionRuleSchema in app/domain/rules.ts */
  selection_rule: string;
  position: number;
  /** 2026-12-03T01-10: overrides the programme's supports_required; null = the programme's. */
  supports_required: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface ProposalsTable {
  id: string;
  edition_id: string;
  pool_id: string;
  /** Public reference number shown to residents, e.g. "2026/ORL/D/3". */
  number: string;
  title: string;
  summary: string;
  description: string;
  category: string;
  location: string;
  beneficiaries: string;
  cost_grosze: ColumnType<number, number | bigint, number | bigint>;
  status: string;
  /** Lower-cased title + summary + location, for portable case-insensitive search. */
  search_text: string;
  created_at: string;
  updated_at: string;
  /** Added by the proposal workflow (2026-11-22T04-00); null for imported/seeded proposals. */
  author_user_id: string | null;
  channel: ColumnType<"online" | "paper" | "in_person", "online" | "paper" | "in_person" | undefined, "online" | "paper" | "in_person">;
  entered_by_user_id: string | null;
  guardian_name: string | null;
  guardian_consent: ColumnType<number, number | undefined, number>;
  lat: number | null;
  lng: number | null;
  support_count: ColumnType<number, number | undefined, number>;
  reviewer_user_id: string | null;
  changes_requested_by: "official" | "youth_council" | null;
  submitted_at: string | null;
  /** 2026-12-03T08-40: the language the author wrote in. */
  content_lang: ColumnType<"pl" | "uk" | "en", "pl" | "uk" | "en" | undefined, "pl" | "uk" | "en">;
}

export interface ProposalVersionsTable {
  id: string;
  proposal_id: string;
  version: number;
  title: string;
  summary: string;
  description: string;
  location: string;
  beneficiaries: string;
  cost_grosze: ColumnType<number, number | bigint, number | bigint>;
  /** JSON: [{ label, amountGrosze }] */
  cost_items_json: string;
  created_by: string | null;
  created_at: string;
}

export interface ProposalSupportsTable {
  proposal_id: string;
  user_id: string;
  created_at: string;
}

export interface ProposalDecisionsTable {
  id: string;
  proposal_id: string;
  action: string;
  from_status: string;
  to_status: string;
  public_reason: string | null;
  actor_user_id: string | null;
  actor_role: string;
  created_at: string;
  /** JSON { criterion: met } of a formal_* / merit_* decision. */
  checks_json: string | null;
  cost_before_grosze: number | null;
  cost_after_grosze: number | null;
}

export interface ProposalAppealsTable {
  id: string;
  proposal_id: string;
  author_user_id: string | null;
  justification: string;
  created_at: string;
  outcome: "accepted" | "rejected" | null;
  decision_reason: string | null;
  decided_by: string | null;
  decided_at: string | null;
}

export interface ProposalCoauthorsTable {
  proposal_id: string;
  email: string;
  user_id: string | null;
  invited_by: string | null;
  invited_at: string;
  accepted_at: string | null;
  /** sha256 of the single-use invitation token; null once used or withdrawn. */
  token_hash: string | null;
  declined_at: string | null;
}

export interface FinalListsTable {
  pool_id: string;
  published_at: string;
  published_by: string | null;
}

export interface CommentsTable {
  id: string;
  proposal_id: string;
  parent_id: string | null;
  author_user_id: string | null;
  body: string;
  notify_replies: ColumnType<number, number | undefined, number>;
  flag_count: ColumnType<number, number | undefined, number>;
  created_at: string;
  hidden_at: string | null;
  hidden_by: string | null;
  hidden_reason: string | null;
}

export interface CommentFlagsTable {
  comment_id: string;
  user_id: string;
  reason: string;
  created_at: string;
  resolved_at: string | null;
}

export interface AttachmentsTable {
  id: string;
  proposal_id: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  storage_key: string;
  uploaded_by: string | null;
  created_at: string;
  /** The author's words about the file: an image's alt text. */
  description: ColumnType<string, string | undefined, string>;
}

/** A proposal received on paper or in person: what the resident gave, kept apart (erasable). */
export interface PaperSubmissionsTable {
  proposal_id: string;
  resident_name: string;
  resident_contact: string;
  received_on: string;
  paper_signatures: number;
  entered_by: string | null;
  created_at: string;
}

export interface ProposalCostItemsTable {
  id: string;
  proposal_id: string;
  position: number;
  label: string;
  amount_grosze: ColumnType<number, number | bigint, number | bigint>;
}

export interface PoolResultsTable {
  pool_id: string;
  proposal_id: string;
  votes: number;
  score: number;
  rank: number;
  /** 0 not funded, 1 funded by the rule, 2 funded by an extra mechanism. */
  selected: number;
  decision: string;
}

export interface PoolTalliesTable {
  pool_id: string;
  voters: number;
  spent_grosze: ColumnType<number, number | bigint, number | bigint>;
  published_at: string | null;
  /** How it was counted, e.g. "greedy-no-skip+threshold" (null for imported archives). */
  rule: string | null;
  lot_seed: string | null;
  /** JSON: ties that mattered. */
  ties_json: string | null;
  /** JSON: what Equal Shares would have funded { selected, spent }. */
  mes_json: string | null;
  counted_at: string | null;
  counted_by: string | null;
}

export interface UsersTable {
  id: string;
  email: string | null;
  email_verified_at: string | null;
  password_hash: string | null;
  display_name: string | null;
  locale: ColumnType<string, string | undefined, string>;
  created_at: string;
  deleted_at: string | null;
}

export interface UserRolesTable {
  user_id: string;
  role: "youth_moderator" | "official" | "admin" | "translator";
  scope: ColumnType<string, string | undefined, string>;
  granted_by: string | null;
  granted_at: string;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  expires_at: string;
  created_at: string;
}

export interface EmailTokensTable {
  id: string;
  user_id: string;
  purpose: "verify_email" | "reset_password";
  expires_at: string;
  used_at: string | null;
  created_at: string;
}

export interface OutboxTable {
  id: string;
  to_address: string;
  /** What the mail was (account_verify, coauthor_invite, …); null for mail from before 2026-12. */
  kind: ColumnType<string | null, string | null | undefined, string | null>;
  subject: string;
  /** The text with its links; erased ("") once sent, or after 24 hours unsent. */
  body_text: string;
  created_at: string;
  sent_at: string | null;
  attempts: ColumnType<number, number | undefined, number>;
  last_error: string | null;
  /** The worker sending it now, and until when its claim holds (an expired claim may be taken over). */
  claimed_by: ColumnType<string | null, string | null | undefined, string | null>;
  claimed_until: ColumnType<string | null, string | null | undefined, string | null>;
  /** After a failure: not tried again before this (exponential back-off). */
  next_attempt_at: ColumnType<string | null, string | null | undefined, string | null>;
  /** A notification's one-click unsubscribe link (List-Unsubscribe); erased with the text. */
  unsubscribe_url: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actor_user_id: string | null;
  actor_role: string;
  action: string;
  object_type: string;
  object_id: string;
  before_json: string | null;
  after_json: string | null;
  reason: string | null;
}

export interface VotersTable {
  id: string;
  pesel_hash: string | null;
  pesel_check_hash: string | null;
  karta_hash: string | null;
  karta_check_hash: string | null;
  declaration_id: string | null;
  district_id: string | null;
  age_band: string | null;
  source: "import" | "declaration";
  created_by: string | null;
  created_at: string;
  /** The edition whose register the row belongs to (null only for rows older than editions). */
  edition_id: ColumnType<string | null, string, string>;
  /** Set when a later import dropped a person who had already voted: kept for the participation, not identified. */
  removed_at: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Who may vote for a child: the guardian's keyed identifier hash ("pesel:…" / "karta:…"). */
export interface GuardianshipsTable {
  child_voter_id: string;
  guardian_hash: string;
}

export interface ParticipationsTable {
  voter_id: string;
  programme_id: string;
  channel: "online" | "assisted" | "paper";
  on_behalf: "self" | "guardian";
  district_id: string | null;
  age_band: string | null;
  voting_point_id: string | null;
  official_user_id: string | null;
  voted_on: string;
}

/** A counted ballot: what it chose and nothing else (no channel, receipt, time); written when the box is opened. */
export interface BallotsTable {
  id: string;
  programme_id: string;
  district_id: string | null;
}

/** A ballot as cast: ciphertext to the edition's public key (2026-12-03T05-00). */
export interface SealedBallotsTable {
  id: string;
  programme_id: string;
  receipt_hash: string;
  sealed: string;
}

/** The receipts found inside the decrypted ballots: the public inclusion list. */
export interface CountedReceiptsTable {
  programme_id: string;
  receipt_hash: string;
}

/** The edition's ballot-box key: public half only; the private half is split among the commission. */
export interface EditionKeysTable {
  edition_id: string;
  public_key: string;
  threshold: number;
  members: string;
  created_by: string | null;
  created_at: string;
}

export interface BallotLinesTable {
  ballot_id: string;
  pool_id: string;
  proposal_id: string;
  points: ColumnType<number, number | undefined, number>;
}

export interface BallotInvalidPoolsTable {
  ballot_id: string;
  pool_id: string;
  reason: string;
}

export interface TurnoutCountersTable {
  programme_id: string;
  district_id: string;
  channel: string;
  voters: ColumnType<number, number | undefined, number>;
}

export interface VotingPointsTable {
  id: string;
  name: string;
  address: string;
  active: ColumnType<number, number | undefined, number>;
  edition_id: string | null;
  opening_hours: ColumnType<string, string | undefined, string>;
  created_at: string | null;
}

export interface VotingPointSessionsTable {
  id: string;
  voting_point_id: string;
  official_user_id: string;
  opened_at: string;
  closed_at: string | null;
  device_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface VotingPointOfficialsTable {
  voting_point_id: string;
  user_id: string;
  granted_by: string | null;
  granted_at: string;
}

export interface VotingPointDevicesTable {
  id: string;
  voting_point_id: string;
  token_hash: string;
  label: string;
  enrolled_by: string | null;
  enrolled_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

/** One applied import of the city's register into an edition (counts only, never the file). */
export interface RegisterImportsTable {
  id: string;
  edition_id: string;
  file_name: string;
  file_sha256: string;
  rows_total: number;
  added: number;
  removed: number;
  moved: number;
  unchanged: number;
  invalid: number;
  applied_by: string | null;
  applied_at: string;
}

/** The public timeline of changes to an edition's phase dates (2026-12-03T01-00). */
export interface EditionPhaseChangesTable {
  id: string;
  edition_id: string;
  phase: string;
  starts_before: string | null;
  ends_before: string | null;
  starts_after: string;
  ends_after: string;
  public_reason: string | null;
  kind: "change" | "close_early" | "extend";
  changed_by: string | null;
  changed_at: string;
}

/** 2026-12-03T01-10: the formula an edition's district money was last split with. */
export interface EditionAllocationsTable {
  edition_id: string;
  total_grosze: ColumnType<number, number | bigint, number | bigint>;
  city_grosze: ColumnType<number, number | bigint, number | bigint>;
  city_cap_grosze: ColumnType<number, number | bigint, number | bigint>;
  base_grosze: ColumnType<number, number | bigint, number | bigint>;
  population_weight_permille: number;
  small_share_permille: number;
  small_cap_grosze: ColumnType<number, number | bigint, number | bigint>;
  large_cap_permille: number;
  rounding_grosze: number;
  saved_by: string | null;
  saved_at: string;
}

/** 2026-12-03T05-10: implementation of a winning project (dates YYYY-MM-DD). */
export interface ImplementationsTable {
  id: string;
  proposal_id: string;
  edition_id: string;
  city_unit: ColumnType<string, string | undefined, string>;
  contact: ColumnType<string, string | undefined, string>;
  status: ColumnType<"planned" | "design" | "procurement" | "in_progress" | "done" | "not_feasible", ("planned" | "design" | "procurement" | "in_progress" | "done" | "not_feasible") | undefined, "planned" | "design" | "procurement" | "in_progress" | "done" | "not_feasible">;
  not_feasible_reason: string | null;
  progress_pct: ColumnType<number, number | undefined, number>;
  planned_start: string | null;
  planned_end: string | null;
  actual_start: string | null;
  actual_end: string | null;
  actual_cost_grosze: ColumnType<number | null, number | bigint | null, number | bigint | null>;
  created_at: string;
  updated_at: string;
  updated_by: string | null;
}

export interface ImplementationEntriesTable {
  id: string;
  implementation_id: string;
  entry_date: string;
  text: string;
  created_by: string | null;
  created_at: string;
}

export interface ImplementationEntryFilesTable {
  id: string;
  entry_id: string;
  storage_key: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  kind: "photo" | "document";
  caption: ColumnType<string, string | undefined, string>;
  position: ColumnType<number, number | undefined, number>;
}

/** 2026-12-03T08-40: a proposal's title and summary in another language (pl/uk/en). */
export interface ProposalTranslationsTable {
  proposal_id: string;
  lang: "pl" | "uk" | "en";
  title: string;
  summary: string;
  translated_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface FollowsTable {
  id: string;
  user_id: string;
  target_kind: "proposal" | "district" | "edition";
  target_id: string;
  created_at: string;
}

/** Which notifications a follower wants (1/0); no row means all. */
export interface FollowSettingsTable {
  user_id: string;
  status_changes: number;
  verification: number;
  results: number;
  implementation: number;
  updated_at: string;
}

export interface Database {
  districts: DistrictsTable;
  editions: EditionsTable;
  edition_phases: EditionPhasesTable;
  programmes: ProgrammesTable;
  pools: PoolsTable;
  proposals: ProposalsTable;
  proposal_cost_items: ProposalCostItemsTable;
  proposal_versions: ProposalVersionsTable;
  proposal_supports: ProposalSupportsTable;
  proposal_decisions: ProposalDecisionsTable;
  proposal_appeals: ProposalAppealsTable;
  proposal_coauthors: ProposalCoauthorsTable;
  final_lists: FinalListsTable;
  comments: CommentsTable;
  comment_flags: CommentFlagsTable;
  attachments: AttachmentsTable;
  paper_submissions: PaperSubmissionsTable;
  pool_results: PoolResultsTable;
  pool_tallies: PoolTalliesTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  sessions: SessionsTable;
  email_tokens: EmailTokensTable;
  outbox: OutboxTable;
  audit_log: AuditLogTable;
  voters: VotersTable;
  guardianships: GuardianshipsTable;
  participations: ParticipationsTable;
  ballots: BallotsTable;
  ballot_lines: BallotLinesTable;
  ballot_invalid_pools: BallotInvalidPoolsTable;
  turnout_counters: TurnoutCountersTable;
  voting_points: VotingPointsTable;
  voting_point_sessions: VotingPointSessionsTable;
  voting_point_officials: VotingPointOfficialsTable;
  voting_point_devices: VotingPointDevicesTable;
  register_imports: RegisterImportsTable;
  edition_phase_changes: EditionPhaseChangesTable;
  edition_allocations: EditionAllocationsTable;
  sealed_ballots: SealedBallotsTable;
  counted_receipts: CountedReceiptsTable;
  edition_keys: EditionKeysTable;
  implementations: ImplementationsTable;
  implementation_entries: ImplementationEntriesTable;
  implementation_entry_files: ImplementationEntryFilesTable;
  proposal_translations: ProposalTranslationsTable;
  follows: FollowsTable;
  follow_settings: FollowSettingsTable;
}

export type DistrictRow = Selectable<DistrictsTable>;
export type EditionRow = Selectable<EditionsTable>;
export type PoolRow = Selectable<PoolsTable>;
export type ProposalRow = Selectable<ProposalsTable>;
export type NewProposal = Insertable<ProposalsTable>;
// Generated is re-exported for later tables with database-made values.
export type { Generated };
