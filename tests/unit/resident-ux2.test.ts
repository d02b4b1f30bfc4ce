/** Rules of issue #16 (second round): extras after submission, and the other pure rules added with them. */
import { describe, expect, it } from "vitest";
import { decideExtrasChange } from "~/domain/workflow/extras";
import { decideTransition, type WorkflowState } from "~/domain/workflow/transitions";
import { PROPOSAL_STATUSES, type ProposalStatus } from "~/domain/proposals";
import { PHASES, type Phase } from "~/domain/rules";
import { identify, NAME_MAX_LENGTH } from "~/domain/voting/identity";
import { noticeAfterSave } from "~/domain/workflow/notices";
import { appealWindow } from "~/domain/appeal-window";
import { agePhrase, ballotRulePhrase, poolRulePhrases, storedBallotRulePhrase, supportPhrase } from "~/domain/how-it-works";
import { pl } from "~/i18n/pl";

const state = (over: Partial<WorkflowState> = {}): WorkflowState => ({
  status: "submitted",
  phase: "submission",
  moderation: "officials",
  supportsRequired: 15,
  supportCount: 3,
  appealUsed: false,
  changesRequestedBy: null,
  finalListPublished: false,
  ...over,
});

describe("decideExtrasChange: photos, files and co-authors until verification starts", () => {
  it.each<[string, Partial<WorkflowState>, { isAuthor: boolean }, ReturnType<typeof decideExtrasChange>]>([
    ["a draft in submission", { status: "draft" }, { isAuthor: true }, { ok: true }],
    ["a submitted proposal gathering supports", { status: "submitted" }, { isAuthor: true }, { ok: true }],
    ["a submitted proposal still waiting in the verification phase", { status: "submitted", phase: "verification" }, { isAuthor: true }, { ok: true }],
    ["a submitted youth proposal before the council approves it", { status: "submitted", moderation: "youth_council", supportsRequired: 0 }, { isAuthor: true }, { ok: true }],
    ["changes asked for", { status: "needs_changes", phase: "verification" }, { isAuthor: true }, { ok: true }],
    ["verification started", { status: "in_verification", phase: "verification" }, { isAuthor: true }, { ok: false, reason: "wrong_status" }],
    ["accepted", { status: "accepted", phase: "verification" }, { isAuthor: true }, { ok: false, reason: "wrong_status" }],
    ["rejected", { status: "rejected", phase: "appeals" }, { isAuthor: true }, { ok: false, reason: "wrong_status" }],
    ["withdrawn", { status: "withdrawn" }, { isAuthor: true }, { ok: false, reason: "wrong_status" }],
    ["submitted, but the appeals phase", { status: "submitted", phase: "appeals" }, { isAuthor: true }, { ok: false, reason: "not_verification_phase" }],
    ["submitted, but voting", { status: "submitted", phase: "voting" }, { isAuthor: true }, { ok: false, reason: "not_verification_phase" }],
    ["a draft after submission closed", { status: "draft", phase: "verification" }, { isAuthor: true }, { ok: false, reason: "not_submission_phase" }],
    ["the final list is published", { status: "submitted", finalListPublished: true }, { isAuthor: true }, { ok: false, reason: "final_list_frozen" }],
    ["someone else", { status: "submitted" }, { isAuthor: false }, { ok: false, reason: "not_author" }],
  ])("%s", (_name, over, actor, expected) => {
    expect(decideExtrasChange(state(over), actor)).toEqual(expected);
  });

  it("allows at least whatever editing allows, and beyond that only a submitted proposal", () => {
    const phases: (Phase | null)[] = [null, ...PHASES];
    for (const status of PROPOSAL_STATUSES as readonly ProposalStatus[])
      for (const phase of phases)
        for (const finalListPublished of [false, true]) {
          const s = state({ status, phase, finalListPublished });
          const edit = decideTransition("edit", s, { signedIn: true, isAuthor: true, isOfficial: false, isYouthModerator: false }).ok;
          const extras = decideExtrasChange(s, { isAuthor: true }).ok;
          if (edit) expect(extras).toBe(true);
          if (extras && !edit) expect(status).toBe("submitted");
        }
  });
});

describe("voting names: a name over the limit is refused, never cut", () => {
  const pesel = "80051412313"; // the demo adult (README)
  it.each<[string, string, "ok" | "name_too_long"]>([
    ["a usual name", "Krystyna", "ok"],
    ["exactly the limit", "A".repeat(NAME_MAX_LENGTH), "ok"],
    ["one over the limit", "A".repeat(NAME_MAX_LENGTH + 1), "name_too_long"],
    ["a pasted 300-character name", "Krystyna ".repeat(34).slice(0, 300), "name_too_long"],
    ["a name pasted with a whole paragraph", "Krystyna\n" + "x".repeat(1200), "name_too_long"],
  ])("%s", (_name, parentFirstName, expected) => {
    const r = identify({ method: "pesel", pesel, parentFirstName });
    if (expected === "ok") {
      expect(r.ok).toBe(true);
      // the key keeps the whole name: nothing was cut to fit
      if (r.ok) expect(r.keyString.endsWith(`|parent:${parentFirstName.toLocaleLowerCase("pl")}`)).toBe(true);
    } else expect(r).toEqual({ ok: false, reason: "name_too_long", field: "parentFirstName" });
  });
  it("a card holder's first and last name are refused the same way", () => {
    expect(identify({ method: "karta", cardNumber: "123456789", firstName: "Olga", lastName: "N".repeat(300) })).toEqual({ ok: false, reason: "name_too_long", field: "lastName" });
  });
});

