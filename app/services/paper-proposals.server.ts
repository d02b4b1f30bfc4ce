/**
 * An official enters a proposal received on paper or in person. It joins the normal workflow as
 * "submitted", recorded with its channel and the official who typed it; the paper support list's
 * checked signatures start its support count; the resident's name and contact go to their own
 * table (officials only). Audited without the personal data.
 */
import type { Db } from "../../db/client";
import { newId } from "~/auth/crypto.server";
import { insertAudit } from "~/data/audit.server";
import { currentEdition } from "./current-edition.server";
import { insertPaperProposal, insertPaperSubmission, nextPaperNumber } from "~/data/paper-proposals.server";
import { insertDecision } from "~/data/decisions.server";
import { insertVersion } from "~/data/proposal-versions.server";
import { checkPaperEntry, type PaperEntry, type PaperRefusal } from "~/domain/paper-proposals";
import { can, type Actor } from "~/domain/permissions";
import { currentPhase } from "~/domain/phases";
import { checkCostBreakdown, type CostRefusal } from "~/domain/workflow/costs";
import type { ProposalInput } from "~/domain/workflow/inputs";
import { calendarDateIn } from "~/domain/voting/eligibility";

const ymd = (d: { year: number; month: number; day: number }) => `${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;

export type PaperResult = { ok: true; id: string; number: string } | { ok: false; reason: PaperRefusal | CostRefusal | "no_edition" | "not_found" };

export async function enterPaperProposal(db: Db, official: Actor, input: ProposalInput, paper: PaperEntry, now = new Date()): Promise<PaperResult> {
  return db.transaction().execute(async (trx): Promise<PaperResult> => {
    const edition = await currentEdition(trx);
    if (!edition) return { ok: false, reason: "no_edition" };
    const pool = await trx
      .selectFrom("pools as po")
      .innerJoin("programmes as pr", "pr.id", "po.programme_id")
      .select(["po.id", "po.budget_grosze", "po.max_project_cost_grosze", "pr.kind"])
      .where("po.id", "=", input.poolId)
      .where("pr.edition_id", "=", edition.id)
      .executeTakeFirst();
    if (!pool) return { ok: false, reason: "not_found" };
    const submission = edition.phases.find((w) => w.phase === "submission");
    // the window's end is exclusive: the last day is the day of the instant just before it
    const lastDay = submission ? ymd(calendarDateIn(new Date(new Date(submission.endsAt).getTime() - 1))) : null;
    const verdict = checkPaperEntry({ isOfficial: can(official, "proposals.enter_paper", pool.kind), phase: currentPhase(edition.phases, now), receivedOn: paper.receivedOn, today: ymd(calendarDateIn(now)), submissionEndsOn: lastDay });
    if (!verdict.ok) return verdict;
    const cost = checkCostBreakdown(input.costItems, { budgetGrosze: Number(pool.budget_grosze), maxProjectCostGrosze: pool.max_project_cost_grosze === null ? null : Number(pool.max_project_cost_grosze) });
    if (!cost.ok) return { ok: false, reason: cost.reason };
    const id = newId("prp");
    const number = await nextPaperNumber(trx, edition.id, edition.year);
    await insertPaperProposal(trx, { ...input, id, editionId: edition.id, number, channel: paper.channel, enteredBy: official.id, supportCount: paper.paperSignatures }, now);
    await insertPaperSubmission(trx, { proposalId: id, residentName: paper.residentName, residentContact: paper.residentContact, receivedOn: paper.receivedOn, paperSignatures: paper.paperSignatures, enteredBy: official.id }, now);
    await insertVersion(trx, id, official.id, now);
    await insertDecision(trx, { id: newId("dec"), proposalId: id, action: "submit", from: "draft", to: "submitted", reason: null, actorUserId: official.id, actorRole: "official" }, now);
    await insertAudit(
      trx,
      { actorUserId: official.id, actorRole: "official", action: "proposal.enter_paper", objectType: "proposal", objectId: id, after: { status: "submitted", channel: paper.channel, receivedOn: paper.receivedOn, paperSignatures: paper.paperSignatures, costGrosze: cost.totalGrosze, programme: pool.kind } },
      now,
    );
    return { ok: true, id, number };
  });
}
