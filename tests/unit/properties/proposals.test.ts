/**
 * Properties of proposals and who may do what: app/domain/{proposals,workflow/*,comments,permissions,
 * account,attachments,coauthors,paper-proposals}.ts.
 *
 * No property of their own (constants only, used by the properties below or by the schemas-fuzz
 * test): coauthors.ts (MAX_COAUTHORS, MAX_INVITATIONS_SENT), CATEGORIES, PROPOSAL_STATUSES,
 * FLAG_REASONS, COMMENT_MAX, MAX_COST_ROWS, DEFAULT_COST_ROWS, ATTACHMENT_TYPES, SNIFF_BYTES.
 * isStepAction and isImage are one-line membership tests, covered through checkStepOutcome and
 * sniffContentType below.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ZodType } from "zod";
import { EmailSchema, RedirectToSchema, TokenSchema } from "~/domain/account";
import { AttachmentDescriptionSchema, checkAttachment, contentDisposition, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS, safeFileName, sizeParts, sniffContentType, type AttachmentType } from "~/domain/attachments";
import { MAX_COAUTHORS, MAX_INVITATIONS_SENT } from "~/domain/coauthors";
import { checkPaperEntry, PaperEntrySchema } from "~/domain/paper-proposals";
import { can as canAsk, checkRoleChange, isScopedPermission, PROGRAMME_KINDS, ROLES, SCOPED_PERMISSIONS, UNSCOPED_PERMISSIONS, type Actor, type Permission, type ProgrammeKind, type RoleGrant, type Scope } from "~/domain/permissions";
import { CommentInputSchema, FlagInputSchema, HideCommentInputSchema, checkReply, mayModerateComments } from "~/domain/comments";
import { canPublishFinalList, decideListCorrection, LIST_CORRECTIONS, ON_BALLOT_STATUSES, PENDING_STATUSES } from "~/domain/workflow/corrections";
import { amountText, checkCostBreakdown, costTotal, parseAmount } from "~/domain/workflow/costs";
import { AppealInputSchema, AssignInputSchema, DecisionInputSchema, costCorrectionInputSchema, ListCorrectionInputSchema, proposalInputSchema } from "~/domain/workflow/inputs";
import { linkify } from "~/domain/workflow/text";
import { decideTransition, WORKFLOW_ACTIONS, WORKFLOW_REFUSALS, type WorkflowActor, type WorkflowState } from "~/domain/workflow/transitions";
import { canAssignReviewer, checkStepOutcome, criteriaOf, STEP_ACTIONS } from "~/domain/workflow/verification";
import { PROPOSAL_STATUSES, searchText, type ProposalStatus } from "~/domain/proposals";
import { PHASES, type Phase } from "~/domain/rules";
import { pl } from "~/i18n/pl";
import { counter } from "./_count";

const { check } = counter("proposals, workflow, permissions, accounts, attachments");

const phase = fc.constantFrom<Phase | null>(...PHASES, null);
const status = fc.constantFrom<ProposalStatus>(...PROPOSAL_STATUSES);
const actor: fc.Arbitrary<WorkflowActor> = fc.record({
  signedIn: fc.boolean(),
  isAuthor: fc.boolean(),
  isOfficial: fc.boolean(),
  isYouthModerator: fc.boolean(),
  userId: fc.constantFrom("u1", "u2", null),
  isAdmin: fc.boolean(),
});
const state: fc.Arbitrary<WorkflowState> = fc.record({
  status,
  phase,
  moderation: fc.constantFrom<"officials" | "youth_council">("officials", "youth_council"),
  supportsRequired: fc.integer({ min: 0, max: 3 }),
  supportCount: fc.integer({ min: 0, max: 4 }),
  alreadySupported: fc.boolean(),
  appealUsed: fc.boolean(),
  changesRequestedBy: fc.constantFrom<"official" | "youth_council" | null>("official", "youth_council", null),
  finalListPublished: fc.boolean(),
  reviewerUserId: fc.constantFrom("u1", "u2", null),
  formalPassed: fc.boolean(),
});
/** States and actors for which most actions are allowed, so "allowed but for X" properties are not vacuous. */
const enabling: fc.Arbitrary<WorkflowState> = fc.record({
  status: fc.constantFrom<ProposalStatus>("in_verification", "appealed", "rejected", "submitted"),
  phase: fc.constantFrom<Phase>("verification", "appeals", "submission"),
  moderation: fc.constantFrom<"officials" | "youth_council">("officials", "youth_council"),
  supportsRequired: fc.constant(0),
  supportCount: fc.constant(0),
  alreadySupported: fc.constant(false),
  appealUsed: fc.constant(false),
  changesRequestedBy: fc.constant(null),
  finalListPublished: fc.constant(false),
  reviewerUserId: fc.constant("u1"),
  formalPassed: fc.boolean(),
});
const powerful: fc.Arbitrary<WorkflowActor> = fc.record({ signedIn: fc.constant(true), isAuthor: fc.boolean(), isOfficial: fc.constant(true), isYouthModerator: fc.constant(true), userId: fc.constant("u1"), isAdmin: fc.boolean() });
const reason = fc.oneof(fc.constant(undefined), fc.constantFrom("", "   ", "Koszt przekracza limit puli."), fc.string({ maxLength: 10 }));

