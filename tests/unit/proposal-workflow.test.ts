import { describe, expect, it } from "vitest";
import { checkReply, CommentInputSchema, mayModerateComments } from "~/domain/comments";
import { canPublishFinalList, decideListCorrection } from "~/domain/workflow/corrections";
import { checkCostBreakdown, parseAmount } from "~/domain/workflow/costs";
import { AppealInputSchema, costCorrectionInputSchema, ListCorrectionInputSchema, DecisionInputSchema, proposalInputSchema } from "~/domain/workflow/inputs";
import { linkify } from "~/domain/workflow/text";
import { decideTransition, WORKFLOW_REFUSALS, type WorkflowAction, type WorkflowActor, type WorkflowDecision, type WorkflowState } from "~/domain/workflow/transitions";
import { ASSIGNABLE_STATUSES, canAssignReviewer, checkStepOutcome, FORMAL_CRITERIA, MERIT_CRITERIA, STEP_ACTIONS } from "~/domain/workflow/verification";
import { PROPOSAL_STATUSES, type ProposalStatus } from "~/domain/proposals";

const author: WorkflowActor = { signedIn: true, isAuthor: true, isOfficial: false, isYouthModerator: false };
const resident: WorkflowActor = { signedIn: true, isAuthor: false, isOfficial: false, isYouthModerator: false };
const official: WorkflowActor = { signedIn: true, isAuthor: false, isOfficial: true, isYouthModerator: false };
const council: WorkflowActor = { signedIn: true, isAuthor: false, isOfficial: false, isYouthModerator: true };
const anonymous: WorkflowActor = { signedIn: false, isAuthor: false, isOfficial: false, isYouthModerator: false };
/** The official the proposal is assigned to, another official, and an administrator standing in. */
const reviewer: WorkflowActor = { ...official, userId: "usr_reviewer" };
const otherOfficial: WorkflowActor = { ...official, userId: "usr_other" };
const admin: WorkflowActor = { signedIn: true, isAuthor: false, isOfficial: false, isYouthModerator: false, userId: "usr_admin", isAdmin: true };

const bo = (over: Partial<WorkflowState> = {}): WorkflowState => ({
  status: "draft",
  phase: "submission",
  moderation: "officials",
  supportsRequired: 3,
  supportCount: 3,
  appealUsed: false,
  changesRequestedBy: null,
  finalListPublished: false,
  ...over,
});
const youth = (over: Partial<WorkflowState> = {}) => bo({ moderation: "youth_council", supportsRequired: 0, supportCount: 0, ...over });
/** In verification, assigned to `reviewer`; `iv2` after a passed formal check. */
const iv = (over: Partial<WorkflowState> = {}) => bo({ status: "in_verification", phase: "verification", reviewerUserId: "usr_reviewer", formalPassed: false, ...over });
const iv2 = (over: Partial<WorkflowState> = {}) => iv({ formalPassed: true, ...over });

const ok = (to: ProposalStatus): WorkflowDecision => ({ ok: true, to });
const no = (reason: (typeof WORKFLOW_REFUSALS)[number]): WorkflowDecision => ({ ok: false, reason });
const R = { reason: "Powód podany publicznie." };

type Row = [string, WorkflowAction, WorkflowState, WorkflowActor, { reason?: string | null }, WorkflowDecision];

