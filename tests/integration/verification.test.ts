/**
 * Verification done properly, against a real temporary database: reviewer assignment and
 * reassignment, the formal check before the merit check, the official's cost correction (version,
 * e-mail, audit, public from/to) and corrections of a published final list until voting starts.
 * Every refusal is checked to change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listDecisions, listListCorrections } from "~/data/decisions.server";
import { listFinalLists } from "~/data/final-lists.server";
import { listVersions } from "~/data/proposal-versions.server";
import { getWorkflowProposal } from "~/data/workflow-proposals.server";
import { listVerificationQueue } from "~/data/workflow-queues.server";
import type { Actor } from "~/domain/permissions";
import { LIST_CORRECTIONS } from "~/domain/workflow/corrections";
import { proposalInputSchema, type ProposalInput } from "~/domain/workflow/inputs";
import { correctCost, decideProposal, publishFinalList, saveProposal, supportProposal } from "~/services/proposals.server";
import { assignReviewer, correctFinalList } from "~/services/proposal-workflow.server";
import { createTestDb, type TestDb } from "../support/db";
import { admin, author, FINAL_LIST, neighbour, official, ORIGIN, stepClock, SUBMISSION, supporters, T0, VERIFICATION, VOTING } from "../support/workflow";

const later = stepClock();
const colleague: Actor = { id: "usr_t_official2", roles: [{ role: "official", scope: "bo" }] };
const youthOfficial: Actor = { id: "usr_t_official_youth", roles: [{ role: "official", scope: "youth" }] };
const SUPPORTERS = supporters(14);
const FORMAL = ["complete", "location", "pool_caps", "support"];
const MERIT = ["feasibility", "cost_estimate", "land", "compliance"];
const smallPool = "pool_2026_orlowo_small";

let t: TestDb;
let id = "";

beforeAll(async () => {
  t = await createTestDb({ seed: true, now: T0, phase: "submission", stories: false });
  const iso = T0.toISOString();
  for (const u of [colleague, youthOfficial]) {
    await t.db.insertInto("users").values({ id: u.id, email: `${u.id}@example.test`, email_verified_at: iso, password_hash: null, display_name: u.id, locale: "pl", created_at: iso, deleted_at: null }).execute();
    await t.db.insertInto("user_roles").values({ user_id: u.id, role: "official", scope: u.roles[0]!.scope, granted_by: null, granted_at: iso }).execute();
  }
  const pools = await t.db.selectFrom("pools").select(["id", "budget_grosze", "max_project_cost_grosze"]).execute();
  const schema = proposalInputSchema(pools.map((p) => ({ id: p.id, budgetGrosze: Number(p.budget_grosze), maxProjectCostGrosze: p.max_project_cost_grosze === null ? null : Number(p.max_project_cost_grosze) })));
  const input: ProposalInput = schema.parse({
    intent: "submit",
    title: "Ławki nad morzem w Orłowie",
    summary: "Pięć nowych ławek przy molo w Orłowie.",
    description: "Przy molo brakuje miejsc do odpoczynku. Proponujemy pięć ławek z oparciami i podłokietnikami.",
    poolId: smallPool,
    category: "green",
    location: "Molo w Orłowie",
    beneficiaries: "Spacerowicze i seniorzy",
    costItems: [{ label: "Ławki", amount: "12 000" }, { label: "Montaż", amount: "3 000" }],
  });
  const r = await saveProposal(t.db, author, input, null, later(SUBMISSION));
  if (!r.ok) throw new Error(r.reason);
  id = r.id;
  for (const s of [neighbour, ...SUPPORTERS]) await supportProposal(t.db, s, id, later(SUBMISSION));
});
afterAll(async () => t?.cleanup());

const count = async (table: "proposal_decisions" | "proposal_versions" | "outbox" | "audit_log") =>
  Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
const audits = (action: string) => t.db.selectFrom("audit_log").select(["actor_user_id", "actor_role", "before_json", "after_json", "reason"]).where("action", "=", action).where("object_id", "=", id).execute();
/** What a refusal must leave untouched. */
async function snapshot() {
  const p = await getWorkflowProposal(t.db, id);
  return { status: p?.status, cost: p?.costGrosze, reviewer: p?.reviewerUserId, formal: p?.formalPassed, decisions: await count("proposal_decisions"), versions: await count("proposal_versions"), mails: await count("outbox"), audit: await count("audit_log") };
}