describe("the proposal status machine", () => {
  it("from any state, every action either refuses with a documented reason or moves to a real status, never throwing", () => {
    check(
      fc.property(fc.constantFrom(...WORKFLOW_ACTIONS), fc.oneof(state, enabling), fc.oneof(actor, powerful), reason, (action, s, a, r) => {
        const d = decideTransition(action, s, a, { reason: r });
        if (d.ok) expect(PROPOSAL_STATUSES).toContain(d.to);
        else expect(WORKFLOW_REFUSALS).toContain(d.reason);
        // deterministic
        expect(decideTransition(action, s, a, { reason: r })).toEqual(d);
      }),
      300,
    );
  });
  it("a published final list freezes everything; a signed-out visitor can do nothing", () => {
    check(
      fc.property(fc.constantFrom(...WORKFLOW_ACTIONS), state, actor, reason, (action, s, a, r) => {
        if (s.finalListPublished) expect(decideTransition(action, s, a, { reason: r })).toEqual({ ok: false, reason: "final_list_frozen" });
        else if (!a.signedIn) expect(decideTransition(action, s, a, { reason: r })).toEqual({ ok: false, reason: "not_signed_in" });
      }),
      300,
    );
  });
  it("withdrawn, accepted-on-appeal and rejected-on-appeal proposals only ever leave by withdrawal (or not at all)", () => {
    check(
      fc.property(fc.constantFrom(...WORKFLOW_ACTIONS), state, actor, reason, fc.constantFrom<ProposalStatus>("withdrawn", "appeal_rejected", "appeal_accepted"), (action, s, a, r, st) => {
        const d = decideTransition(action, { ...s, status: st }, a, { reason: r });
        if (d.ok && d.to !== st) {
          expect(st).toBe("appeal_accepted");
          expect(d.to).toBe("withdrawn");
        }
      }),
      300,
    );
  });
  it("a decision that needs a public reason is refused with reason_required when the reason is blank, and only then", () => {
    const needs = ["formal_changes", "formal_reject", "merit_changes", "merit_reject", "correct_cost", "youth_return", "appeal", "appeal_accept", "appeal_reject"] as const;
    check(
      fc.property(fc.constantFrom(...WORKFLOW_ACTIONS), fc.oneof(state, enabling), fc.oneof(actor, powerful), fc.constantFrom(undefined, null, "", " \t\n", "\u00a0"), (action, s, a, blank) => {
        const withReason = decideTransition(action, s, a, { reason: "Uzasadnienie." });
        const without = decideTransition(action, s, a, { reason: blank });
        if (withReason.ok && (needs as readonly string[]).includes(action)) expect(without).toEqual({ ok: false, reason: "reason_required" });
        else expect(without).toEqual(withReason);
      }),
      300,
    );
  });
  it("a resident with no role and no authorship can at most support a proposal", () => {
    check(
      fc.property(fc.constantFrom(...WORKFLOW_ACTIONS), state, reason, (action, s, r) => {
        const d = decideTransition(action, s, { signedIn: true, isAuthor: false, isOfficial: false, isYouthModerator: false, userId: "u9", isAdmin: false }, { reason: r });
        if (d.ok) {
          expect(action).toBe("support");
          expect(d.to).toBe(s.status);
        }
      }),
      300,
    );
  });
  it("random walks from a draft: every step is legal or refused, and on-ballot proposals got there through verification", () => {
    const step = fc.record({ action: fc.constantFrom(...WORKFLOW_ACTIONS), actor, phase, reason: fc.constantFrom("Uzasadnienie decyzji.", ""), formalPassed: fc.boolean() });
    check(
      fc.property(state, fc.array(step, { minLength: 1, maxLength: 25 }), (s0, steps) => {
        let s: WorkflowState = { ...s0, status: "draft", finalListPublished: false, reviewerUserId: "u1" };
        const seen: ProposalStatus[] = ["draft"];
        for (const st of steps) {
          s = { ...s, phase: st.phase, formalPassed: st.formalPassed };
          const d = decideTransition(st.action, s, st.actor, { reason: st.reason });
          if (!d.ok) {
            expect(WORKFLOW_REFUSALS).toContain(d.reason);
            continue;
          }
          s = { ...s, status: d.to };
          seen.push(d.to);
        }
        if (ON_BALLOT_STATUSES.includes(s.status)) expect(seen).toContain("in_verification");
        if (s.status !== "draft" && s.status !== "withdrawn") expect(seen).toContain("submitted");
      }),
      300,
    );
  });
});

