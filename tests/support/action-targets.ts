/**
 * Every URL the HTTP fuzzers post to, and how they know it is every action: the route modules in
 * app/routes that export an action are read from the files, so a route added later without a
 * target here fails the fuzzers' first test.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type Database from "better-sqlite3";
import { repoRoot } from "./server";

/** A draft of the demo resident's, so author-only actions (attachments, co-authors, edit) get past their guard. */
export const DRAFT_ID = "prp_fuzz_draft";

/** Inserts DRAFT_ID as a copy of `proposalId` (a writable connection to the server's database). */
export function insertFuzzDraft(w: Database.Database, proposalId: string): void {
  w.prepare(
    `insert into proposals (id, edition_id, pool_id, number, title, summary, description, category, location, beneficiaries, cost_grosze, status, search_text, created_at, updated_at, author_user_id)
     select ?, edition_id, pool_id, 'FUZZ-1', title, summary, description, category, location, beneficiaries, cost_grosze, 'draft', search_text, created_at, updated_at, 'usr_demo_resident' from proposals where id = ?`,
  ).run(DRAFT_ID, proposalId);
  w.prepare(
    "insert into proposal_cost_items (id, proposal_id, label, amount_grosze, position) select 'fuzz_' || position, ?, label, amount_grosze, position from proposal_cost_items where proposal_id = ?",
  ).run(DRAFT_ID, proposalId);
}

/** POST targets, one or more per action route (params filled with real and bogus values). */
export const targets = (proposalId: string) => [
  "/account/delete",
  "/admin/users",
  "/admin/voting-points",
  "/admin/voting-points/vp_wymiennikownia",
  "/admin/voting-points/vp_nie-ma-takiego",
  "/admin/editions",
  "/admin/editions/ed_2026",
  "/admin/editions/nie-ma-takiej",
  "/admin/editions/ed_2026/phases",
  "/admin/editions/ed_2026/programmes",
  "/admin/editions/ed_2026/close",
  "/admin/editions/ed_9999/close",
  "/admin/editions/ed_2026/districts",
  "/admin/editions/ed_2026/pools",
  "/admin/editions/ed_2026/pools/pool_2026_city/exclusive",
  "/admin/editions/ed_2026/pools/pool_nie-ma-takiej/exclusive",
  "/admin/editions/ed_2026/commission",
  "/admin/editions/nie-ma-takiej/commission",
  "/admin/editions/nie-ma-takiej/districts",
  "/forgot-password",
  "/lang",
  "/moderation/comments",
  "/official/final-list",
  "/official/paper",
  "/official/register",
  "/official/results",
  "/official/voting-point",
  `/proposals/${proposalId}`,
  "/proposals/nie-ma-takiego",
  `/proposals/${proposalId}/appeal`,
  `/proposals/${proposalId}/edit`,
  `/proposals/${proposalId}/review`,
  "/proposals/new",
  "/reset-password",
  "/signin",
  "/signout",
  "/signup",
  "/verify-email",
  "/vote/bo?index",
  "/vote/youth?index",
  "/vote/xyz?index",
  "/vote/bo/ballot?district=orlowo",
  "/vote/children/ballot",
  "/vote/bo/child",
  "/vote/receipt",
  `/proposals/${proposalId}/attachments`,
  `/proposals/${proposalId}/coauthors`,
  `/proposals/${DRAFT_ID}`,
  `/proposals/${DRAFT_ID}/edit`,
  `/proposals/${DRAFT_ID}/attachments`,
  `/proposals/${DRAFT_ID}/coauthors`,
  "/proposals/nie-ma-takiego/attachments",
  `/proposals/${proposalId}/translations`,
  `/proposals/${DRAFT_ID}/translations`,
  "/proposals/nie-ma-takiego/translations",
  "/official/proposals/new",
  "/invitations/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
  "/invitations/%3Cscript%3E",
  "/api/v1/editions",
  "/api/v1/nie-ma-takiego",
  "/api/openapi.json",
  "/official/implementations/imp_prp_2025_1",
  "/official/implementations/imp_nie-ma-takiej",
  "/follow",
  "/account/following",
  "/unsubscribe",
  "/unsubscribe?t=AAAA.BBBB",
];

/**
 * Route modules in app/routes that export an action, as URL patterns (Remix v2 flat routes:
 * "." is "/", "$x" a parameter, a trailing "_" opts out of layout nesting, "_index" and "_x" add no
 * segment). Read from the files, so a route added later is in this list without anyone remembering.
 */
export function actionRoutes(): { file: string; segments: string[] }[] {
  const dir = join(repoRoot, "app", "routes");
  const out: { file: string; segments: string[] }[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = entry.isDirectory() ? ["route.tsx", "route.ts"].map((f) => join(entry.name, f)).find((f) => existsSync(join(dir, f))) : entry.name;
    if (!file || !/\.tsx?$/.test(file)) continue;
    const src = readFileSync(join(dir, file), "utf8");
    if (!/export\s+(async\s+)?(function|const|let)\s+action\b|export\s*\{[^}]*\baction\b[^}]*\}/.test(src)) continue;
    const name = (entry.isDirectory() ? entry.name : entry.name.replace(/\.tsx?$/, "")).replace(/\[(.)\]/g, "$1");
    const segments = name
      .split(".")
      .filter((seg) => !seg.startsWith("_"))
      .map((seg) => seg.replace(/_$/, ""));
    out.push({ file, segments });
  }
  return out;
}
/** The route a URL would reach: among the matching patterns, the one with the most static segments. */
export function routeOf(url: string, routes: { file: string; segments: string[] }[]): string | undefined {
  const parts = url.split("?")[0]!.split("/").filter(Boolean);
  const matching = routes.filter((r) => r.segments.length === parts.length && r.segments.every((seg, i) => seg.startsWith("$") || seg === decodeURIComponent(parts[i]!)));
  matching.sort((a, b) => b.segments.filter((s) => !s.startsWith("$")).length - a.segments.filter((s) => !s.startsWith("$")).length);
  return matching[0]?.file;
}

/** Tables a refused request must leave as they were. */
export const KEY_TABLES = [
  "users",
  "user_roles",
  "voters",
  "participations",
  "ballots",
  "ballot_lines",
  "sealed_ballots",
  "counted_receipts",
  "edition_keys",
  "turnout_counters",
  "proposals",
  "proposal_supports",
  "proposal_appeals",
  "proposal_decisions",
  "comments",
  "comment_flags",
  "final_lists",
  "pool_results",
  "voting_point_sessions",
  "voting_points",
  "voting_point_officials",
  "voting_point_devices",
  "audit_log",
  "email_tokens",
  "attachments",
  "proposal_coauthors",
  "paper_submissions",
  "proposal_versions",
  "proposal_cost_items",
  "outbox",
  "implementations",
  "implementation_entries",
  "implementation_entry_files",
  "proposal_translations",
  "follows",
  "follow_settings",
];