describe("reviewer assignment", () => {
  it("refuses residents, non-officials and officials of another programme, changing nothing", async () => {
    const before = await snapshot();
    expect(await assignReviewer(t.db, neighbour, id, official.id, later(SUBMISSION))).toEqual({ ok: false, reason: "not_allowed" });
    expect(await assignReviewer(t.db, official, id, neighbour.id, later(SUBMISSION))).toEqual({ ok: false, reason: "assignee_not_official" });
    expect(await assignReviewer(t.db, official, id, youthOfficial.id, later(SUBMISSION))).toEqual({ ok: false, reason: "assignee_not_official" });
    expect(await assignReviewer(t.db, official, "prp_missing", official.id, later(SUBMISSION))).toEqual({ ok: false, reason: "not_found" });
    expect(await snapshot()).toEqual(before);
  });

  it("an official assigns to themself, then reassigns to a colleague; both audited", async () => {
    expect(await assignReviewer(t.db, official, id, official.id, later(SUBMISSION))).toEqual({ ok: true, reviewerUserId: official.id });
    expect(await assignReviewer(t.db, official, id, official.id, later(SUBMISSION))).toEqual({ ok: false, reason: "already_assigned" });
    expect((await listVerificationQueue(t.db, "ed_2026", { programmes: ["bo"], statuses: ["submitted"], reviewer: official.id })).map((c) => c.id)).toContain(id);
    expect((await listVerificationQueue(t.db, "ed_2026", { programmes: ["bo"], statuses: ["submitted"], reviewer: "none" })).map((c) => c.id)).not.toContain(id);
    expect(await assignReviewer(t.db, official, id, colleague.id, later(SUBMISSION))).toEqual({ ok: true, reviewerUserId: colleague.id });
    expect((await getWorkflowProposal(t.db, id))?.reviewerUserId).toBe(colleague.id);
    expect(await audits("proposal.assign")).toHaveLength(1);
    const re = await audits("proposal.reassign");
    expect(re).toHaveLength(1);
    expect(JSON.parse(re[0]!.before_json!)).toEqual({ reviewerUserId: official.id });
    expect(JSON.parse(re[0]!.after_json!)).toEqual({ reviewerUserId: colleague.id, programme: "bo" });
    const inPool = await listVerificationQueue(t.db, "ed_2026", { programmes: ["bo"], statuses: ["submitted"], poolId: smallPool, reviewer: colleague.id });
    expect(inPool.map((c) => [c.id, c.reviewerName])).toEqual([[id, colleague.id]]);
    expect(await listVerificationQueue(t.db, "ed_2026", { programmes: ["bo"], statuses: ["submitted"], poolId: "pool_2026_youth" })).toEqual([]);
  });

  it("starting the verification keeps the assigned reviewer", async () => {
    expect(await decideProposal(t.db, official, id, { intent: "start_verification" }, ORIGIN, later(VERIFICATION))).toMatchObject({ ok: true, status: "in_verification" });
    expect((await getWorkflowProposal(t.db, id))?.reviewerUserId).toBe(colleague.id);
  });
});

