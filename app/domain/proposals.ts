/** Proposal vocabulary shared by pages, services and the seed. */
import { z } from "zod";

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
export const CategorySchema = z.enum(CATEGORIES);
export type Category = z.infer<typeof CategorySchema>;

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
export const ProposalStatusSchema = z.enum(PROPOSAL_STATUSES);
export type ProposalStatus = z.infer<typeof ProposalStatusSchema>;

/** Statuses the public may see; drafts stay with their authors. */
export const PUBLIC_STATUSES: readonly ProposalStatus[] = PROPOSAL_STATUSES.filter((s) => s !== "draft");

/** Text used for portable, case-insensitive search (no reliance on a database collation). */
export function searchText(...parts: string[]): string {
  return parts
    .join(" ")
    .normalize("NFC")
    .toLocaleLowerCase("pl")
    .replace(/\s+/g, " ")
    .trim();
}

/** Filters a resident can apply on a district or pool listing (query string, parsed with zod). */
export const ProposalFilterSchema = z.object({
  // a query string is never an error page: over-long text is cut, anything odd is dropped
  q: z
    .string()
    .optional()
    .transform((v) => v?.trim().slice(0, 100) || undefined)
    .catch(undefined),
  pool: z.enum(["district_large", "district_small"]).optional().catch(undefined),
  category: CategorySchema.optional().catch(undefined),
  status: ProposalStatusSchema.exclude(["draft"]).optional().catch(undefined),
});
export type ProposalFilter = Partial<z.output<typeof ProposalFilterSchema>>;
