/** Proposal vocabulary shared by pages, services and the seed. */
import { z } from "zod";
import { PAGE_MAX } from "./paging";
import { CATEGORIES, PROPOSAL_STATUSES, PUBLIC_STATUSES } from "./proposal-vocabulary";

export { CATEGORIES, PROPOSAL_STATUSES, PUBLIC_STATUSES };

export const CategorySchema = z.enum(CATEGORIES);
export type Category = z.infer<typeof CategorySchema>;

export const ProposalStatusSchema = z.enum(PROPOSAL_STATUSES);
export type ProposalStatus = z.infer<typeof ProposalStatusSchema>;

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

/** `?page=` of a listing as typed in a URL: a whole number from 1; anything else is the first page (never an error). */
export const PageParamSchema = z.coerce.number().int().min(1).max(PAGE_MAX).catch(1);