describe("formal check, then merit check, by the assigned reviewer", () => {
  it("refuses someone else's proposal and a merit check before the formal one; nothing changes", async () => {
    const before = await snapshot();
    expect(await decideProposal(t.db, official, id, { intent: "formal_pass", met: FORMAL }, ORIGIN, later(VERIFICATION))).toEqual({ ok: false, reason: "not_assigned_reviewer" });
    expect(await decideProposal(t.db, colleague, id, { intent: "merit_pass", met: MERIT }, ORIGIN, later(VERIFICATION))).toEqual({ ok: false, reason: "formal_check_first" });
    expect(await correctCost(t.db, colleague, id, [{ label: "Ławki", amountGrosze: 14_000_00 }], "Ceny.", ORIGIN, later(VERIFICATION))).toEqual({ ok: false, reason: "formal_check_first" });
    expect(await decideProposal(t.db, colleague, id, { intent: "formal_pass", met: ["complete", "location", "pool_caps"] }, ORIGIN, later(VERIFICATION))).toEqual({ ok: false, reason: "criteria_not_met" });
    expect(await decideProposal(t.db, colleague, id, { intent: "formal_reject", reason: "Niekompletny.", met: FORMAL }, ORIGIN, later(VERIFICATION))).toEqual({ ok: false, reason: "failed_criterion_required" });
    expect(await decideProposal(t.db, colleague, id, { intent: "formal_reject", met: ["complete"] }, ORIGIN, later(VERIFICATION))).toEqual({ ok: false, reason: "reason_required" });
    expect(await snapshot()).toEqual(before);
  });

  it("the reviewer passes the formal check; it is recorded with its criteria and cannot be repeated", async () => {
    const mails = await count("outbox");
    expect(await decideProposal(t.db, colleague, id, { intent: "formal_pass", met: FORMAL }, ORIGIN, later(VERIFICATION))).toEqual({ ok: true, id, status: "in_verification" });
    expect((await getWorkflowProposal(t.db, id))?.formalPassed).toBe(true);
    expect((await listDecisions(t.db, id)).at(-1)).toMatchObject({ action: "formal_pass", actorRole: "official", checks: { complete: true, location: true, pool_caps: true, support: true } });
    expect(await count("outbox")).toBe(mails + 1);
    expect(await audits("proposal.formal_pass")).toHaveLength(1);
    // the decision names its programme: what a scoped official decided is readable from the log alone
    expect(JSON.parse((await audits("proposal.formal_pass"))[0]!.after_json!)).toMatchObject({ programme: "bo" });
    expect(await decideProposal(t.db, colleague, id, { intent: "formal_pass", met: FORMAL }, ORIGIN, later(VERIFICATION))).toEqual({ ok: false, reason: "formal_check_done" });
  });

  it("a cost over the small pool's cap is refused and changes nothing", async () => {
    const before = await snapshot();
    expect(await correctCost(t.db, colleague, id, [{ label: "Ławki", amountGrosze: 20_000_01 }], "Aktualne ceny ławek.", ORIGIN, later(VERIFICATION))).toEqual({ ok: false, reason: "cost_over_cap" });
    expect(await correctCost(t.db, colleague, id, [{ label: "Ławki", amountGrosze: 14_000_00 }], "  ", ORIGIN, later(VERIFICATION))).toEqual({ ok: false, reason: "reason_required" });
    expect(await snapshot()).toEqual(before);
  });

  it("the cost correction creates a version, a public from/to decision, an audit row and an e-mail", async () => {
    const before = await snapshot();
    const items = [{ label: "Ławki", amountGrosze: 14_000_00 }, { label: "Montaż", amountGrosze: 3_000_00 }];
    expect(await correctCost(t.db, colleague, id, items, "Aktualne ceny ławek.", ORIGIN, later(VERIFICATION))).toMatchObject({ ok: true });
    expect(await snapshot()).toEqual({ ...before, cost: 17_000_00, decisions: before.decisions + 1, versions: before.versions + 1, mails: before.mails + 1, audit: before.audit + 1 });
    expect((await listVersions(t.db, id))[0]).toMatchObject({ costGrosze: 17_000_00, byOfficial: true });
    expect((await listDecisions(t.db, id)).at(-1)).toMatchObject({ action: "correct_cost", publicReason: "Aktualne ceny ławek.", costBeforeGrosze: 15_000_00, costAfterGrosze: 17_000_00 });
    const mail = await t.db.selectFrom("outbox").select(["subject", "body_text"]).where("to_address", "=", "mieszkaniec@demo.bo-gdynia.pl").orderBy("created_at", "desc").executeTakeFirstOrThrow();
    expect(mail.subject).toContain("Skorygowano kosztorys");
    expect(mail.body_text).toContain("15\u00a0000,00\u00a0zł");
    expect(mail.body_text).toContain("17\u00a0000,00\u00a0zł");
    expect(mail.body_text).toContain("Aktualne ceny ławek.");
    const audit = await audits("proposal.correct_cost");
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.after_json!)).toMatchObject({ costGrosze: 17_000_00, programme: "bo" });
  });

  it("an admin may stand in for the reviewer; the merit pass puts the proposal on the ballot", async () => {
    expect(await decideProposal(t.db, official, id, { intent: "merit_pass", met: MERIT }, ORIGIN, later(VERIFICATION))).toEqual({ ok: false, reason: "not_assigned_reviewer" });
    expect(await decideProposal(t.db, admin, id, { intent: "merit_pass", met: MERIT }, ORIGIN, later(VERIFICATION))).toEqual({ ok: true, id, status: "accepted" });
    expect((await listDecisions(t.db, id)).at(-1)).toMatchObject({ action: "merit_pass", actorRole: "admin", toStatus: "accepted" });
  });
});

