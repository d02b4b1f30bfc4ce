/**
 * #16 item 4 on a real database built by the migrations and the demo seed: the seed's translations
 * of the children-and-youth budget, saving/removing by the author or a translator of the programme
 * (audited with before and after), refusals that change nothing, lists that bring translations, and
 * the migration's rebuild of user_roles keeping every grant.
 */
import { Migrator, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrationProvider, migrations } from "../../db/migrations/index";
import { DEMO_TRANSLATOR } from "../../app/cli/seed-translations";
import { clearCatalogueCache, getVotingProgramme, loadCatalogue } from "~/data/ballots.server";
import { listPublicProposals } from "~/data/proposals.server";
import { getApiProposals } from "~/data/public-api.server";
import { insertProposal } from "~/data/proposal-texts.server";
import { listTranslationsOf } from "~/data/proposal-translations.server";
import type { Actor } from "~/domain/permissions";
import { changeRole } from "~/services/roles.server";
import { loadTranslationsPage, removeTranslation, saveTranslation } from "~/services/translations.server";
import { createTestDb, onPostgres, type TestDb } from "../support/db";

let t: TestDb;
const NOW = new Date("2026-05-20T10:00:00Z");
const CHILD = "prp_children-1";
const author: Actor = { id: "usr_t_author", roles: [] };
const stranger: Actor = { id: "usr_t_stranger", roles: [] };
const boTranslator: Actor = { id: "usr_t_bo_translator", roles: [{ role: "translator", scope: "bo" }] };
const official: Actor = { id: "usr_t_official", roles: [{ role: "official", scope: "*" }] };
let boProposal: string;