describe("decideTransition: allowed transitions", () => {
  const table: Row[] = [
    ["author edits a draft in submission", "edit", bo(), author, {}, ok("draft")],
    ["author edits a proposal returned for changes in verification", "edit", bo({ status: "needs_changes", phase: "verification" }), author, {}, ok("needs_changes")],
    ["author submits a draft", "submit", bo(), author, {}, ok("submitted")],
    ["resident supports a submitted proposal", "support", bo({ status: "submitted" }), resident, {}, ok("submitted")],
    ["official starts verification with enough supports", "start_verification", bo({ status: "submitted", phase: "verification" }), official, {}, ok("in_verification")],
    ["official starts verification already in submission", "start_verification", bo({ status: "submitted" }), official, {}, ok("in_verification")],
    ["official starts verification where no support is required", "start_verification", bo({ status: "submitted", supportsRequired: 0, supportCount: 0 }), official, {}, ok("in_verification")],
    ["the reviewer passes the formal check (reason optional)", "formal_pass", iv(), reviewer, {}, ok("in_verification")],
    ["the reviewer asks for formal changes with a reason", "formal_changes", iv(), reviewer, R, ok("needs_changes")],
    ["the reviewer rejects on formal grounds with a reason", "formal_reject", iv(), reviewer, R, ok("rejected")],
    ["the reviewer passes the merit check after the formal one", "merit_pass", iv2(), reviewer, {}, ok("accepted")],
    ["the reviewer asks for changes on the merits", "merit_changes", iv2(), reviewer, R, ok("needs_changes")],
    ["the reviewer rejects on the merits", "merit_reject", iv2(), reviewer, R, ok("rejected")],
    ["an admin stands in for the assigned reviewer (formal)", "formal_pass", iv(), admin, {}, ok("in_verification")],
    ["an admin stands in for the assigned reviewer (merit)", "merit_reject", iv2(), admin, R, ok("rejected")],
    ["author resubmits after an official's request", "resubmit", bo({ status: "needs_changes", phase: "verification", changesRequestedBy: "official" }), author, {}, ok("in_verification")],
    ["the reviewer corrects the cost with a reason after the formal check", "correct_cost", iv2(), reviewer, R, ok("in_verification")],
    ["official corrects the cost of an appealed proposal", "correct_cost", bo({ status: "appealed", phase: "appeals" }), official, R, ok("appealed")],
    ["youth council approves to verification", "youth_approve", youth({ status: "submitted" }), council, {}, ok("in_verification")],
    ["youth council returns with a reason", "youth_return", youth({ status: "submitted", phase: "verification" }), council, R, ok("needs_changes")],
    ["youth author resubmits to the council after its return", "resubmit", youth({ status: "needs_changes", changesRequestedBy: "youth_council" }), author, {}, ok("submitted")],
    ["youth author resubmits to officials after their request", "resubmit", youth({ status: "needs_changes", changesRequestedBy: "official" }), author, {}, ok("in_verification")],
    ["official verifies a youth proposal the council approved", "formal_reject", youth({ status: "in_verification", phase: "verification", reviewerUserId: "usr_reviewer" }), reviewer, R, ok("rejected")],
    ["author appeals a rejection in the appeals phase", "appeal", bo({ status: "rejected", phase: "appeals" }), author, R, ok("appealed")],
    ["official accepts an appeal", "appeal_accept", bo({ status: "appealed", phase: "appeals" }), official, R, ok("appeal_accepted")],
    ["official rejects an appeal", "appeal_reject", bo({ status: "appealed", phase: "appeals" }), official, R, ok("appeal_rejected")],
    ["official decides an appeal lodged in time during the final list phase", "appeal_accept", bo({ status: "appealed", phase: "final_list" }), official, R, ok("appeal_accepted")],
    ["author withdraws a draft", "withdraw", bo(), author, {}, ok("withdrawn")],
    ["author withdraws an accepted proposal before the list is frozen", "withdraw", bo({ status: "accepted", phase: "final_list" }), author, {}, ok("withdrawn")],
  ];
  it.each(table)("%s", (_name, action, state, actor, input, expected) => {
    expect(decideTransition(action, state, actor, input)).toEqual(expected);
  });
});

