/**
 * Creates an archived edition from a Pabulib `.pb` file: one programme, one city-wide pool, the
 * projects with their real costs and vote counts, and published results. Used by the demo seed.
 */
import type { Kysely } from "kysely";
import type { Database } from "./schema";
import { parsePabulib, pbBudget } from "../app/domain/counting/pabulib";
import { searchText } from "../app/domain/proposals";

type Db = Kysely<Database>;

export interface ArchiveImportOptions {
  year: number;
  source: string;
  now: Date;
}

export async function importPabulibArchive(db: Db, text: string, opts: ArchiveImportOptions): Promise<void> {
  const election = parsePabulib(text);
  const ed = `ed_${opts.year}`;
  const at = opts.now.toISOString();
  const exists = await db.selectFrom("editions").select("id").where("id", "=", ed).executeTakeFirst();
  if (exists) return;
  await db.insertInto("editions").values({ id: ed, year: opts.year, status: "archived", source: opts.source, created_at: at }).execute();
  const prog = `${ed}_bo`;
  await db
    .insertInto("programmes")
    .values({ id: prog, edition_id: ed, kind: "bo", moderation: "officials", min_age: null, max_age: null, guardian_below_age: null, supports_required: 0, position: 0 })
    .execute();
  const threshold = Number(election.meta["min_project_score_threshold"] ?? 0) || 0;
  const maxLength = Number(election.meta["max_length"] ?? 3) || 3;
  const pool = `pool_${opts.year}_city`;
  await db
    .insertInto("pools")
    .values({
      id: pool,
      programme_id: prog,
      district_id: null,
      kind: "city",
      budget_grosze: pbBudget(election),
      max_project_cost_grosze: null,
      ballot_rule: JSON.stringify({ kind: "approval", minTicks: Number(election.meta["min_length"] ?? 0) || 0, maxTicks: maxLength }),
      selection_rule: JSON.stringify({ method: "greedy-no-skip", minScore: threshold, tieBreak: "lower-cost" }),
      position: 0,
    })
    .execute();

  const ranked = [...election.projects].sort((a, b) => (b.votes ?? 0) - (a.votes ?? 0) || a.id.localeCompare(b.id));
  let spent = 0;
  for (const [i, p] of ranked.entries()) {
    const id = `prp_${opts.year}_${i + 1}`;
    const title = p.name ?? p.id;
    await db
      .insertInto("proposals")
      .values({
        id,
        edition_id: ed,
        pool_id: pool,
        number: p.id,
        title,
        summary: title,
        description: "",
        category: p.extra["category"] ?? "culture",
        location: "Gdynia",
        beneficiaries: "",
        cost_grosze: p.cost,
        status: "accepted",
        search_text: searchText(title),
        created_at: at,
        updated_at: at,
      })
      .execute();
    const selected = p.selected ?? 0;
    if (selected > 0) spent += Number(p.cost);
    await db
      .insertInto("pool_results")
      .values({ pool_id: pool, proposal_id: id, votes: p.votes ?? 0, score: p.score ?? p.votes ?? 0, rank: i + 1, selected, decision: selected > 0 ? "funded" : "not_funded" })
      .execute();
  }
  await db.insertInto("pool_tallies").values({ pool_id: pool, voters: election.votes.length, spent_grosze: spent, published_at: at }).execute();
}
