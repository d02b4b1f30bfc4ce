import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listComments, listFlaggedComments } from "~/data/comments.server";
import { listDecisions } from "~/data/decisions.server";
import { listFinalLists } from "~/data/final-lists.server";
import { listVersions } from "~/data/proposal-versions.server";
import { getWorkflowProposal } from "~/data/workflow-proposals.server";
import { listMyProposals, listQueue } from "~/data/workflow-queues.server";
import { flagComment, moderateComment, postComment } from "~/services/comments.server";
import { allowedActions, appealProposal, correctCost, decideProposal, publishFinalList, saveProposal, supportProposal } from "~/services/proposals.server";
import { createTestDb, type TestDb } from "../support/db";
import { APPEALS, author, benchesDraft, council, FINAL_LIST, neighbour, official, ORIGIN, stepClock, SUBMISSION, supporters, T0, VERIFICATION } from "../support/workflow";

const later = stepClock();
const SUPPORTERS = supporters(15);

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb({ seed: true, now: T0, phase: "submission", stories: false });
});
afterAll(async () => t?.cleanup());

const smallPool = "pool_2026_orlowo_small";
const input = (patch: Record<string, unknown> = {}) =>
  benchesDraft(t.db, { poolId: smallPool, costItems: [{ label: "Ławki", amount: "12 000" }, { label: "Montaż", amount: "3 000" }], ...patch });
const auditCount = async (action: string, objectId: string) =>
  Number((await t.db.selectFrom("audit_log").select((eb) => eb.fn.countAll<number>().as("n")).where("action", "=", action).where("object_id", "=", objectId).executeTakeFirstOrThrow()).n);
const mailsTo = async (to: string) => t.db.selectFrom("outbox").select(["subject", "body_text"]).where("to_address", "=", to).orderBy("created_at").execute();