describe("verification steps, assignment, list corrections and the final list", () => {
  it("a pass needs every criterion of its step, changes/reject need at least one unmet; the record lists exactly the step's criteria", () => {
    check(
      fc.property(fc.constantFrom(...STEP_ACTIONS), fc.subarray([...criteriaOf("formal_pass"), ...criteriaOf("merit_pass"), "junk"]), (action, met) => {
        const criteria = criteriaOf(action);
        const allMet = criteria.every((c) => met.includes(c));
        const r = checkStepOutcome(action, met);
        expect(r.ok).toBe(action.endsWith("_pass") ? allMet : !allMet);
        if (r.ok) expect(Object.keys(r.checks).sort()).toEqual([...criteria].sort());
      }),
    );
  });
  it("assignment: only officials/admins, never twice to the same person, reassignment flagged", () => {
    check(
      fc.property(fc.boolean(), fc.boolean(), fc.boolean(), status, fc.boolean(), fc.constantFrom("u1", "u2", null), fc.constantFrom("u1", "u2"), (actorIsOfficial, actorIsAdmin, assigneeIsOfficial, st, frozen, current, assignee) => {
        const r = canAssignReviewer({ actorIsOfficial, actorIsAdmin, assigneeIsOfficial, status: st, finalListPublished: frozen, currentReviewerId: current, assigneeId: assignee });
        if (r.ok) {
          expect(actorIsOfficial || actorIsAdmin).toBe(true);
          expect(assigneeIsOfficial).toBe(true);
          expect(frozen).toBe(false);
          expect(current).not.toBe(assignee);
          expect(r.reassignment).toBe(current !== null);
        }
      }),
    );
  });
  it("list corrections happen only during the final-list phase on a published list, with a reason, and land on or off the ballot as named", () => {
    check(
      fc.property(fc.constantFrom(...LIST_CORRECTIONS), fc.boolean(), phase, fc.boolean(), status, reason, (kind, isOfficial, ph, published, st, r) => {
        const d = decideListCorrection(kind, { isOfficial, phase: ph, finalListPublished: published, status: st, reason: r });
        if (!d.ok) return;
        expect(isOfficial && published && ph === "final_list").toBe(true);
        expect(r?.trim()).toBeTruthy();
        if (kind === "list_remove") expect(ON_BALLOT_STATUSES.includes(st) && !ON_BALLOT_STATUSES.includes(d.to)).toBe(true);
        if (kind === "list_restore") expect(!ON_BALLOT_STATUSES.includes(st) && ON_BALLOT_STATUSES.includes(d.to)).toBe(true);
        if (kind === "list_cost") expect(d.to).toBe(st);
      }),
    );
  });
  it("the final list is published only by an official, once, in its phase, with nothing pending", () => {
    check(
      fc.property(fc.boolean(), phase, fc.boolean(), fc.nat(5), (isOfficial, ph, alreadyPublished, pendingCount) => {
        const r = canPublishFinalList({ isOfficial, phase: ph, alreadyPublished, pendingCount });
        expect(r.ok).toBe(isOfficial && ph === "final_list" && !alreadyPublished && pendingCount === 0);
      }),
    );
    expect(PENDING_STATUSES.some((s) => ON_BALLOT_STATUSES.includes(s))).toBe(false);
  });
});