describe("decideTransition: refusals with their reason codes", () => {
  const table: Row[] = [
    ["anything once the final list is frozen", "withdraw", bo({ status: "accepted", finalListPublished: true }), author, {}, no("final_list_frozen")],
    ["an official decision once the list is frozen", "appeal_accept", bo({ status: "appealed", phase: "final_list", finalListPublished: true }), official, R, no("final_list_frozen")],
    ["anonymous support", "support", bo({ status: "submitted" }), anonymous, {}, no("not_signed_in")],
    ["someone else edits the draft", "edit", bo(), resident, {}, no("not_author")],
    ["an official submits on the author's behalf through the author's form", "submit", bo(), official, {}, no("not_author")],
    ["someone else appeals", "appeal", bo({ status: "rejected", phase: "appeals" }), resident, R, no("not_author")],
    ["the author supports their own proposal", "support", bo({ status: "submitted" }), author, {}, no("own_proposal")],
    ["a resident passes the merit check", "merit_pass", iv2(), resident, {}, no("not_allowed")],
    ["the author rejects", "formal_reject", iv(), author, R, no("not_allowed")],
    ["an admin corrects an appealed cost (appeals are the office's)", "correct_cost", bo({ status: "appealed", phase: "appeals" }), admin, R, no("not_allowed")],
    ["a formal check before anyone is assigned", "formal_pass", iv({ reviewerUserId: null }), official, {}, no("reviewer_not_assigned")],
    ["another official records the formal check", "formal_pass", iv(), otherOfficial, {}, no("not_assigned_reviewer")],
    ["another official records the merit check", "merit_pass", iv2(), otherOfficial, {}, no("not_assigned_reviewer")],
    ["another official corrects the cost", "correct_cost", iv2(), otherOfficial, R, no("not_assigned_reviewer")],
    ["the merit check before a passed formal check", "merit_pass", iv(), reviewer, {}, no("formal_check_first")],
    ["merit changes before a passed formal check", "merit_changes", iv(), reviewer, R, no("formal_check_first")],
    ["merit rejection before a passed formal check", "merit_reject", iv(), reviewer, R, no("formal_check_first")],
    ["a cost correction before the formal check", "correct_cost", iv(), reviewer, R, no("formal_check_first")],
    ["the formal check twice", "formal_pass", iv2(), reviewer, {}, no("formal_check_done")],
    ["a formal rejection after the formal check passed", "formal_reject", iv2(), reviewer, R, no("formal_check_done")],
    ["a formal check once the final list is frozen", "formal_pass", iv({ finalListPublished: true }), reviewer, {}, no("final_list_frozen")],
    ["an official does the youth council's moderation", "youth_approve", youth({ status: "submitted" }), official, {}, no("not_allowed")],
    ["the youth council decides an appeal", "appeal_accept", youth({ status: "appealed", phase: "appeals" }), council, R, no("not_allowed")],
    ["the youth council moderates a BO proposal", "youth_approve", bo({ status: "submitted" }), council, {}, no("not_youth_programme")],
    ["an official skips the youth council", "start_verification", youth({ status: "submitted" }), official, {}, no("youth_council_first")],
    ["submit twice", "submit", bo({ status: "submitted" }), author, {}, no("wrong_status")],
    ["edit a submitted proposal", "edit", bo({ status: "submitted" }), author, {}, no("wrong_status")],
    ["pass the merit check of a draft", "merit_pass", bo({ reviewerUserId: "usr_reviewer", formalPassed: true }), reviewer, {}, no("wrong_status")],
    ["a formal check of a submitted proposal", "formal_pass", bo({ status: "submitted", reviewerUserId: "usr_reviewer" }), reviewer, {}, no("wrong_status")],
    ["a merit check of an accepted proposal", "merit_reject", bo({ status: "accepted", phase: "verification", reviewerUserId: "usr_reviewer", formalPassed: true }), reviewer, R, no("wrong_status")],
    ["verify a draft", "start_verification", bo(), official, {}, no("wrong_status")],
    ["support a draft", "support", bo(), resident, {}, no("wrong_status")],
    ["ask for changes before verification", "formal_changes", bo({ status: "submitted" }), reviewer, R, no("wrong_status")],
    ["resubmit what was not returned", "resubmit", bo({ status: "in_verification", phase: "verification" }), author, {}, no("wrong_status")],
    ["appeal an accepted proposal", "appeal", bo({ status: "accepted", phase: "appeals" }), author, R, no("wrong_status")],
    ["decide an appeal that was never lodged", "appeal_accept", bo({ status: "rejected", phase: "appeals" }), official, R, no("wrong_status")],
    ["withdraw a rejected proposal", "withdraw", bo({ status: "rejected", phase: "appeals" }), author, {}, no("wrong_status")],
    ["withdraw twice", "withdraw", bo({ status: "withdrawn" }), author, {}, no("wrong_status")],
    ["support where the programme needs none", "support", youth({ status: "submitted" }), resident, {}, no("support_not_required")],
    ["submit after the submission phase", "submit", bo({ phase: "verification" }), author, {}, no("not_submission_phase")],
    ["submit outside every phase", "submit", bo({ phase: null }), author, {}, no("not_submission_phase")],
    ["edit a draft after the submission phase", "edit", bo({ phase: "verification" }), author, {}, no("not_submission_phase")],
    ["support after the submission phase", "support", bo({ status: "submitted", phase: "verification" }), resident, {}, no("not_submission_phase")],
    ["verify in the appeals phase", "merit_pass", iv2({ phase: "appeals" }), reviewer, {}, no("not_verification_phase")],
    ["a formal check in the voting phase", "formal_pass", iv({ phase: "voting" }), reviewer, {}, no("not_verification_phase")],
    ["resubmit after verification ended", "resubmit", bo({ status: "needs_changes", phase: "appeals" }), author, {}, no("not_verification_phase")],
    ["edit a returned proposal after verification ended", "edit", bo({ status: "needs_changes", phase: "final_list" }), author, {}, no("not_verification_phase")],
    ["youth moderation in the voting phase", "youth_return", youth({ status: "submitted", phase: "voting" }), council, R, no("not_verification_phase")],
    ["correct a cost in the voting phase", "correct_cost", iv2({ phase: "voting" }), reviewer, R, no("not_verification_phase")],
    ["correct an appealed cost outside the appeals", "correct_cost", bo({ status: "appealed", phase: "voting" }), official, R, no("not_appeals_phase")],
    ["appeal during verification", "appeal", bo({ status: "rejected", phase: "verification" }), author, R, no("not_appeals_phase")],
    ["appeal after the appeals phase", "appeal", bo({ status: "rejected", phase: "final_list" }), author, R, no("not_appeals_phase")],
    ["decide an appeal in the voting phase", "appeal_reject", bo({ status: "appealed", phase: "voting" }), official, R, no("not_appeals_phase")],
    ["formal rejection without a reason", "formal_reject", iv(), reviewer, {}, no("reason_required")],
    ["formal rejection with only spaces", "formal_reject", iv(), reviewer, { reason: "   " }, no("reason_required")],
    ["formal changes without a reason", "formal_changes", iv(), reviewer, { reason: null }, no("reason_required")],
    ["merit rejection without a reason", "merit_reject", iv2(), reviewer, {}, no("reason_required")],
    ["merit changes without a reason", "merit_changes", iv2(), reviewer, {}, no("reason_required")],
    ["correct the cost without a reason", "correct_cost", iv2(), reviewer, {}, no("reason_required")],
    ["youth return without a reason", "youth_return", youth({ status: "submitted" }), council, {}, no("reason_required")],
    ["appeal without a justification", "appeal", bo({ status: "rejected", phase: "appeals" }), author, {}, no("reason_required")],
    ["accept an appeal without a reason", "appeal_accept", bo({ status: "appealed", phase: "appeals" }), official, {}, no("reason_required")],
    ["reject an appeal without a reason", "appeal_reject", bo({ status: "appealed", phase: "appeals" }), official, {}, no("reason_required")],
    ["verification without enough supports", "start_verification", bo({ status: "submitted", supportCount: 2 }), official, {}, no("not_enough_support")],
    ["support twice", "support", bo({ status: "submitted", alreadySupported: true }), resident, {}, no("already_supported")],
    ["appeal a second time after it was rejected", "appeal", bo({ status: "appeal_rejected", phase: "appeals", appealUsed: true }), author, R, no("appeal_already_used")],
    ["appeal while the appeal is pending", "appeal", bo({ status: "appealed", phase: "appeals", appealUsed: true }), author, R, no("appeal_already_used")],
    ["appeal again a rejection that followed an earlier appeal", "appeal", bo({ status: "rejected", phase: "appeals", appealUsed: true }), author, R, no("appeal_already_used")],
  ];
  it.each(table)("%s", (_name, action, state, actor, input, expected) => {
    expect(decideTransition(action, state, actor, input)).toEqual(expected);
  });

  it("every refusal code is reachable by some row", () => {
    const used = new Set(table.map((r) => (r[5].ok ? null : r[5].reason)));
    expect(WORKFLOW_REFUSALS.filter((r) => !used.has(r))).toEqual([]);
  });

  it("no action leaves a final status except where listed", () => {
    const finals: ProposalStatus[] = ["withdrawn", "appeal_accepted", "appeal_rejected"];
    const actions: WorkflowAction[] = ["submit", "resubmit", "appeal", "start_verification", "formal_pass", "merit_pass", "merit_reject", "youth_approve"];
    for (const status of finals) {
      for (const action of actions) {
        for (const actor of [author, official, council]) {
          const d = decideTransition(action, bo({ status, phase: "appeals", appealUsed: status !== "withdrawn" }), actor, R);
          expect(d.ok, `${action} from ${status}`).toBe(false);
        }
      }
    }
    // sanity: the list of statuses is the one the rules know about
    expect(PROPOSAL_STATUSES).toContain("appeal_accepted");
  });
});