describe("from idea to the final list (BO district pool, 15 supports required)", () => {
  let id = "";

  it("saves a draft that only its author sees, with a version", async () => {
    const r = await saveProposal(t.db, author, await input(), null, later(SUBMISSION));
    expect(r).toMatchObject({ ok: true, status: "draft" });
    id = r.ok ? r.id : "";
    expect((await listMyProposals(t.db, author.id)).map((p) => p.id)).toContain(id);
    expect((await listMyProposals(t.db, neighbour.id)).map((p) => p.id)).not.toContain(id);
    expect(await listVersions(t.db, id)).toHaveLength(1);
    expect(await auditCount("proposal.create", id)).toBe(1);
  });

  it("refuses an edit by someone else and changes nothing", async () => {
    const r = await saveProposal(t.db, neighbour, await input({ title: "Przejęty projekt" }), id, later(SUBMISSION));
    expect(r).toEqual({ ok: false, reason: "not_author" });
    expect((await getWorkflowProposal(t.db, id))?.title).toBe("Ławki nad morzem w Orłowie");
  });

  it("refuses a cost over the pool's cap on the server as well", async () => {
    const over = { ...(await input()), costItems: [{ label: "Ławki", amountGrosze: 25_000_00 }] };
    expect(await saveProposal(t.db, author, over, id, later(SUBMISSION))).toEqual({ ok: false, reason: "cost_over_cap" });
    expect((await getWorkflowProposal(t.db, id))?.costGrosze).toBe(15_000_00);
  });

  it("submits; verification waits for the supports", async () => {
    expect(await saveProposal(t.db, author, await input({ intent: "submit" }), id, later(SUBMISSION))).toMatchObject({ ok: true, status: "submitted" });
    expect(await decideProposal(t.db, official, id, { intent: "start_verification" }, ORIGIN, later(SUBMISSION))).toEqual({ ok: false, reason: "not_enough_support" });
  });

  it("counts one support per resident, never the author's own", async () => {
    expect(await supportProposal(t.db, author, id, later(SUBMISSION))).toEqual({ ok: false, reason: "own_proposal" });
    expect(await supportProposal(t.db, neighbour, id, later(SUBMISSION))).toMatchObject({ ok: true });
    expect(await supportProposal(t.db, neighbour, id, later(SUBMISSION))).toEqual({ ok: false, reason: "already_supported" });
    for (const s of SUPPORTERS.slice(0, 14)) expect(await supportProposal(t.db, s, id, later(SUBMISSION))).toMatchObject({ ok: true });
    expect((await getWorkflowProposal(t.db, id))?.supportCount).toBe(15);
    expect(await supportProposal(t.db, SUPPORTERS[14]!, id, later(VERIFICATION))).toEqual({ ok: false, reason: "not_submission_phase" });
  });

  it("an official verifies, asks for changes with a reason; the author is told and revises", async () => {
    expect(await decideProposal(t.db, neighbour, id, { intent: "start_verification" }, ORIGIN, later(VERIFICATION))).toEqual({ ok: false, reason: "not_allowed" });
    expect(await decideProposal(t.db, official, id, { intent: "start_verification" }, ORIGIN, later(VERIFICATION))).toMatchObject({ ok: true, status: "in_verification" });
    expect((await listQueue(t.db, "ed_2026", ["bo"], ["in_verification"])).map((p) => p.id)).toContain(id);
    // whoever starts the verification becomes its reviewer; the formal step asks for changes
    expect((await getWorkflowProposal(t.db, id))?.reviewerUserId).toBe(official.id);
    const met = ["complete", "pool_caps", "support"];
    expect(await decideProposal(t.db, official, id, { intent: "formal_changes", reason: "  ", met }, ORIGIN, later(VERIFICATION))).toEqual({ ok: false, reason: "reason_required" });
    expect(await decideProposal(t.db, official, id, { intent: "formal_changes", reason: "Podaj dokładne miejsce ławek.", met }, ORIGIN, later(VERIFICATION))).toMatchObject({ ok: true, status: "needs_changes" });
    const mail = await mailsTo("mieszkaniec@demo.bo-gdynia.pl");
    expect(mail.at(-1)?.body_text).toContain("Podaj dokładne miejsce ławek.");
    expect(mail.at(-1)?.body_text).toContain(`${ORIGIN}/proposals/${id}/edit`);
    expect(await allowedActions(t.db, author, id, later(VERIFICATION))).toEqual(expect.arrayContaining(["edit", "resubmit", "withdraw"]));
    const revised = await input({ intent: "submit", location: "Molo w Orłowie, strona północna" });
    expect(await saveProposal(t.db, author, revised, id, later(VERIFICATION))).toMatchObject({ ok: true, status: "in_verification" });
    const versions = await listVersions(t.db, id);
    expect(versions[0]?.location).toBe("Molo w Orłowie, strona północna");
    expect(versions.length).toBeGreaterThanOrEqual(3);
  });

  it("a cost correction needs a public reason and is versioned", async () => {
    expect(await decideProposal(t.db, official, id, { intent: "formal_pass", met: ["complete", "location", "pool_caps", "support"] }, ORIGIN, later(VERIFICATION))).toMatchObject({ ok: true, status: "in_verification" });
    expect(await correctCost(t.db, official, id, [{ label: "Ławki", amountGrosze: 14_000_00 }], "", ORIGIN, later(VERIFICATION))).toEqual({ ok: false, reason: "reason_required" });
    expect(await correctCost(t.db, official, id, [{ label: "Ławki", amountGrosze: 14_000_00 }, { label: "Montaż", amountGrosze: 3_000_00 }], "Aktualne ceny ławek.", ORIGIN, later(VERIFICATION))).toMatchObject({ ok: true });
    const p = await getWorkflowProposal(t.db, id);
    expect(p?.costGrosze).toBe(17_000_00);
    expect((await listVersions(t.db, id))[0]).toMatchObject({ costGrosze: 17_000_00, byOfficial: true });
  });

  it("rejects with a public reason; the appeal is once, in the appeals phase, and accepted publicly", async () => {
    expect(await decideProposal(t.db, official, id, { intent: "merit_reject", reason: "Teren nie należy do miasta.", met: ["feasibility", "cost_estimate", "compliance"] }, ORIGIN, later(VERIFICATION))).toMatchObject({ ok: true, status: "rejected" });
    expect(await appealProposal(t.db, author, id, "Działka należy do miasta – załączam wypis z rejestru gruntów.", later(VERIFICATION))).toEqual({ ok: false, reason: "not_appeals_phase" });
    expect(await appealProposal(t.db, neighbour, id, "Działka należy do miasta – załączam wypis z rejestru gruntów.", later(APPEALS))).toEqual({ ok: false, reason: "not_author" });
    expect(await appealProposal(t.db, author, id, "Działka należy do miasta – załączam wypis z rejestru gruntów.", later(APPEALS))).toMatchObject({ ok: true, status: "appealed" });
    expect(await appealProposal(t.db, author, id, "Jeszcze raz to samo uzasadnienie odwołania.", later(APPEALS))).toEqual({ ok: false, reason: "appeal_already_used" });
    expect(await decideProposal(t.db, official, id, { intent: "appeal_accept", reason: "Wypis potwierdza własność miasta." }, ORIGIN, later(APPEALS))).toMatchObject({ ok: true, status: "appeal_accepted" });
    const decisions = await listDecisions(t.db, id);
    expect(decisions.map((d) => d.toStatus)).toEqual(["submitted", "in_verification", "needs_changes", "in_verification", "in_verification", "in_verification", "rejected", "appealed", "appeal_accepted"]);
    expect(decisions.find((d) => d.action === "merit_reject")).toMatchObject({ publicReason: "Teren nie należy do miasta.", checks: { feasibility: true, cost_estimate: true, land: false, compliance: true } });
    for (const a of ["proposal.start_verification", "proposal.formal_changes", "proposal.formal_pass", "proposal.merit_reject", "proposal.appeal", "proposal.appeal_accept", "proposal.correct_cost"]) {
      expect(await auditCount(a, id), a).toBe(1);
    }
  });

  it("publishes the final list once, with the appealed proposal on it, and freezes it", async () => {
    expect(await publishFinalList(t.db, official, "bo", later(APPEALS))).toEqual({ ok: false, reason: "not_final_list_phase" });
    expect(await publishFinalList(t.db, neighbour, "bo", later(FINAL_LIST))).toEqual({ ok: false, reason: "not_allowed" });
    expect(await publishFinalList(t.db, official, "bo", later(FINAL_LIST))).toMatchObject({ ok: true });
    const lists = await listFinalLists(t.db, "ed_2026", ["accepted", "appeal_accepted"], { publishedOnly: true });
    expect(lists.find((l) => l.poolId === smallPool)?.proposals.map((p) => p.id)).toContain(id);
    expect(await publishFinalList(t.db, official, "bo", later(FINAL_LIST))).toEqual({ ok: false, reason: "final_list_frozen" });
    expect(await decideProposal(t.db, author, id, { intent: "withdraw" }, ORIGIN, later(FINAL_LIST))).toEqual({ ok: false, reason: "final_list_frozen" });
  });
});