describe("cost breakdowns and amounts", () => {
  const item = fc.record({ label: fc.string({ maxLength: 5 }), amountGrosze: fc.integer({ min: 0, max: 1_000_000_00 }) });
  it("accepted only when the total is positive and within both the cap and the pool; the total is the sum", () => {
    check(
      fc.property(fc.array(item, { maxLength: 8 }), fc.integer({ min: 0, max: 5_000_000_00 }), fc.option(fc.integer({ min: 0, max: 5_000_000_00 }), { nil: null }), (items, budget, cap) => {
        const r = checkCostBreakdown(items, { budgetGrosze: budget, maxProjectCostGrosze: cap });
        const total = items.reduce((s, i) => s + i.amountGrosze, 0);
        expect(r.totalGrosze).toBe(total);
        expect(costTotal(items)).toBe(total);
        expect(r.ok).toBe(items.length > 0 && total > 0 && total <= budget && (cap === null || total <= cap));
        if (!r.ok && (r.reason === "cost_over_cap" || r.reason === "cost_over_pool")) expect(r.limitGrosze).toBeLessThan(total);
      }),
    );
  });
  it("amountText → parseAmount round-trips, also with spaces, a dot or 'zł'", () => {
    check(
      fc.property(fc.integer({ min: 0, max: 9_999_999_999_99 }), (g) => {
        const t = amountText(g);
        expect(parseAmount(t)).toBe(g);
        expect(parseAmount(`${t.replace(",", ".")} zł`)).toBe(g);
        expect(parseAmount(t.replace(/\B(?=(\d{3})+(?!\d))/, " "))).toBe(g);
      }),
    );
  });
  it("parseAmount never throws and never accepts a sign, letters or a third decimal", () => {
    check(
      fc.property(fc.oneof(fc.string({ maxLength: 20 }), fc.stringMatching(/^-?\d{1,12}([.,]\d{1,3})?$/)), (s) => {
        const g = parseAmount(s);
        if (g !== null) {
          expect(Number.isSafeInteger(g) && g >= 0).toBe(true);
          expect(s).not.toMatch(/-|[.,]\d{3}/);
        }
      }),
      300,
    );
  });
});

describe("permissions", () => {
  const grant: fc.Arbitrary<RoleGrant> = fc.record({ role: fc.constantFrom(...ROLES), scope: fc.constantFrom<Scope>("*", ...PROGRAMME_KINDS) });
  const perms: Permission[] = [...SCOPED_PERMISSIONS, ...UNSCOPED_PERMISSIONS];
  // a scoped permission asked without a programme (the types forbid it) must still answer false
  const can = (a: Actor | null, p: Permission, prog: ProgrammeKind | undefined) => (isScopedPermission(p) ? canAsk(a, p, prog as ProgrammeKind) : canAsk(a, p));
  const programme = fc.constantFrom<ProgrammeKind | undefined>(undefined, ...PROGRAMME_KINDS);
  const actorOf = (roles: RoleGrant[]): Actor => ({ id: "u1", roles });
  it("adding a grant never takes a permission away", () => {
    check(
      fc.property(fc.array(grant, { maxLength: 4 }), grant, fc.constantFrom(...perms), programme, (roles, extra, p, prog) => {
        if (can(actorOf(roles), p, prog)) expect(can(actorOf([...roles, extra]), p, prog)).toBe(true);
      }),
      300,
    );
  });
  it("a role never gains permissions by being narrowed to a programme: scoped ⊆ city-wide", () => {
    check(
      fc.property(fc.array(grant, { maxLength: 3 }), grant, fc.constantFrom(...perms), programme, (roles, g, p, prog) => {
        if (can(actorOf([...roles, g]), p, prog)) expect(can(actorOf([...roles, { ...g, scope: "*" }]), p, prog)).toBe(true);
      }),
      300,
    );
  });
  it("a grant scoped to one programme gives nothing programme-specific in another", () => {
    check(
      fc.property(fc.constantFrom(...ROLES), fc.constantFrom(...PROGRAMME_KINDS), fc.constantFrom(...PROGRAMME_KINDS), fc.constantFrom<Permission>(...SCOPED_PERMISSIONS), (role, scope, other, p) => {
        if (scope !== other) expect(can(actorOf([{ role, scope }]), p, other)).toBe(false);
      }),
    );
  });
  it("nobody signed out has any permission but the dev mailbox; admins alone never verify, count or moderate", () => {
    check(
      fc.property(fc.constantFrom(...perms), programme, fc.constantFrom<Scope>("*", ...PROGRAMME_KINDS), (p, prog, scope) => {
        expect(can(null, p, prog)).toBe(p === "dev.mailbox");
        if (isScopedPermission(p)) expect(can(actorOf([{ role: "admin", scope }]), p, prog)).toBe(false);
      }),
    );
  });
  it("role changes: grant succeeds exactly when not held (youth council only city-wide or youth); revoke exactly when held and not one's own admin", () => {
    check(
      fc.property(fc.array(grant, { maxLength: 4 }), grant, fc.constantFrom("grant", "revoke") as fc.Arbitrary<"grant" | "revoke">, fc.constantFrom("u1", "u2"), (held, g, kind, target) => {
        const exists = held.some((h) => h.role === g.role && h.scope === g.scope);
        const r = checkRoleChange({ kind, by: actorOf([{ role: "admin", scope: "*" }]), targetUserId: target, role: g.role, scope: g.scope }, held);
        if (kind === "grant") expect(r.ok).toBe(!exists && !(g.role === "youth_moderator" && g.scope !== "*" && g.scope !== "youth"));
        else expect(r.ok).toBe(exists && !(g.role === "admin" && target === "u1"));
      }),
      300,
    );
  });
});