describe("canPublishFinalList", () => {
  const table: [string, Parameters<typeof canPublishFinalList>[0], ReturnType<typeof canPublishFinalList>][] = [
    ["an official in the final list phase", { isOfficial: true, phase: "final_list", alreadyPublished: false, pendingCount: 0 }, { ok: true }],
    ["a resident", { isOfficial: false, phase: "final_list", alreadyPublished: false, pendingCount: 0 }, { ok: false, reason: "not_allowed" }],
    ["twice", { isOfficial: true, phase: "final_list", alreadyPublished: true, pendingCount: 0 }, { ok: false, reason: "final_list_frozen" }],
    ["during the appeals", { isOfficial: true, phase: "appeals", alreadyPublished: false, pendingCount: 0 }, { ok: false, reason: "not_final_list_phase" }],
    ["with undecided proposals", { isOfficial: true, phase: "final_list", alreadyPublished: false, pendingCount: 2 }, { ok: false, reason: "proposals_pending" }],
  ];
  it.each(table)("%s", (_n, input, expected) => expect(canPublishFinalList(input)).toEqual(expected));
});

describe("cost breakdown", () => {
  const pool = { budgetGrosze: 50_000_00, maxProjectCostGrosze: 20_000_00 };
  it.each([
    ["fits the cap", [{ label: "a", amountGrosze: 12_000_00 }, { label: "b", amountGrosze: 8_000_00 }], pool, { ok: true, totalGrosze: 20_000_00 }],
    ["one grosz over the cap", [{ label: "a", amountGrosze: 20_000_01 }], pool, { ok: false, reason: "cost_over_cap", totalGrosze: 20_000_01, limitGrosze: 20_000_00 }],
    ["over the pool when there is no cap", [{ label: "a", amountGrosze: 50_000_01 }], { budgetGrosze: 50_000_00, maxProjectCostGrosze: null }, { ok: false, reason: "cost_over_pool", totalGrosze: 50_000_01, limitGrosze: 50_000_00 }],
    ["no items", [], pool, { ok: false, reason: "cost_items_required", totalGrosze: 0, limitGrosze: 0 }],
    ["only zero amounts", [{ label: "a", amountGrosze: 0 }], pool, { ok: false, reason: "cost_zero", totalGrosze: 0, limitGrosze: 0 }],
  ] as const)("%s", (_n, items, p, expected) => {
    expect(checkCostBreakdown(items, p)).toEqual(expected);
  });

  it.each([
    ["20000", 20_000_00],
    ["20 000", 20_000_00],
    ["1 234,56", 1_234_56],
    ["1234.5", 1_234_50],
    ["99 zł", 99_00],
    ["0", 0],
    ["-100", null],
    ["12a", null],
    ["abc", null],
    ["1,234", null],
    ["1e5", null],
    ["", null],
    ["12345678901", null],
  ] as const)("parseAmount(%j) = %j", (text, expected) => {
    expect(parseAmount(text)).toBe(expected);
  });
});

