/** Proposals entered by officials on a resident's behalf, and what the resident gave on paper. */
import type { Db } from "../../db/client";
import type { PaperChannel } from "~/domain/paper-proposals";
import { insertProposal, type ProposalText } from "./proposal-texts.server";

/** Inserts a submitted proposal with no author account: the official who typed it is recorded. */
export async function insertPaperProposal(
  db: Db,
  p: ProposalText & { id: string; editionId: string; number: string; channel: PaperChannel; enteredBy: string; supportCount: number },
  at: Date,
): Promise<void> {
  await insertProposal(db, { ...p, authorUserId: null, status: "submitted" }, at);
}

/** "2026/P/3": paper proposals have their own series (online ones are numbered "2026/Z/n"). */
export async function nextPaperNumber(db: Db, editionId: string, year: number): Promise<string> {
  const r = await db
    .selectFrom("proposals")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("edition_id", "=", editionId)
    .where("channel", "in", ["paper", "in_person"])
    .executeTakeFirstOrThrow();
  return `${year}/P/${Number(r.n) + 1}`;
}

export async function insertPaperSubmission(
  db: Db,
  s: { proposalId: string; residentName: string; residentContact: string; receivedOn: string; paperSignatures: number; enteredBy: string },
  at: Date,
): Promise<void> {
  await db
    .insertInto("paper_submissions")
    .values({ proposal_id: s.proposalId, resident_name: s.residentName, resident_contact: s.residentContact, received_on: s.receivedOn, paper_signatures: s.paperSignatures, entered_by: s.enteredBy, created_at: at.toISOString() })
    .execute();
}

export interface PaperSubmission {
  proposalId: string;
  residentName: string;
  residentContact: string;
  receivedOn: string;
  paperSignatures: number;
}

/** For officials only: the resident's details as given on paper. */
export async function getPaperSubmission(db: Db, proposalId: string): Promise<PaperSubmission | null> {
  const r = await db.selectFrom("paper_submissions").select(["proposal_id", "resident_name", "resident_contact", "received_on", "paper_signatures"]).where("proposal_id", "=", proposalId).executeTakeFirst();
  return r ? { proposalId: r.proposal_id, residentName: r.resident_name, residentContact: r.resident_contact, receivedOn: r.received_on, paperSignatures: r.paper_signatures } : null;
}

/**
 * Deletes the resident's details of the paper proposals whose pool's voting results were published
 * before `publishedBefore` (the proposal itself stays); returns how many.
 */
export async function deletePaperSubmissionsAfterResults(db: Db, publishedBefore: string): Promise<number> {
  const r = await db
    .deleteFrom("paper_submissions")
    .where("proposal_id", "in", (eb) =>
      eb.selectFrom("proposals as p").innerJoin("pool_tallies as t", "t.pool_id", "p.pool_id").select("p.id").where("t.published_at", "is not", null).where("t.published_at", "<", publishedBefore),
    )
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