describe("comments and text", () => {
  it("replies go one level deep, under a comment of the same proposal", () => {
    check(
      fc.property(fc.option(fc.record({ parentId: fc.option(fc.constantFrom("c1", "c2"), { nil: null }), proposalId: fc.constantFrom("p1", "p2") }), { nil: null }), fc.constantFrom("p1", "p2"), (parent, pid) => {
        expect(checkReply(parent, pid).ok).toBe(parent !== null && parent.parentId === null && parent.proposalId === pid);
      }),
    );
  });
  it("comment moderation belongs to the youth council in its programme and to officials elsewhere", () => {
    check(
      fc.property(fc.constantFrom<"officials" | "youth_council">("officials", "youth_council"), fc.boolean(), fc.boolean(), (moderation, isOfficial, isYouthModerator) => {
        expect(mayModerateComments({ moderation, isOfficial, isYouthModerator })).toBe(moderation === "youth_council" ? isYouthModerator : isOfficial);
      }),
      50,
    );
  });
  it("linkify keeps every character of the text, and only http(s) links become links", () => {
    check(
      fc.property(fc.array(fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom("https://gdynia.pl/a?b=1", "http://x.pl).", "javascript:alert(1)", " ", "<b>", "data:text/html,x")), { maxLength: 8 }).map((xs) => xs.join("")), (s) => {
        const parts = linkify(s);
        expect(parts.map((p) => p.text).join("")).toBe(s);
        for (const p of parts) if (p.kind === "link") expect(p.href).toMatch(/^https?:\/\/[^\s<>"']+$/i);
      }),
      300,
    );
  });
  it("searchText is idempotent, lower case and has no double or edge spaces", () => {
    check(
      fc.property(fc.array(fc.string({ unit: "grapheme", maxLength: 15 }), { maxLength: 4 }), (parts) => {
        const t = searchText(...parts);
        expect(searchText(t)).toBe(t);
        expect(t).toBe(t.toLocaleLowerCase("pl"));
        expect(t).not.toMatch(/^\s|\s$|\s\s/);
      }),
    );
  });
});

describe("attachments", () => {
  const type = fc.constantFrom<AttachmentType>("image/jpeg", "image/png", "image/webp", "application/pdf");
  it("a file is accepted exactly when it is non-empty, small enough, of an allowed type and there is room", () => {
    check(
      fc.property(fc.integer({ min: -1, max: MAX_ATTACHMENT_BYTES + 2 }), fc.option(type, { nil: null }), fc.nat(MAX_ATTACHMENTS + 2), (sizeBytes, t, existing) => {
        const r = checkAttachment({ sizeBytes, type: t, existing });
        expect(r.ok).toBe(sizeBytes > 0 && sizeBytes <= MAX_ATTACHMENT_BYTES && t !== null && existing < MAX_ATTACHMENTS);
      }),
    );
  });
  it("sniffing: bytes with a known signature are recognised whatever follows; text and markup are not", () => {
    const sig: Record<AttachmentType, number[]> = { "image/jpeg": [0xff, 0xd8, 0xff], "image/png": [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], "image/webp": [0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50], "application/pdf": [0x25, 0x50, 0x44, 0x46, 0x2d] };
    check(
      fc.property(type, fc.uint8Array({ maxLength: 12 }), fc.string({ maxLength: 16 }), (t, tail, text) => {
        expect(sniffContentType(new Uint8Array([...sig[t], ...tail]))).toBe(t);
        const asText = new TextEncoder().encode(`<${text}`);
        expect(sniffContentType(asText)).toBeNull();
      }),
    );
  });
  it("safe file names: no folders, no control/bidi/zero-width or reserved characters, at most 100 characters, the real type's extension", () => {
    check(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), type, (name, t) => {
        const f = safeFileName(name, t);
        expect(f).not.toMatch(/[\\/\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff<>:"|?*]/);
        expect(f.length).toBeLessThanOrEqual(100);
        expect(f.endsWith({ "image/jpeg": ".jpg", "image/png": ".png", "image/webp": ".webp", "application/pdf": ".pdf" }[t])).toBe(true);
        expect(f.startsWith(".")).toBe(false);
      }),
      300,
    );
  });
  it("Content-Disposition: one header-safe ASCII line whose filename* decodes back to the exact name", () => {
    check(
      fc.property(fc.string({ unit: "grapheme", maxLength: 60 }), type, fc.boolean(), (name, t, inline) => {
        const f = safeFileName(name, t);
        const h = contentDisposition(f, inline);
        expect(h).toMatch(/^[\x20-\x7e]+$/);
        expect(h.startsWith(inline ? "inline;" : "attachment;")).toBe(true);
        const ascii = /filename="([^"]*)"/.exec(h)?.[1];
        expect(ascii).toBeDefined();
        expect(ascii).not.toMatch(/["\\;%]/);
        expect(decodeURIComponent(/filename\*=UTF-8''(.*)$/.exec(h)![1]!)).toBe(f);
      }),
      300,
    );
  });
  it("sizes: the unit grows with the size and the value is within rounding of the bytes", () => {
    check(
      fc.property(fc.integer({ min: 0, max: 50 * 1024 * 1024 }), (b) => {
        const { value, unit } = sizeParts(b);
        const factor = { B: 1, kB: 1024, MB: 1024 * 1024 }[unit];
        expect(Math.abs(value * factor - b)).toBeLessThanOrEqual(0.05 * factor + 1e-9);
        expect(unit).toBe(b < 1024 ? "B" : b < 1024 * 1024 ? "kB" : "MB");
      }),
    );
  });
  it("limits stay coherent with the co-author and invitation caps", () => {
    expect(MAX_INVITATIONS_SENT).toBeGreaterThanOrEqual(MAX_COAUTHORS);
  });
});

describe("paper proposals", () => {
  const day = fc.date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2030-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  it("an entry is accepted only from an official, in submission or verification, received by today and by the deadline", () => {
    check(
      fc.property(fc.boolean(), phase, day, day, fc.option(day, { nil: null }), (isOfficial, ph, receivedOn, today, submissionEndsOn) => {
        const r = checkPaperEntry({ isOfficial, phase: ph, receivedOn, today, submissionEndsOn });
        expect(r.ok).toBe(isOfficial && (ph === "submission" || ph === "verification") && receivedOn <= today && (submissionEndsOn === null || receivedOn <= submissionEndsOn));
      }),
    );
  });
  it("the received-on date is accepted exactly when it is a real calendar day", () => {
    check(
      fc.property(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
        const v = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
        const real = m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
        const r = PaperEntrySchema.safeParse({ channel: "paper", residentName: "Anna Nowak", residentContact: "ul. Morska 1", receivedOn: v, paperSignatures: "3" });
        expect(r.success).toBe(real);
      }),
    );
  });
});