describe("after the final list is published", () => {
  it("a correction before publication is refused: the normal decisions apply", async () => {
    expect(await correctFinalList(t.db, official, { kind: "list_remove", proposalId: id, reason: "Błąd." }, ORIGIN, later(VERIFICATION))).toEqual({ ok: false, reason: "final_list_not_published" });
  });

  it("publishing freezes the list: normal changes are refused and change nothing", async () => {
    expect(await publishFinalList(t.db, official, "bo", later(FINAL_LIST))).toMatchObject({ ok: true });
    const before = await snapshot();
    expect(await decideProposal(t.db, author, id, { intent: "withdraw" }, ORIGIN, later(FINAL_LIST))).toEqual({ ok: false, reason: "final_list_frozen" });
    expect(await correctCost(t.db, colleague, id, [{ label: "Ławki", amountGrosze: 1_000_00 }], "Ceny.", ORIGIN, later(FINAL_LIST))).toEqual({ ok: false, reason: "final_list_frozen" });
    expect(await assignReviewer(t.db, official, id, official.id, later(FINAL_LIST))).toEqual({ ok: false, reason: "final_list_frozen" });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses corrections by residents, without a reason, or of the wrong kind; nothing changes", async () => {
    const before = await snapshot();
    expect(await correctFinalList(t.db, author, { kind: "list_remove", proposalId: id, reason: "Chcę." }, ORIGIN, later(FINAL_LIST))).toEqual({ ok: false, reason: "not_allowed" });
    expect(await correctFinalList(t.db, official, { kind: "list_remove", proposalId: id, reason: " " }, ORIGIN, later(FINAL_LIST))).toEqual({ ok: false, reason: "reason_required" });
    expect(await correctFinalList(t.db, official, { kind: "list_restore", proposalId: id, reason: "Powód." }, ORIGIN, later(FINAL_LIST))).toEqual({ ok: false, reason: "already_on_ballot" });
    expect(await correctFinalList(t.db, official, { kind: "list_cost", proposalId: id, reason: "Powód.", costItems: [{ label: "Ławki", amountGrosze: 25_000_00 }] }, ORIGIN, later(FINAL_LIST))).toEqual({ ok: false, reason: "cost_over_cap" });
    expect(await snapshot()).toEqual(before);
  });

  it("removes from the ballot and restores with public reasons, audited, the author told", async () => {
    const mails = await count("outbox");
    expect(await correctFinalList(t.db, official, { kind: "list_remove", proposalId: id, reason: "Teren okazał się prywatny." }, ORIGIN, later(FINAL_LIST))).toEqual({ ok: true, id, status: "rejected" });
    const lists = await listFinalLists(t.db, "ed_2026", ["accepted", "appeal_accepted"], { publishedOnly: true });
    expect(lists.find((l) => l.poolId === smallPool)?.proposals.map((p) => p.id)).not.toContain(id);
    expect(await correctFinalList(t.db, official, { kind: "list_remove", proposalId: id, reason: "Jeszcze raz." }, ORIGIN, later(FINAL_LIST))).toEqual({ ok: false, reason: "not_on_ballot" });
    expect(await correctFinalList(t.db, official, { kind: "list_restore", proposalId: id, reason: "Wypis potwierdził własność miasta." }, ORIGIN, later(FINAL_LIST))).toEqual({ ok: true, id, status: "accepted" });
    expect(await correctFinalList(t.db, official, { kind: "list_cost", proposalId: id, reason: "Nowa wycena montażu.", costItems: [{ label: "Ławki", amountGrosze: 14_000_00 }, { label: "Montaż", amountGrosze: 4_000_00 }] }, ORIGIN, later(FINAL_LIST))).toEqual({
      ok: true,
      id,
      status: "accepted",
    });
    expect(await count("outbox")).toBe(mails + 3);
    expect((await getWorkflowProposal(t.db, id))?.costGrosze).toBe(18_000_00);
    const corrections = await listListCorrections(t.db, "ed_2026", LIST_CORRECTIONS);
    expect(corrections.map((c) => [c.action, c.publicReason])).toEqual([
      ["list_cost", "Nowa wycena montażu."],
      ["list_restore", "Wypis potwierdził własność miasta."],
      ["list_remove", "Teren okazał się prywatny."],
    ]);
    expect(corrections[0]).toMatchObject({ costBeforeGrosze: 17_000_00, costAfterGrosze: 18_000_00, proposalId: id });
    for (const a of ["final_list.list_remove", "final_list.list_restore", "final_list.list_cost"]) expect(await audits(a), a).toHaveLength(1);
  });

  it("refuses any correction once voting has started, changing nothing", async () => {
    const before = await snapshot();
    expect(await correctFinalList(t.db, official, { kind: "list_remove", proposalId: id, reason: "Za późno." }, ORIGIN, later(VOTING))).toEqual({ ok: false, reason: "voting_started" });
    expect(await snapshot()).toEqual(before);
  });
});

describe("the mail queued on the way", () => {
  it("every mail names its kind (status changes, cost and final-list corrections)", async () => {
    const mails = await t.db.selectFrom("outbox").select(["kind", "subject"]).execute();
    expect(mails.length).toBeGreaterThan(0);
    expect(mails.filter((m) => m.kind === null)).toEqual([]);
    expect(mails.map((m) => m.kind)).toContain("final_list_corrected");
  });
});