describe("youth programme: the youth council first", () => {
  let id = "";
  it("an official cannot skip the council; the council returns with a reason, then approves", async () => {
    const r = await saveProposal(t.db, author, await input({ intent: "submit", poolId: "pool_2026_youth", title: "Skatepark przy szkole" }), null, later(SUBMISSION));
    expect(r).toMatchObject({ ok: true, status: "submitted" });
    id = r.ok ? r.id : "";
    expect(await decideProposal(t.db, official, id, { intent: "start_verification" }, ORIGIN, later(SUBMISSION))).toEqual({ ok: false, reason: "youth_council_first" });
    expect(await decideProposal(t.db, council, id, { intent: "youth_return", reason: "" }, ORIGIN, later(SUBMISSION))).toEqual({ ok: false, reason: "reason_required" });
    expect(await decideProposal(t.db, council, id, { intent: "youth_return", reason: "Opisz, kto będzie opiekował się skateparkiem." }, ORIGIN, later(SUBMISSION))).toMatchObject({ ok: true, status: "needs_changes" });
    // back to the council, not straight to officials
    expect(await saveProposal(t.db, author, await input({ intent: "submit", poolId: "pool_2026_youth", title: "Skatepark przy szkole" }), id, later(SUBMISSION))).toMatchObject({ ok: true, status: "submitted" });
    expect(await decideProposal(t.db, council, id, { intent: "youth_approve" }, ORIGIN, later(SUBMISSION))).toMatchObject({ ok: true, status: "in_verification" });
    expect(await auditCount("proposal.youth_approve", id)).toBe(1);
    expect((await getWorkflowProposal(t.db, id))?.status).toBe("in_verification");
  });
});