describe("form schemas not in schemas-fuzz.test.ts: never throw, refuse only with keys that exist in pl", () => {
  const pools = [{ id: "pool_a", budgetGrosze: 100_000_00, maxProjectCostGrosze: 50_000_00 }];
  const schemas: [string, ZodType][] = [
    ["proposalInputSchema", proposalInputSchema(pools)],
    ["costCorrectionInputSchema", costCorrectionInputSchema(pools[0]!)],
    ["AssignInputSchema", AssignInputSchema],
    ["ListCorrectionInputSchema", ListCorrectionInputSchema],
    ["PaperEntrySchema", PaperEntrySchema],
    ["AttachmentDescriptionSchema", AttachmentDescriptionSchema],
    ["TokenSchema", TokenSchema],
    ["EmailSchema", EmailSchema],
    ["DecisionInputSchema", DecisionInputSchema],
    ["CommentInputSchema", CommentInputSchema],
    ["FlagInputSchema", FlagInputSchema],
    ["HideCommentInputSchema", HideCommentInputSchema],
    ["AppealInputSchema", AppealInputSchema],
  ];
  // RoleChangeInputSchema is left out on purpose: app/routes/admin.users.tsx answers any failure
  // with form.error.invalid and never shows the schema's messages
  const hostile = fc.oneof(fc.string({ maxLength: 50 }), fc.constantFrom("<script>alert(1)</script>", "javascript:x", "'; drop table proposals; --", "1e309", "\u202e", "9".repeat(40), "pool_a", "on", "2026-02-30", "list_remove"));
  // what a browser form can send, as conform hands it over: strings, and the cost rows as objects of strings
  const formValue = fc.oneof(hostile, fc.constant(undefined), fc.array(fc.option(fc.record({ label: hostile, amount: hostile }, { requiredKeys: [] }), { nil: undefined }), { maxLength: 3 }));
  const keys = ["userId", "role", "scope", "body", "parentId", "commentId", "justification", "checks", "intent", "title", "summary", "description", "poolId", "category", "location", "lat", "lng", "beneficiaries", "costItems", "minor", "guardianName", "guardianConsent", "reason", "reviewerId", "kind", "proposalId", "confirm", "channel", "residentName", "residentContact", "receivedOn", "paperSignatures"];
  const form = fc.dictionary(fc.constantFrom(...keys), formValue, { maxKeys: 14 });
  // the single-field schemas get a string, the others a form
  const schemaInput = fc.oneof(form, hostile);
  it.each(schemas)("%s", (_n, schema) => {
    check(
      fc.property(schemaInput, (v) => {
        const single = _n === "AttachmentDescriptionSchema" || _n === "TokenSchema" || _n === "EmailSchema";
        if (single !== (typeof v === "string")) return;
        const r = schema.safeParse(v);
        if (!r.success)
          for (const issue of r.error.issues) expect(pl, `${issue.path.join(".")}: ${issue.message}`).toHaveProperty([issue.message.split("?")[0]!]);
      }),
    );
  });
  it.each(schemas)("%s never throws on anything at all", (_n, schema) => {
    check(
      fc.property(fc.anything(), (v) => {
        expect(() => schema.safeParse(v)).not.toThrow();
      }),
    );
  });
});

describe("account schemas", () => {
  it("RedirectTo never leaves the site: whatever comes in, the result is a local path", () => {
    check(
      fc.property(fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom("//evil.example", "/\\evil.example", "https://evil.example", "/\t/evil", "javascript:alert(1)", "/account"), fc.anything()), (v) => {
        const r = RedirectToSchema.parse(v);
        expect(r).toMatch(/^\/(?!\/)/);
        expect(r).not.toMatch(/[\s\\]/);
      }),
      300,
    );
  });
  it("emails come out trimmed and lower case, and parsing them again changes nothing", () => {
    check(
      fc.property(fc.emailAddress(), fc.boolean(), (e, upper) => {
        const r = EmailSchema.safeParse(` ${upper ? e.toUpperCase() : e} `);
        if (r.success) {
          expect(r.data).toBe(r.data.trim().toLowerCase());
          expect(EmailSchema.parse(r.data)).toBe(r.data);
        }
      }),
    );
  });
});