describe("proposalInputSchema", () => {
  const pools = [
    { id: "pool_small", budgetGrosze: 100_000_00, maxProjectCostGrosze: 20_000_00 },
    { id: "pool_city", budgetGrosze: 2_500_000_00, maxProjectCostGrosze: 1_250_000_00 },
  ];
  const schema = proposalInputSchema(pools);
  const valid = {
    intent: "submit",
    title: "Ławki nad morzem",
    summary: "Pięć nowych ławek na bulwarze.",
    description: "Na bulwarze brakuje miejsc do odpoczynku. Proponujemy pięć ławek z oparciami.",
    poolId: "pool_small",
    category: "green",
    location: "Bulwar Nadmorski",
    beneficiaries: "Spacerowicze, seniorzy",
    costItems: [{ label: "Ławki", amount: "15 000" }, undefined, { label: "Montaż", amount: "2000,50" }],
  };
  const errorsOf = (input: unknown) => {
    const r = schema.safeParse(input);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  };

  it("accepts a proper proposal, drops empty rows and computes grosze", () => {
    const r = schema.parse(valid);
    expect(r.costItems).toEqual([
      { label: "Ławki", amountGrosze: 15_000_00 },
      { label: "Montaż", amountGrosze: 2_000_50 },
    ]);
    expect(r.guardianConsent).toBe(false);
    expect(r.lat).toBeNull();
  });

  it.each([
    ["a cost over the pool's cap", { costItems: [{ label: "Ławki", amount: "25 000" }] }, ["costItems: proposal.error.cost_over_cap?total=2500000&limit=2000000"]],
    ["letters in an amount", { costItems: [{ label: "Ławki", amount: "15 tys." }] }, ["costItems.0.amount: proposal.error.amount"]],
    ["a negative amount", { costItems: [{ label: "Ławki", amount: "-500" }] }, ["costItems.0.amount: proposal.error.amount"]],
    ["an amount without a label", { costItems: [{ amount: "500" }] }, ["costItems.0.label: proposal.error.label_required"]],
    ["a label without an amount", { costItems: [{ label: "Ławki" }] }, ["costItems.0.amount: proposal.error.amount_required"]],
    ["no cost rows at all", { costItems: [] }, ["costItems: proposal.error.cost_items_required?total=0&limit=0"]],
    ["a script in the title", { title: "Ławki <script>alert(1)</script>" }, ["title: proposal.error.markup"]],
    ["markup in the description", { description: 'Opis <img src=x onerror="alert(1)"> i dalszy ciąg tekstu opisu.' }, ["description: proposal.error.markup"]],
    ["an unknown pool", { poolId: "pool_other" }, ["poolId: proposal.error.pool"]],
    ["an unknown category", { category: "casino" }, ["category: proposal.error.category"]],
    ["a too short title", { title: "Ław" }, ["title: proposal.error.too_short?min=5"]],
    ["a point outside Gdynia", { lat: "52.2297", lng: "21.0122" }, ["lat: proposal.error.coordinate_gdynia", "lng: proposal.error.coordinate_gdynia"]],
    ["half a point", { lat: "54.5" }, ["lng: proposal.error.coordinate_pair"]],
    ["a minor without the guardian's consent", { minor: "on", guardianName: "Ewa Nowak" }, ["guardianConsent: proposal.error.guardian_consent"]],
    ["a minor without the guardian's name", { minor: "on", guardianConsent: "on" }, ["guardianName: proposal.error.guardian_name"]],
  ])("refuses %s", (_n, patch, expected) => {
    expect(errorsOf({ ...valid, ...patch })).toEqual(expected);
  });

  it("a minor with the guardian's consent is recorded", () => {
    const r = schema.parse({ ...valid, minor: "on", guardianName: "Ewa Nowak", guardianConsent: "on" });
    expect(r).toMatchObject({ guardianName: "Ewa Nowak", guardianConsent: true });
  });

  it("the city pool's higher cap takes the same breakdown", () => {
    expect(errorsOf({ ...valid, poolId: "pool_city", costItems: [{ label: "Ławki", amount: "25 000" }] })).toEqual([]);
  });
});