describe("discussion", () => {
  let first = "";

  it("comments and one level of replies; the parent's author is notified unless opted out", async () => {
    const target = await t.db.selectFrom("proposals").select("id").where("edition_id", "=", "ed_2026").where("status", "=", "accepted").orderBy("id").limit(1).executeTakeFirstOrThrow();
    const c1 = await postComment(t.db, neighbour, { proposalId: target.id, parentId: null, body: "Dobry pomysł, zobacz https://gdynia.pl", notifyReplies: true }, ORIGIN, later(SUBMISSION));
    expect(c1).toMatchObject({ ok: true });
    first = c1.ok ? c1.id : "";
    const before = (await mailsTo("mieszkanka@demo.bo-gdynia.pl")).length;
    const r1 = await postComment(t.db, author, { proposalId: target.id, parentId: first, body: "Dziękuję!", notifyReplies: false }, ORIGIN, later(SUBMISSION));
    expect(r1).toMatchObject({ ok: true });
    expect((await mailsTo("mieszkanka@demo.bo-gdynia.pl")).length).toBe(before + 1);
    const deeper = await postComment(t.db, neighbour, { proposalId: target.id, parentId: r1.ok ? r1.id : "", body: "Odpowiedź na odpowiedź", notifyReplies: true }, ORIGIN, later(SUBMISSION));
    expect(deeper).toEqual({ ok: false, reason: "reply_depth" });
    // the reply's author opted out: a reply to them sends nothing (and only top-level comments take replies anyway)
    const thread = await listComments(t.db, target.id);
    expect(thread.map((c) => c.parentId)).toEqual([null, first]);
  });

  it("flags once per person; officials hide with a public reason shown in its place", async () => {
    expect(await flagComment(t.db, neighbour, { commentId: first, reason: "spam" })).toEqual({ ok: false, reason: "own_comment" });
    expect(await flagComment(t.db, author, { commentId: first, reason: "offensive" })).toMatchObject({ ok: true });
    expect(await flagComment(t.db, author, { commentId: first, reason: "offensive" })).toEqual({ ok: false, reason: "already_flagged" });
    expect((await listFlaggedComments(t.db, ["bo"])).map((c) => c.id)).toContain(first);
    expect(await moderateComment(t.db, council, { commentId: first, intent: "hide", reason: "Obraźliwy." })).toEqual({ ok: false, reason: "not_allowed" });
    expect(await moderateComment(t.db, official, { commentId: first, intent: "hide", reason: null })).toEqual({ ok: false, reason: "reason_required" });
    expect(await moderateComment(t.db, official, { commentId: first, intent: "hide", reason: "Narusza regulamin dyskusji." })).toMatchObject({ ok: true });
    const shown = (await listComments(t.db, (await t.db.selectFrom("comments").select("proposal_id").where("id", "=", first).executeTakeFirstOrThrow()).proposal_id)).find((c) => c.id === first);
    expect(shown).toMatchObject({ hidden: true, body: null, hiddenReason: "Narusza regulamin dyskusji." });
    expect((await listFlaggedComments(t.db, ["bo"])).map((c) => c.id)).not.toContain(first);
    expect(await auditCount("comment.hide", first)).toBe(1);
  });
});

describe("the mail queued on the way", () => {
  it("every mail names its kind (status changes, cost correction, reply notifications)", async () => {
    const mails = await t.db.selectFrom("outbox").select(["kind", "subject"]).execute();
    expect(mails.filter((m) => m.kind === null)).toEqual([]);
    expect(new Set(mails.map((m) => m.kind))).toEqual(new Set(["proposal_status", "proposal_cost_corrected", "comment_reply"]));
  });
});
