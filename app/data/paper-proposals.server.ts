/** Proposals entered by officials on a resident's behalf, and what the resident gave on paper. */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { searchText } from "~/domain/proposals";
import type { PaperChannel } from "~/domain/paper-proposals";
import { replaceCostItems, type ProposalText } from "./proposal-workflow.server";

type Db = Kysely<Database>;

/** Inserts a submitted proposal with no author account: the official who typed it is recorded. */
export async function insertPaperProposal(
  db: Db,
  p: ProposalText & { id: string; editionId: string; number: string; channel: PaperChannel; enteredBy: string; supportCount: number },
  at: Date,
): Promise<void> {
  const iso = at.toISOString();
  await db
    .insertInto("proposals")
    .values({
      id: p.id,
      edition_id: p.editionId,
      pool_id: p.poolId,
      number: p.number,
      title: p.title,
      summary: p.summary,
      description: p.description,
      category: p.category,
      location: p.location,
      beneficiaries: p.beneficiaries,
      cost_grosze: p.costItems.reduce((s, i) => s + i.amountGrosze, 0),
      status: "submitted",
      search_text: searchText(p.title, p.summary, p.location),
      created_at: iso,
      updated_at: iso,
      author_user_id: null,
      channel: p.channel,
      entered_by_user_id: p.enteredBy,
      guardian_name: p.guardianName,
      guardian_consent: p.guardianConsent ? 1 : 0,
      lat: p.lat,
      lng: p.lng,
      support_count: p.supportCount,
      submitted_at: iso,
    })
    .execute();
  await replaceCostItems(db, p.id, p.costItems);
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