describe("decision, appeal and comment forms", () => {
  it("decisions are one of the known intents", () => {
    expect(DecisionInputSchema.safeParse({ intent: "merit_reject", reason: "Teren prywatny." }).success).toBe(true);
    expect(DecisionInputSchema.safeParse({ intent: "delete_everything" }).success).toBe(false);
    expect(DecisionInputSchema.safeParse({ intent: "formal_reject", reason: "<b>nie</b>" }).success).toBe(false);
  });
  it("an appeal needs a real justification", () => {
    expect(AppealInputSchema.safeParse({ justification: "krótko" }).success).toBe(false);
    expect(AppealInputSchema.safeParse({ justification: "Działka należy do miasta, załączam wypis z rejestru." }).success).toBe(true);
  });
  it("comments are plain text", () => {
    expect(CommentInputSchema.safeParse({ body: "Świetny pomysł!" }).success).toBe(true);
    expect(CommentInputSchema.safeParse({ body: "<script>alert(1)</script>" }).success).toBe(false);
    expect(CommentInputSchema.safeParse({ body: "zobacz javascript:alert(1)" }).success).toBe(false);
    expect(CommentInputSchema.safeParse({ body: "x" }).success).toBe(false);
  });
  it("replies go one level deep only", () => {
    expect(checkReply({ parentId: null, proposalId: "p1" }, "p1")).toEqual({ ok: true });
    expect(checkReply({ parentId: "c1", proposalId: "p1" }, "p1")).toEqual({ ok: false, reason: "reply_depth" });
    expect(checkReply({ parentId: null, proposalId: "p2" }, "p1")).toEqual({ ok: false, reason: "parent_missing" });
    expect(checkReply(null, "p1")).toEqual({ ok: false, reason: "parent_missing" });
  });
  it("the youth council moderates comments of its programme, officials the others", () => {
    expect(mayModerateComments({ moderation: "youth_council", isOfficial: true, isYouthModerator: false })).toBe(false);
    expect(mayModerateComments({ moderation: "youth_council", isOfficial: false, isYouthModerator: true })).toBe(true);
    expect(mayModerateComments({ moderation: "officials", isOfficial: false, isYouthModerator: true })).toBe(false);
    expect(mayModerateComments({ moderation: "officials", isOfficial: true, isYouthModerator: false })).toBe(true);
  });
  it("links are found in plain text, without trailing punctuation and only for http(s)", () => {
    expect(linkify("Zobacz https://gdynia.pl/bo, oraz ftp://x.")).toEqual([
      { kind: "text", text: "Zobacz " },
      { kind: "link", href: "https://gdynia.pl/bo", text: "https://gdynia.pl/bo" },
      { kind: "text", text: ", oraz ftp://x." },
    ]);
  });
});

