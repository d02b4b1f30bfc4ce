/**
 * Following (#17) on a real database built by the migrations and seeded: authors follow their
 * proposals from submission; followers of a proposal, its district or its edition get one mail per
 * decision in their own language, only for what they chose, with a signed one-click unsubscribe
 * link; the link works without signing in (page and RFC 8058 POST), a forged one changes nothing;
 * implementation updates reach followers too. Every change is audited; refusals change nothing.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { unsubscribeToken } from "~/auth/unsubscribe.server";
import { closeDatabase } from "~/db.server";
import type { Actor } from "~/domain/permissions";
import { UpdateInputSchema } from "~/domain/implementation";
import { followTarget, saveFollowSettings, unfollowTarget, unsubscribeWithToken } from "~/services/follows.server";
import { updateImplementationState } from "~/services/implementations.server";
import { notifyResultsPublished } from "~/services/follow-notifications.server";
import { decideProposal, saveProposal, supportProposal } from "~/services/proposals.server";
import * as unsubscribeRoute from "~/routes/unsubscribe";
import { seedDemo } from "../../app/cli/seed";
import { createTestDb, type TestDb } from "../support/db";
import { author, benchesDraft, official, ORIGIN, stepClock, SUBMISSION, supporters, T0, VERIFICATION } from "../support/workflow";

const later = stepClock();
const uk: Actor = { id: "usr_t_follower_uk", roles: [] };
const en: Actor = { id: "usr_t_follower_en", roles: [] };
const pl: Actor = { id: "usr_t_follower_pl", roles: [] };
let t: TestDb;
let id = "";
let districtId = "";
let editionId = "";

beforeAll(async () => {
  t = await createTestDb();
  // the route opens the app's own handle on this database; the environment is read once, so first
  vi.stubEnv("DATABASE_URL", t.path);
  await seedDemo(t.db, T0, "submission", { stories: false });
  const iso = T0.toISOString();
  for (const [u, locale] of [[uk, "uk"], [en, "en"], [pl, "pl"]] as const) {
    await t.db.insertInto("users").values({ id: u.id, email: `${u.id}@example.test`, email_verified_at: iso, password_hash: null, display_name: u.id, locale, created_at: iso, deleted_at: null }).execute();
  }
  const r = await saveProposal(t.db, author, await benchesDraft(t.db, { intent: "submit" }), null, later(SUBMISSION));
  if (!r.ok) throw new Error(r.reason);
  id = r.id;
  for (const s of supporters(15)) await supportProposal(t.db, s, id, later(SUBMISSION));
  const p = await t.db.selectFrom("proposals as p").innerJoin("pools as po", "po.id", "p.pool_id").select(["po.district_id", "p.edition_id"]).where("p.id", "=", id).executeTakeFirstOrThrow();
  districtId = p.district_id!;
  editionId = p.edition_id;
});
afterAll(async () => {
  await closeDatabase();
  vi.unstubAllEnvs();
  await t?.cleanup();
});

const count = async (table: "follows" | "audit_log" | "outbox" | "follow_settings") => Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
const mailsTo = (u: Actor | string, kind?: string) => {
  let q = t.db.selectFrom("outbox").selectAll().where("to_address", "=", typeof u === "string" ? u : `${u.id}@example.test`);
  if (kind) q = q.where("kind", "=", kind);
  return q.orderBy("created_at").execute();
};

describe("following", () => {
  it("the author follows the proposal from its submission (audited)", async () => {
    const f = await t.db.selectFrom("follows").selectAll().where("user_id", "=", author.id).execute();
    expect(f).toMatchObject([{ target_kind: "proposal", target_id: id }]);
    expect(await t.db.selectFrom("audit_log").select("action").where("action", "=", "follow.add").where("object_id", "=", id).execute()).toHaveLength(1);
  });

  it("follows a public proposal, a district, an edition; once each", async () => {
    const audit = await count("audit_log");
    expect(await followTarget(t.db, uk, "proposal", id)).toEqual({ ok: true, changed: true });
    expect(await followTarget(t.db, uk, "proposal", id)).toEqual({ ok: true, changed: false });
    expect(await followTarget(t.db, en, "district", districtId)).toEqual({ ok: true, changed: true });
    expect(await followTarget(t.db, en, "edition", editionId)).toEqual({ ok: true, changed: true });
    expect(await followTarget(t.db, pl, "proposal", id)).toEqual({ ok: true, changed: true });
    expect(await count("audit_log")).toBe(audit + 4);
  });

  it("refuses what does not exist or is not public, changing nothing", async () => {
    const draft = await saveProposal(t.db, author, await benchesDraft(t.db, { title: "Szkic ławek" }), null, later(SUBMISSION));
    if (!draft.ok) throw new Error(draft.reason);
    const before = [await count("follows"), await count("audit_log")];
    expect(await followTarget(t.db, uk, "proposal", draft.id)).toEqual({ ok: false, reason: "not_found" });
    expect(await followTarget(t.db, uk, "district", "no_such_district")).toEqual({ ok: false, reason: "not_found" });
    expect(await unfollowTarget(t.db, uk, "district", districtId)).toEqual({ ok: false, reason: "not_following" });
    expect([await count("follows"), await count("audit_log")]).toEqual(before);
  });
});

describe("notifications", () => {
  it("a decision reaches each follower once, in their language, with an unsubscribe link; not the author's copy", async () => {
    expect(await decideProposal(t.db, official, id, { intent: "start_verification" }, ORIGIN, later(VERIFICATION))).toMatchObject({ ok: true });
    const [toUk] = await mailsTo(uk, "follow_status");
    expect(toUk!.subject).toContain("Ławki nad morzem w Orłowie");
    expect(toUk!.body_text).toContain("Проєкт «Ławki nad morzem w Orłowie», за яким ви стежите");
    const ukFollow = await t.db.selectFrom("follows").select("id").where("user_id", "=", uk.id).executeTakeFirstOrThrow();
    const link = `${ORIGIN}/unsubscribe?t=${encodeURIComponent(unsubscribeToken(ukFollow.id))}`;
    expect(toUk!.body_text).toContain(link);
    expect(toUk!.unsubscribe_url).toBe(link);
    // follows the district and the edition: one mail, in English, whose link ends the district follow
    const toEn = await mailsTo(en, "follow_status");
    expect(toEn).toHaveLength(1);
    expect(toEn[0]!.body_text).toContain("you follow has a new status");
    const enDistrict = await t.db.selectFrom("follows").select("id").where("user_id", "=", en.id).where("target_kind", "=", "district").executeTakeFirstOrThrow();
    expect(toEn[0]!.unsubscribe_url).toContain(encodeURIComponent(unsubscribeToken(enDistrict.id)));
    // the author has the author's mail only
    const authorEmail = (await t.db.selectFrom("users").select("email").where("id", "=", author.id).executeTakeFirstOrThrow()).email!;
    expect(await mailsTo(authorEmail, "follow_status")).toHaveLength(0);
    expect(await mailsTo(authorEmail, "proposal_status")).toHaveLength(1);
  });

  it("only what a follower chose: verification decisions off means no mail for them", async () => {
    await saveFollowSettings(t.db, pl, { status_changes: true, verification: false, results: true, implementation: true });
    expect(await t.db.selectFrom("audit_log").select("action").where("action", "=", "follow.settings").where("actor_user_id", "=", pl.id).execute()).toHaveLength(1);
    const plBefore = (await mailsTo(pl)).length;
    const ukBefore = (await mailsTo(uk)).length;
    const r = await decideProposal(t.db, official, id, { intent: "formal_pass", met: ["complete", "location", "pool_caps", "support"] }, ORIGIN, later(VERIFICATION));
    expect(r).toMatchObject({ ok: true });
    expect((await mailsTo(pl)).length).toBe(plBefore);
    expect((await mailsTo(uk)).length).toBe(ukBefore + 1);
  });
});

describe("unsubscribe", () => {
  it("a forged or altered link changes nothing", async () => {
    const f = await t.db.selectFrom("follows").select("id").where("user_id", "=", uk.id).executeTakeFirstOrThrow();
    const before = [await count("follows"), await count("audit_log")];
    for (const bad of [`${f.id}.${"A".repeat(43)}`, unsubscribeToken(f.id, "another-secret-of-32-characters-xx"), `${f.id}x${unsubscribeToken(f.id).slice(f.id.length)}`, "", null, "x".repeat(300)]) {
      expect(await unsubscribeWithToken(t.db, bad)).toEqual({ ok: false, reason: "invalid_token" });
    }
    expect([await count("follows"), await count("audit_log")]).toEqual(before);
  });

  it("the page shows what the link ends; one POST (RFC 8058, no sign-in) ends it; a second use is harmless", async () => {
    const f = await t.db.selectFrom("follows").select("id").where("user_id", "=", uk.id).executeTakeFirstOrThrow();
    const url = `${ORIGIN}/unsubscribe?t=${encodeURIComponent(unsubscribeToken(f.id))}`;
    const page = (await unsubscribeRoute.loader({ request: new Request(url), params: {}, context: {} })) as { state: string; what: { label: string } };
    expect(page).toMatchObject({ state: "confirm", what: { kind: "proposal", label: "Ławki nad morzem w Orłowie" } });
    expect(await t.db.selectFrom("follows").select("id").where("id", "=", f.id).execute()).toHaveLength(1); // GET changed nothing
    const post = () => new Request(url, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "List-Unsubscribe=One-Click" });
    const res = (await unsubscribeRoute.action({ request: post(), params: {}, context: {} })) as Response;
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/unsubscribe?done=1");
    expect(await t.db.selectFrom("follows").select("id").where("id", "=", f.id).execute()).toHaveLength(0);
    expect(await t.db.selectFrom("audit_log").select(["actor_user_id", "action"]).where("action", "=", "follow.unsubscribe").execute()).toEqual([{ actor_user_id: uk.id, action: "follow.unsubscribe" }]);
    const again = (await unsubscribeRoute.action({ request: post(), params: {}, context: {} })) as Response;
    expect(again.headers.get("Location")).toBe("/unsubscribe?done=gone");
    // the next decision no longer reaches them
    const ukBefore = (await mailsTo(uk)).length;
    await decideProposal(t.db, official, id, { intent: "merit_pass", met: ["feasibility", "cost_estimate", "land", "compliance"] }, ORIGIN, later(VERIFICATION));
    expect((await mailsTo(uk)).length).toBe(ukBefore);
  });
});

describe("implementation updates", () => {
  it("reach the followers of the project", async () => {
    const impl = await t.db.selectFrom("implementations").select(["id", "proposal_id"]).orderBy("id").executeTakeFirst();
    if (!impl) return expect.fail("the seed has implementations of the 2025 winners");
    expect(await followTarget(t.db, pl, "proposal", impl.proposal_id)).toMatchObject({ ok: true });
    const r = await updateImplementationState(t.db, official, impl.id, { ...UpdateInputSchema.parse({ intent: "update", status: "in_progress", progressPct: "40" }) });
    expect(r).toEqual({ ok: true });
    const [m] = await mailsTo(pl, "follow_implementation");
    expect(m!.body_text).toContain("postęp: 40%");
    expect(m!.body_text).toContain(`/realizacje/${impl.id}`);
  });
});

describe("results published", () => {
  it("reach the edition's followers and every author of a counted project, once each", async () => {
    const e = await t.db.selectFrom("editions").select(["id", "year"]).where("status", "=", "archived").orderBy("year", "desc").executeTakeFirstOrThrow();
    const winner = await t.db.selectFrom("pool_results as r").innerJoin("proposals as p", "p.id", "r.proposal_id").select("p.id").where("p.edition_id", "=", e.id).where("r.selected", ">", 0).orderBy("p.id").executeTakeFirstOrThrow();
    await t.db.updateTable("proposals").set({ author_user_id: uk.id }).where("id", "=", winner.id).execute(); // as if written online
    expect(await followTarget(t.db, en, "edition", e.id)).toMatchObject({ ok: true });
    expect(await followTarget(t.db, uk, "proposal", winner.id)).toMatchObject({ ok: true }); // author and follower: one mail
    const n = await notifyResultsPublished(t.db, e.id, later(VERIFICATION), ORIGIN);
    const toEn = await mailsTo(en, "follow_results");
    expect(toEn).toHaveLength(1);
    expect(toEn[0]!.body_text).toContain(`${ORIGIN}/results/${e.year}`);
    expect(toEn[0]!.unsubscribe_url).toContain("/unsubscribe?t=");
    const toUk = await mailsTo(uk, "follow_results");
    expect(toUk).toHaveLength(1);
    expect(toUk[0]!.body_text).toContain("Ваші проєкти:");
    expect(toUk[0]!.body_text).toContain(`обрано для реалізації (${ORIGIN}/proposals/${winner.id})`);
    expect(n).toBeGreaterThanOrEqual(2);
  });

  it("reach hundreds of followers in batched inserts: one mail each, each with its own unsubscribe link", async () => {
    const e = await t.db.selectFrom("editions").select(["id"]).where("status", "=", "archived").orderBy("year", "asc").executeTakeFirstOrThrow();
    const iso = T0.toISOString();
    const many = Array.from({ length: 450 }, (_, i) => ({ id: `usr_t_many_${i}`, roles: [] }) as Actor);
    for (const u of many) await t.db.insertInto("users").values({ id: u.id, email: `${u.id}@example.test`, email_verified_at: iso, password_hash: null, display_name: u.id, locale: "pl", created_at: iso, deleted_at: null }).execute();
    for (const u of many) expect(await followTarget(t.db, u, "edition", e.id)).toMatchObject({ ok: true });
    const before = await count("outbox");
    const n = await notifyResultsPublished(t.db, e.id, later(VERIFICATION), ORIGIN);
    expect(n).toBeGreaterThanOrEqual(450);
    expect((await count("outbox")) - before).toBe(n);
    const rows = await t.db.selectFrom("outbox").select(["to_address", "unsubscribe_url"]).where("to_address", "like", "usr_t_many_%").where("kind", "=", "follow_results").execute();
    expect(rows).toHaveLength(450);
    expect(new Set(rows.map((r) => r.to_address)).size).toBe(450);
    expect(new Set(rows.map((r) => r.unsubscribe_url)).size).toBe(450);
  });
});
