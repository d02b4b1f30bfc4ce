/**
 * What a notification is about, and whose follows it reaches (#17): a proposal's district and
 * edition, an edition's counted pools and the proposals on their ballots, with their authors.
 */
import type { Db } from "../../db/client";
import type { FollowTarget } from "~/domain/follows";

export interface ProposalSubject {
  id: string;
  title: string;
  editionId: string;
  districtId: string | null;
  authorUserId: string | null;
}

export async function getProposalSubject(db: Db, proposalId: string): Promise<ProposalSubject | null> {
  const r = await db
    .selectFrom("proposals as p")
    .innerJoin("pools as po", "po.id", "p.pool_id")
    .select(["p.id", "p.title", "p.edition_id", "po.district_id", "p.author_user_id"])
    .where("p.id", "=", proposalId)
    .executeTakeFirst();
  return r ? { id: r.id, title: r.title, editionId: r.edition_id, districtId: r.district_id, authorUserId: r.author_user_id } : null;
}

/** The follows that reach a proposal's news: the proposal itself, its district, its edition. */
export function proposalTargets(s: ProposalSubject): { kind: FollowTarget; id: string }[] {
  return [{ kind: "proposal", id: s.id }, ...(s.districtId ? [{ kind: "district" as const, id: s.districtId }] : []), { kind: "edition", id: s.editionId }];
}

export interface EditionResultsSubject {
  editionId: string;
  year: number;
  name: string;
  districtIds: string[];
  /** The proposals counted in the published pools, with their authors (null: paper proposals). */
  proposals: { id: string; title: string; authorUserId: string | null; selected: boolean }[];
}

export async function getEditionResultsSubject(db: Db, editionId: string): Promise<EditionResultsSubject | null> {
  const e = await db.selectFrom("editions").select(["id", "year", "name"]).where("id", "=", editionId).executeTakeFirst();
  if (!e) return null;
  const rows = await db
    .selectFrom("pool_results as r")
    .innerJoin("proposals as p", "p.id", "r.proposal_id")
    .innerJoin("pools as po", "po.id", "r.pool_id")
    .select(["p.id", "p.title", "p.author_user_id", "r.selected", "po.district_id"])
    .where("p.edition_id", "=", editionId)
    .orderBy("p.id")
    .execute();
  return {
    editionId: e.id,
    year: e.year,
    name: e.name,
    districtIds: [...new Set(rows.flatMap((r) => (r.district_id ? [r.district_id] : [])))],
    proposals: rows.map((r) => ({ id: r.id, title: r.title, authorUserId: r.author_user_id, selected: Number(r.selected) > 0 })),
  };
}

/** Mail addresses and languages of people (live accounts with a verified address) and their "results" choice. */
export async function listMailableUsers(db: Db, userIds: readonly string[]): Promise<{ userId: string; email: string; locale: string; wantsResults: boolean }[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .selectFrom("users as u")
    .leftJoin("follow_settings as s", "s.user_id", "u.id")
    .select(["u.id", "u.email", "u.locale", "s.results"])
    .where("u.id", "in", [...userIds])
    .where("u.deleted_at", "is", null)
    .where("u.email", "is not", null)
    .where("u.email_verified_at", "is not", null)
    .execute();
  return rows.map((r) => ({ userId: r.id, email: r.email!, locale: r.locale, wantsResults: r.results === null || r.results === 1 }));
}

export async function getImplementationSubject(db: Db, implementationId: string): Promise<{ id: string; proposalId: string; status: string; progressPct: number } | null> {
  const r = await db.selectFrom("implementations").select(["id", "proposal_id", "status", "progress_pct"]).where("id", "=", implementationId).executeTakeFirst();
  return r ? { id: r.id, proposalId: r.proposal_id, status: r.status, progressPct: Number(r.progress_pct) } : null;
}