describe("checkStepOutcome: the ticks must fit the outcome of the step", () => {
  const allFormal = [...FORMAL_CRITERIA];
  const allMerit = [...MERIT_CRITERIA];
  const table: [string, (typeof STEP_ACTIONS)[number], string[], ReturnType<typeof checkStepOutcome>][] = [
    ["formal pass with every formal criterion", "formal_pass", allFormal, { ok: true, checks: { complete: true, location: true, pool_caps: true, support: true } }],
    ["formal pass with one criterion unticked", "formal_pass", ["complete", "location", "pool_caps"], { ok: false, reason: "criteria_not_met" }],
    ["formal pass with the merit criteria instead", "formal_pass", allMerit, { ok: false, reason: "criteria_not_met" }],
    ["formal changes naming what is missing", "formal_changes", ["complete", "pool_caps", "support"], { ok: true, checks: { complete: true, location: false, pool_caps: true, support: true } }],
    ["formal changes with every criterion ticked", "formal_changes", allFormal, { ok: false, reason: "failed_criterion_required" }],
    ["formal rejection with nothing ticked", "formal_reject", [], { ok: true, checks: { complete: false, location: false, pool_caps: false, support: false } }],
    ["formal rejection with everything ticked", "formal_reject", allFormal, { ok: false, reason: "failed_criterion_required" }],
    ["merit pass with every merit criterion (formal ones ignored)", "merit_pass", [...allMerit, "complete"], { ok: true, checks: { feasibility: true, cost_estimate: true, land: true, compliance: true } }],
    ["merit pass without city land", "merit_pass", ["feasibility", "cost_estimate", "compliance"], { ok: false, reason: "criteria_not_met" }],
    ["merit rejection for the land", "merit_reject", ["feasibility", "cost_estimate", "compliance"], { ok: true, checks: { feasibility: true, cost_estimate: true, land: false, compliance: true } }],
    ["merit changes with everything ticked", "merit_changes", allMerit, { ok: false, reason: "failed_criterion_required" }],
  ];
  it.each(table)("%s", (_n, action, met, expected) => {
    expect(checkStepOutcome(action, met)).toEqual(expected);
  });
});

describe("canAssignReviewer", () => {
  const base = { actorIsOfficial: true, actorIsAdmin: false, assigneeIsOfficial: true, status: "submitted" as ProposalStatus, finalListPublished: false, currentReviewerId: null as string | null, assigneeId: "usr_a" };
  const table: [string, Partial<typeof base>, ReturnType<typeof canAssignReviewer>][] = [
    ["an official assigns an unassigned proposal", {}, { ok: true, reassignment: false }],
    ["an official takes over from a colleague (reassignment)", { status: "in_verification", currentReviewerId: "usr_b" }, { ok: true, reassignment: true }],
    ["an admin assigns", { actorIsOfficial: false, actorIsAdmin: true }, { ok: true, reassignment: false }],
    ["an appealed proposal can be assigned", { status: "appealed" }, { ok: true, reassignment: false }],
    ["a resident assigns", { actorIsOfficial: false }, { ok: false, reason: "not_allowed" }],
    ["assignment after the list is frozen", { finalListPublished: true }, { ok: false, reason: "final_list_frozen" }],
    ["assignment of a draft", { status: "draft" }, { ok: false, reason: "wrong_status" }],
    ["assignment of an accepted proposal", { status: "accepted" }, { ok: false, reason: "wrong_status" }],
    ["assignment to someone who is not an official of the programme", { assigneeIsOfficial: false }, { ok: false, reason: "assignee_not_official" }],
    ["assignment to the current reviewer", { currentReviewerId: "usr_a" }, { ok: false, reason: "already_assigned" }],
  ];
  it.each(table)("%s", (_n, over, expected) => {
    expect(canAssignReviewer({ ...base, ...over })).toEqual(expected);
  });
  it("open statuses are exactly the ones still waiting for verification", () => {
    expect([...ASSIGNABLE_STATUSES].sort()).toEqual(["appealed", "in_verification", "needs_changes", "submitted"]);
  });
});

