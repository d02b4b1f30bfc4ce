/**
 * The proposal categories and statuses, without zod: the filter form shows them in the browser
 * (./proposals, with the schemas, re-exports them).
 */
export const CATEGORIES = [
  "green",
  "sport",
  "culture",
  "education",
  "transport",
  "safety",
  "social",
  "health",
  "animals",
  "infrastructure",
] as const;

export const PROPOSAL_STATUSES = [
  "draft",
  "submitted",
  "in_verification",
  "needs_changes",
  "accepted",
  "rejected",
  "appealed",
  "appeal_accepted",
  "appeal_rejected",
  "withdrawn",
] as const;

/** Statuses the public may see; drafts stay with their authors. */
export const PUBLIC_STATUSES: readonly (typeof PROPOSAL_STATUSES)[number][] = PROPOSAL_STATUSES.filter((s) => s !== "draft");