async function state() {
  return {
    translations: await t.db.selectFrom("proposal_translations").selectAll().orderBy("proposal_id").orderBy("lang").execute(),
    audit: Number((await t.db.selectFrom("audit_log").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n),
  };
}

/** Each act a second later, so the newest audit row is the last act's. */
let seconds = 0;
const tick = () => new Date(NOW.getTime() + ++seconds * 1000);

async function lastAudit() {
  const row = await t.db.selectFrom("audit_log").selectAll().where("action", "like", "proposal.translation_%").orderBy("at", "desc").executeTakeFirstOrThrow();
  return { ...row, before: row.before_json ? JSON.parse(row.before_json) : null, after: row.after_json ? JSON.parse(row.after_json) : null };
}

beforeAll(async () => {
  clearCatalogueCache();
  t = await createTestDb({ seed: true, now: NOW, phase: "voting" });
  const iso = NOW.toISOString();
  for (const u of [author, stranger, boTranslator, official]) {
    await t.db.insertInto("users").values({ id: u.id, email: `${u.id}@example.test`, email_verified_at: iso, password_hash: null, display_name: u.id, locale: "pl", created_at: iso, deleted_at: null }).execute();
  }
  const bo = await t.db
    .selectFrom("proposals as p")
    .innerJoin("pools as po", "po.id", "p.pool_id")
    .innerJoin("programmes as pr", "pr.id", "po.programme_id")
    .select("p.id")
    .where("pr.kind", "=", "bo")
    .where("p.status", "=", "accepted")
    .orderBy("p.id")
    .executeTakeFirstOrThrow();
  boProposal = bo.id;
});
afterAll(async () => t.cleanup());

describe("the demo seed", () => {
  it("translates every children-and-youth proposal into Ukrainian and English, as the translator, audited", async () => {
    const children = await t.db.selectFrom("proposals").select("id").where("pool_id", "like", "pool_%_children").execute();
    expect(children.length).toBe(5);
    const rows = await t.db.selectFrom("proposal_translations").select(["proposal_id", "lang", "translated_by"]).execute();
    for (const c of children) {
      expect(rows.filter((r) => r.proposal_id === c.id).map((r) => r.lang).sort()).toEqual(["en", "uk"]);
    }
    expect(new Set(rows.map((r) => r.translated_by))).toEqual(new Set([DEMO_TRANSLATOR.id]));
    const audited = await t.db.selectFrom("audit_log").select(["actor_role", "object_id"]).where("action", "=", "proposal.translation_save").execute();
    expect(audited.length).toBe(10);
    expect(new Set(audited.map((a) => a.actor_role))).toEqual(new Set(["translator"]));
    const roles = await t.db.selectFrom("user_roles").select(["role", "scope"]).where("user_id", "=", DEMO_TRANSLATOR.id).execute();
    expect(roles).toEqual([{ role: "translator", scope: "children" }]);
  });
});

describe("saving and removing a translation", () => {
  it("lets the children's translator correct a Ukrainian translation, audited with before and after", async () => {
    const before = await state();
    const r = await saveTranslation(t.db, DEMO_TRANSLATOR, { proposalId: CHILD, lang: "uk", title: "Кімната для ігор у «Przystań»", summary: "Настільний футбол, аерохокей і пуфи — грати разом після школи." }, tick());
    expect(r).toEqual({ ok: true, created: false });
    const after = await state();
    expect(after.audit).toBe(before.audit + 1);
    expect(after.translations.length).toBe(before.translations.length);
    const row = after.translations.find((x) => x.proposal_id === CHILD && x.lang === "uk")!;
    expect(row.title).toBe("Кімната для ігор у «Przystań»");
    expect(row.updated_at > row.created_at).toBe(true);
    const a = await lastAudit();
    expect(a).toMatchObject({ action: "proposal.translation_save", object_type: "proposal", object_id: CHILD, actor_user_id: DEMO_TRANSLATOR.id, actor_role: "translator" });
    expect(a.before).toMatchObject({ lang: "uk", title: "Ігрова кімната в нашій «Przystań»" });
    expect(a.after).toMatchObject({ lang: "uk", title: "Кімната для ігор у «Przystań»", translatedBy: DEMO_TRANSLATOR.id });
  });

  it.each([
    ["a resident who is not the author", stranger, CHILD, "uk", "not_allowed"],
    ["an official (not a translator)", official, CHILD, "uk", "not_allowed"],
    ["a translator of another programme", boTranslator, CHILD, "en", "not_allowed"],
    ["the children's translator on a BO proposal", DEMO_TRANSLATOR, "BO", "uk", "not_allowed"],
    ["a proposal that does not exist", DEMO_TRANSLATOR, "prp_nope", "uk", "not_found"],
    ["the original's own language", DEMO_TRANSLATOR, CHILD, "pl", "same_as_original"],
  ] as const)("refuses %s, changing nothing", async (_n, actor, proposal, lang, reason) => {
    const proposalId = proposal === "BO" ? boProposal : proposal;
    const before = await state();
    expect(await saveTranslation(t.db, actor, { proposalId, lang, title: "Tytuł tłumaczenia", summary: "Streszczenie tłumaczenia projektu." }, tick())).toEqual({ ok: false, reason });
    expect(await removeTranslation(t.db, actor, { proposalId, lang: lang === "pl" ? "uk" : lang }, tick())).toEqual(reason === "same_as_original" ? { ok: true, created: false } : { ok: false, reason });
    if (reason === "same_as_original") {
      // the removal above was allowed (the translator's own programme): put the text back for the next tests
      await saveTranslation(t.db, actor, { proposalId, lang: "uk", title: "Ігрова кімната", summary: "Настільний футбол і пуфи для дітей." }, tick());
      return;
    }
    expect(await state()).toEqual(before);
  });

  it("lets a BO translator translate a BO proposal, and refuses removing what is not there", async () => {
    expect(await saveTranslation(t.db, boTranslator, { proposalId: boProposal, lang: "en", title: "A proposal in English", summary: "Its summary, translated into English." }, tick())).toEqual({ ok: true, created: true });
    const a = await lastAudit();
    expect(a.before).toBeNull();
    expect(a.after).toMatchObject({ lang: "en", title: "A proposal in English" });
    expect(await removeTranslation(t.db, boTranslator, { proposalId: boProposal, lang: "en" }, tick())).toEqual({ ok: true, created: false });
    const r = await lastAudit();
    expect(r).toMatchObject({ action: "proposal.translation_remove", object_id: boProposal });
    expect(r.before).toMatchObject({ lang: "en", title: "A proposal in English" });
    expect(r.after).toBeNull();
    const before = await state();
    expect(await removeTranslation(t.db, boTranslator, { proposalId: boProposal, lang: "en" }, tick())).toEqual({ ok: false, reason: "translation_missing" });
    expect(await state()).toEqual(before);
  });

  it("lets the author translate their own draft, which translators cannot even see", async () => {
    await insertProposal(
      t.db,
      { id: "prp_t_draft", editionId: "ed_2026", number: "2026/DM/99", poolId: "pool_2026_children", title: "Мій проєкт для дітей", summary: "Короткий опис мого проєкту для дітей.", description: "Опис ".repeat(10), category: "culture", location: "Przystań", beneficiaries: "діти", lat: null, lng: null, costItems: [{ label: "матеріали", amountGrosze: 100_000 }], guardianName: null, guardianConsent: false, contentLang: "uk", authorUserId: author.id, status: "draft", channel: "online", enteredBy: null },
      NOW,
    );
    expect(await saveTranslation(t.db, DEMO_TRANSLATOR, { proposalId: "prp_t_draft", lang: "pl", title: "Mój projekt dla dzieci", summary: "Krótki opis mojego projektu." }, tick())).toEqual({ ok: false, reason: "not_found" });
    expect((await loadTranslationsPage(t.db, DEMO_TRANSLATOR, "prp_t_draft")).ok).toBe(false);
    expect(await saveTranslation(t.db, author, { proposalId: "prp_t_draft", lang: "uk", title: "Мій проєкт", summary: "Мова оригіналу — не переклад." }, tick())).toEqual({ ok: false, reason: "same_as_original" });
    expect(await saveTranslation(t.db, author, { proposalId: "prp_t_draft", lang: "pl", title: "Mój projekt dla dzieci", summary: "Krótki opis mojego projektu." }, tick())).toEqual({ ok: true, created: true });
    expect((await lastAudit()).actor_role).toBe("resident");
    const page = await loadTranslationsPage(t.db, author, "prp_t_draft");
    expect(page.ok && page.proposal.contentLang).toBe("uk");
    expect(page.ok && page.translations.map((x) => x.lang)).toEqual(["pl"]);
  });

  it("follows a role granted by the administrator on the users page", async () => {
    const admin: Actor = { id: "usr_demo_admin", roles: [{ role: "admin", scope: "*" }] };
    expect(await changeRole(t.db, admin, { kind: "grant", userId: stranger.id, role: "translator", scope: "children" }, NOW)).toEqual({ ok: true });
    const granted: Actor = { id: stranger.id, roles: [{ role: "translator", scope: "children" }] };
    expect((await saveTranslation(t.db, granted, { proposalId: "prp_children-2", lang: "en", title: "A cupboard of board games", summary: "Board and card games for every Przystań." }, tick())).ok).toBe(true);
  });
});

describe("lists bring the translations", () => {
  it("on cards, the ballot, and the API", async () => {
    const pools = await t.db.selectFrom("pools").select("id").where("id", "=", "pool_2026_children").execute();
    const cards = await listPublicProposals(t.db, pools.map((p) => p.id));
    const card = cards.find((c) => c.id === "prp_children-3")!;
    expect(card.contentLang).toBe("pl");
    expect(card.translations.map((x) => x.lang)).toEqual(["en", "uk"]);
    clearCatalogueCache();
    const children = (await getVotingProgramme(t.db, "children"))!;
    const ballot = (await loadCatalogue(t.db, children.programmeId, null)).flatMap((p) => p.projects);
    expect(ballot.find((p) => p.id === CHILD)!.translations.find((x) => x.lang === "uk")!.title).toBe("Ігрова кімната");
    const [api] = await getApiProposals(t.db, ["prp_children-4"]);
    expect(api!.language).toBe("pl");
    expect(api!.translations.map((x) => x.lang)).toEqual(["en", "uk"]);
  });

  it("reads long lists in chunks", async () => {
    const ids = [...Array.from({ length: 1200 }, (_, i) => `prp_none_${i}`), "prp_children-5"];
    const map = await listTranslationsOf(t.db, ids);
    expect([...map.keys()]).toEqual(["prp_children-5"]);
  });
});

describe("2026-12-03T08-40_proposal_translations", () => {
  it("keeps every role grant through down and up, and admits the translator role only after it", async () => {
    const names = Object.keys(migrations).sort();
    const mine = "2026-12-03T08-40_proposal_translations";
    const previous = names[names.indexOf(mine) - 1]!;
    const grants = async () => t.db.selectFrom("user_roles").select(["user_id", "role", "scope", "granted_by", "granted_at"]).orderBy("user_id").orderBy("role").orderBy("scope").execute();
    const all = await grants();
    expect(all.some((g) => g.role === "translator")).toBe(true);
    const migrator = new Migrator({ db: t.db, provider: migrationProvider });
    expect((await migrator.migrateTo(previous)).error).toBeUndefined();
    expect(await grants()).toEqual(all.filter((g) => g.role !== "translator"));
    await expect(sql`insert into user_roles (user_id, role, scope, granted_at) values ('usr_t_author', 'translator', '*', 'x')`.execute(t.db)).rejects.toThrow(/CHECK|check/);
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    expect(await grants()).toEqual(all.filter((g) => g.role !== "translator"));
    await expect(sql`insert into user_roles (user_id, role, scope, granted_at) values ('usr_t_author', 'nobody', '*', 'x')`.execute(t.db)).rejects.toThrow(/CHECK|check/);
    await sql`insert into user_roles (user_id, role, scope, granted_at) values ('usr_t_author', 'translator', '*', 'x')`.execute(t.db);
    // the key and the cascade from users still hold
    await expect(sql`insert into user_roles (user_id, role, scope, granted_at) values ('usr_t_author', 'translator', '*', 'y')`.execute(t.db)).rejects.toThrow(/UNIQUE|unique|duplicate/);
    if (!onPostgres) expect((await sql`pragma foreign_key_check`.execute(t.db)).rows).toEqual([]);
  });
});
