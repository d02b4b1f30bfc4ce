/**
 * Creates an archived edition from a Pabulib `.pb` file — or adds a pool to one: the projects with
 * their real costs and vote counts, and published results. Used by the demo seed and by
 * `npm run edition -- import`.
 */
import type { Db } from "../../db/client";
import { parsePabulib, pbBudget } from "~/domain/counting/pabulib";
import { CATEGORIES, searchText, type Category } from "~/domain/proposals";

export interface ArchiveImportOptions {
  year: number;
  source: string;
  now: Date;
  /** default: the city-wide pool */
  poolKind?: "city" | "district_large" | "district_small";
  districtSlug?: string;
}

/** Returns false (and changes nothing) when the edition already has this pool, or is not an archive. */
export async function importPabulibArchive(db: Db, text: string, opts: ArchiveImportOptions): Promise<boolean> {
  const election = parsePabulib(text);
  const ed = `ed_${opts.year}`;
  const at = opts.now.toISOString();
  const kind = opts.poolKind ?? "city";
  const district = opts.districtSlug
    ? await db.selectFrom("districts").select("id").where("slug", "=", opts.districtSlug).executeTakeFirst()
    : undefined;
  if (opts.districtSlug && !district) throw new Error(`unknown district: ${opts.districtSlug}`);
  if (kind !== "city" && !district) throw new Error("a district pool needs --district");
  const suffix = kind === "city" ? "city" : `${opts.districtSlug}_${kind === "district_large" ? "large" : "small"}`;
  const pool = `pool_${opts.year}_${suffix}`;
  const edition = await db.selectFrom("editions").select(["id", "status"]).where("id", "=", ed).executeTakeFirst();
  if (edition && edition.status !== "archived") return false;
  if (await db.selectFrom("pools").select("id").where("id", "=", pool).executeTakeFirst()) return false;
  const prog = `${ed}_bo`;
  if (!edition) {
    await db.insertInto("editions").values({ id: ed, year: opts.year, status: "archived", source: opts.source, created_at: at }).execute();
    await db
      .insertInto("programmes")
      .values({ id: prog, edition_id: ed, kind: "bo", moderation: "officials", min_age: null, max_age: null, guardian_below_age: null, supports_required: 0, position: 0 })
      .execute();
  }
  const position = Number((await db.selectFrom("pools").select((eb) => eb.fn.countAll<number>().as("n")).where("programme_id", "=", prog).executeTakeFirstOrThrow()).n);
  const threshold = Number(election.meta["min_project_score_threshold"] ?? 0) || 0;
  const maxLength = Number(election.meta["max_length"] ?? 3) || 3;
  await db
    .insertInto("pools")
    .values({
      id: pool,
      programme_id: prog,
      district_id: district?.id ?? null,
      kind,
      budget_grosze: pbBudget(election),
      max_project_cost_grosze: null,
      ballot_rule: JSON.stringify({ kind: "approval", minTicks: Number(election.meta["min_length"] ?? 0) || 0, maxTicks: maxLength }),
      selection_rule: JSON.stringify({ method: "greedy-no-skip", minScore: threshold, tieBreak: "lower-cost" }),
      position,
    })
    .execute();

  const ranked = [...election.projects].sort((a, b) => (b.votes ?? 0) - (a.votes ?? 0) || a.id.localeCompare(b.id));
  let spent = 0;
  for (const [i, p] of ranked.entries()) {
    const id = kind === "city" ? `prp_${opts.year}_${i + 1}` : `prp_${opts.year}_${suffix}_${i + 1}`;
    const title = p.name ?? p.id;
    await db
      .insertInto("proposals")
      .values({
        id,
        edition_id: ed,
        pool_id: pool,
        number: kind === "city" ? p.id : `${opts.districtSlug}/${p.id}`,
        title,
        summary: title,
        description: "",
        category: (p.extra["category"] ?? "").split(",").map((c) => c.trim()).find((c): c is Category => (CATEGORIES as readonly string[]).includes(c)) ?? "culture",
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
  return true;
}
