/**
 * The phases of an edition, in order. Kept apart from ./rules (which builds zod schemas) so the
 * pages that only show a timeline do not bring zod into the browser.
 */
export const PHASES = ["submission", "verification", "appeals", "final_list", "voting", "counting", "results"] as const;
export type Phase = (typeof PHASES)[number];