describe("noticeAfterSave: the confirmation is worded for the programme", () => {
  const bo = { moderation: "officials" as const, supportsRequired: 15 };
  const noSupports = { moderation: "officials" as const, supportsRequired: 0 };
  const youth = { moderation: "youth_council" as const, supportsRequired: 0 };
  it.each<[string, ProposalStatus, ProposalStatus | null, Parameters<typeof noticeAfterSave>[2], string]>([
    ["a draft saved", "draft", null, bo, "proposal_saved"],
    ["a BO proposal submitted: others may support it", "submitted", "draft", bo, "proposal_submitted"],
    ["a BO proposal submitted at once", "submitted", null, bo, "proposal_submitted"],
    ["a programme needing no supports goes to the officials", "submitted", "draft", noSupports, "submitted_officials"],
    ["a youth proposal goes to the youth council", "submitted", null, youth, "submitted_council"],
    ["a youth proposal corrected after the council returned it", "submitted", "needs_changes", youth, "resubmitted_council"],
    ["a corrected proposal back in verification", "in_verification", "needs_changes", bo, "proposal_resubmitted"],
    ["a corrected youth proposal back in verification", "in_verification", "needs_changes", youth, "proposal_resubmitted"],
  ])("%s", (_name, after, before, p, expected) => {
    expect(noticeAfterSave(after, before, p)).toBe(expected);
  });
});

describe("appealWindow: what the rejection e-mail says about appealing", () => {
  const windows = [
    { phase: "verification" as const, startsAt: "2026-04-14T22:00:00.000Z", endsAt: "2026-06-13T22:00:00.000Z" },
    { phase: "appeals" as const, startsAt: "2026-06-13T22:00:00.000Z", endsAt: "2026-06-27T22:00:00.000Z" },
  ];
  it.each<[string, string, ReturnType<typeof appealWindow>]>([
    ["rejected during verification: from the opening to the last minute", "2026-05-01T10:00:00Z", { opensAt: "2026-06-13T22:00:00.000Z", lastMinute: "2026-06-27T21:59:00.000Z", open: false }],
    ["rejected during appeals (an appeal decided): open already", "2026-06-20T10:00:00Z", { opensAt: "2026-06-13T22:00:00.000Z", lastMinute: "2026-06-27T21:59:00.000Z", open: true }],
    ["after the appeals phase: nothing to promise", "2026-06-27T22:00:00Z", null],
  ])("%s", (_name, now, expected) => {
    expect(appealWindow(windows, new Date(now))).toEqual(expected);
  });
  it("no appeals phase, no deadline", () => {
    expect(appealWindow(windows.slice(0, 1), new Date("2026-05-01T10:00:00Z"))).toBeNull();
  });
});

describe("'Jak to działa': the rules of each programme as phrases", () => {
  it.each<[string, Parameters<typeof ballotRulePhrase>[0], string, Record<string, number | string> | undefined]>([
    ["tick up to 3 (Gdynia)", { kind: "approval", minTicks: 0, maxTicks: 3 }, "ux2.how.ballot.approval", { max: 3 }],
    ["points", { kind: "points", maxTotal: 10, maxPerProject: 5 }, "ux2.how.ballot.points", { total: 10, per: 5 }],
    ["knapsack", { kind: "knapsack" }, "ux2.how.ballot.knapsack", undefined],
    ["choose one, optional", { kind: "choose-one", required: false }, "ux2.how.ballot.chooseOne", undefined],
    ["choose one, required", { kind: "choose-one", required: true }, "ux2.how.ballot.chooseOneRequired", undefined],
    ["ranked 3/2/1 (Kraków)", { kind: "ranked", ranks: 3, exact: true }, "ux2.how.ballot.ranked", { ranks: 3, points: "3/2/1" }],
    ["ranked with own points", { kind: "ranked", ranks: 2, exact: false, pointsPerRank: [5, 2] }, "ux2.how.ballot.ranked", { ranks: 2, points: "5/2" }],
  ])("%s", (_name, rule, key, vars) => {
    const p = ballotRulePhrase(rule);
    expect(p).toEqual(vars ? { key, vars } : { key });
    expect(Object.keys(pl)).toContain(p.key);
  });

  it("a stored rule that does not parse says nothing; pools of one kind give one line", () => {
    expect(storedBallotRulePhrase("{not json")).toBeNull();
    expect(storedBallotRulePhrase(JSON.stringify({ kind: "approval", maxTicks: 0 }))).toBeNull();
    const rule = JSON.stringify({ kind: "approval", minTicks: 0, maxTicks: 3 });
    expect(poolRulePhrases([{ kind: "district_large", ballotRule: rule }, { kind: "district_large", ballotRule: rule }, { kind: "city", ballotRule: rule }, { kind: "district_small", ballotRule: "broken" }])).toEqual([
      { kind: "district_large", phrase: { key: "ux2.how.ballot.approval", vars: { max: 3 } } },
      { kind: "city", phrase: { key: "ux2.how.ballot.approval", vars: { max: 3 } } },
    ]);
  });

  it.each<[number | null, number | null, string]>([
    [13, 19, "ux2.how.age.range"],
    [16, null, "ux2.how.age.min"],
    [null, 15, "ux2.how.age.max"],
    [null, null, "ux2.how.age.any"],
  ])("age %s–%s", (min, max, key) => {
    expect(agePhrase(min, max).key).toBe(key);
  });

  it.each<[number, "officials" | "youth_council", string]>([
    [15, "officials", "ux2.how.support.count"],
    [0, "officials", "ux2.how.support.none"],
    [0, "youth_council", "ux2.how.support.council"],
    [5, "youth_council", "ux2.how.support.council"],
  ])("supports %s with %s", (n, moderation, key) => {
    expect(supportPhrase(n, moderation).key).toBe(key);
  });
});