describe("decideListCorrection: after the final list, before voting", () => {
  const base = { isOfficial: true, phase: "final_list" as const, finalListPublished: true, status: "accepted" as ProposalStatus, reason: "Błąd w ocenie własności terenu." as string | null };
  type P = Parameters<typeof decideListCorrection>;
  const table: [string, P[0], Partial<P[1]>, ReturnType<typeof decideListCorrection>][] = [
    ["remove an accepted proposal from the ballot", "list_remove", {}, { ok: true, to: "rejected" }],
    ["remove an appeal-accepted proposal", "list_remove", { status: "appeal_accepted" }, { ok: true, to: "rejected" }],
    ["put a rejected proposal back", "list_restore", { status: "rejected" }, { ok: true, to: "accepted" }],
    ["put an appeal-rejected proposal back", "list_restore", { status: "appeal_rejected" }, { ok: true, to: "accepted" }],
    ["correct the cost of a proposal on the ballot", "list_cost", {}, { ok: true, to: "accepted" }],
    ["a resident corrects", "list_remove", { isOfficial: false }, { ok: false, reason: "not_allowed" }],
    ["a correction before the list is published", "list_remove", { finalListPublished: false }, { ok: false, reason: "final_list_not_published" }],
    ["a correction once voting has started", "list_remove", { phase: "voting" }, { ok: false, reason: "voting_started" }],
    ["a correction during the count", "list_cost", { phase: "counting" }, { ok: false, reason: "voting_started" }],
    ["a correction after the results", "list_restore", { phase: "results", status: "rejected" }, { ok: false, reason: "voting_started" }],
    ["a correction outside every phase", "list_remove", { phase: null }, { ok: false, reason: "not_final_list_phase" }],
    ["remove what is not on the ballot", "list_remove", { status: "rejected" }, { ok: false, reason: "not_on_ballot" }],
    ["correct the cost of what is not on the ballot", "list_cost", { status: "withdrawn" }, { ok: false, reason: "not_on_ballot" }],
    ["restore what is already on the ballot", "list_restore", {}, { ok: false, reason: "already_on_ballot" }],
    ["restore a withdrawn proposal", "list_restore", { status: "withdrawn" }, { ok: false, reason: "not_restorable" }],
    ["a correction without a reason", "list_remove", { reason: "  " }, { ok: false, reason: "reason_required" }],
    ["a correction with no reason at all", "list_restore", { status: "rejected", reason: null }, { ok: false, reason: "reason_required" }],
  ];
  it.each(table)("%s", (_n, kind, over, expected) => {
    expect(decideListCorrection(kind, { ...base, ...over })).toEqual(expected);
  });
});

describe("cost correction and list correction forms", () => {
  const small = costCorrectionInputSchema({ budgetGrosze: 500_000_00, maxProjectCostGrosze: 20_000_00 });
  it("recomputes the total from the rows and keeps the reason", () => {
    const r = small.safeParse({ costItems: [{ label: "Ławki", amount: "14 000" }, { label: "Montaż", amount: "3000,50" }, {}], reason: "Aktualne ceny." });
    expect(r.success && r.data).toEqual({ costItems: [{ label: "Ławki", amountGrosze: 14_000_00 }, { label: "Montaż", amountGrosze: 3_000_50 }], reason: "Aktualne ceny." });
  });
  it("refuses a total over the small pool's cap of 20 000 zł, naming the limit", () => {
    const r = small.safeParse({ costItems: [{ label: "Ławki", amount: "20 000,01" }], reason: "Aktualne ceny." });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toEqual(["proposal.error.cost_over_cap?total=2000001&limit=2000000"]);
  });
  it("requires a public reason and no markup", () => {
    expect(small.safeParse({ costItems: [{ label: "Ławki", amount: "100" }], reason: "  " }).error?.issues.map((i) => i.message)).toEqual(["workflow.error.reason_required"]);
    expect(small.safeParse({ costItems: [{ label: "Ławki", amount: "100" }] }).error?.issues.map((i) => i.message)).toEqual(["workflow.error.reason_required"]);
    expect(small.safeParse({ costItems: [{ label: "Ławki", amount: "100" }], reason: "<script>x</script>" }).success).toBe(false);
  });
  it("refuses an empty breakdown and letters in amounts", () => {
    expect(small.safeParse({ costItems: [], reason: "Powód." }).error?.issues[0]?.message).toMatch(/^proposal\.error\.cost_items_required/);
    expect(small.safeParse({ costItems: [{ label: "Ławki", amount: "dużo" }], reason: "Powód." }).error?.issues[0]?.message).toBe("proposal.error.amount");
  });
  it("a list correction needs a known kind, a reason and the confirmation tick", () => {
    const good = { kind: "list_remove", proposalId: "prp_1", reason: "Teren prywatny.", confirm: "on" };
    expect(ListCorrectionInputSchema.safeParse(good).success).toBe(true);
    expect(ListCorrectionInputSchema.safeParse({ ...good, confirm: undefined }).error?.issues.map((i) => i.message)).toEqual(["proposal.error.confirm"]);
    expect(ListCorrectionInputSchema.safeParse({ ...good, kind: "list_delete" }).success).toBe(false);
    expect(ListCorrectionInputSchema.safeParse({ ...good, reason: "" }).error?.issues.map((i) => i.message)).toEqual(["workflow.error.reason_required"]);
    expect(ListCorrectionInputSchema.safeParse({ ...good, proposalId: "../x" }).success).toBe(false);
  });
  it("the decision form keeps the ticked criteria", () => {
    const r = DecisionInputSchema.safeParse({ intent: "formal_pass", checks: { complete: "on", location: "on" } });
    expect(r.success && r.data.checks).toEqual({ complete: "on", location: "on" });
    expect(DecisionInputSchema.safeParse({ intent: "accept" }).success).toBe(false);
  });
});
