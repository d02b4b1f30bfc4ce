/**
 * The demo edition configured like Kraków and Gdańsk (#14), on a running test server's database,
 * through the pools page's own services (as an administrator before voting): the city pool a ranking
 * of exactly 3 places worth 3/2/1 points, every district's large pool 5 points to share, projects in
 * a random order per voter, winners by greedy with ties to the cheaper project. Then voting opens.
 * For browser tests that need these ballots whatever ran before them.
 */
import { openDatabase } from "../../db/client";
import { setBallotOrder, setPoolBallotRules } from "../../app/services/ballot-setup.server";
import type { Actor } from "../../app/domain/permissions";
import { setDemoPhase } from "./phase";

export const KRAKOW = { kind: "ranked" as const, ranks: 3, exact: true, pointsPerRank: [3, 2, 1] };
export const GDANSK = { kind: "points", maxTotal: 5, maxPerProject: 5 } as const;
const SELECTION = { method: "greedy", minScore: 0, tieBreak: "lower-cost" } as const;
const ADMIN: Actor = { id: "usr_demo_admin", roles: [{ role: "admin", scope: "*" }] };
const EDITION = "ed_2026";

/** Sets the ballots up (the server must still be before voting) and opens voting. */
export async function setUpKrakowGdansk(dbPath: string): Promise<void> {
  const { db, close } = openDatabase(dbPath);
  try {
    const pools = await db.selectFrom("pools as p").innerJoin("programmes as pr", "pr.id", "p.programme_id").select(["p.id", "p.kind", "pr.id as programmeId"]).where("pr.edition_id", "=", EDITION).where("pr.kind", "=", "bo").execute();
    const city = pools.find((p) => p.kind === "city");
    const large = pools.find((p) => p.kind === "district_large");
    if (!city || !large) throw new Error("the demo edition has no city or district large pool");
    const must = (step: string, r: { ok: boolean }) => {
      if (!r.ok) throw new Error(`${step}: ${JSON.stringify(r)}`);
    };
    must("city pool", await setPoolBallotRules(db, ADMIN, { editionId: EDITION, poolId: city.id, ballotRule: KRAKOW, selectionRule: SELECTION, sameKind: false }));
    must("large pools", await setPoolBallotRules(db, ADMIN, { editionId: EDITION, poolId: large.id, ballotRule: GDANSK, selectionRule: SELECTION, sameKind: true }));
    must("ballot order", await setBallotOrder(db, ADMIN, { editionId: EDITION, programmeId: city.programmeId, order: "random" }));
  } finally {
    await close();
  }
  setDemoPhase(dbPath, "voting");
}
