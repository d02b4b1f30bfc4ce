/**
 * A proposal's text and cost breakdown as its author (or an official, for paper proposals) writes
 * them, and its public number.
 */
import type { Db } from "../../db/client";
import { searchText, type ProposalStatus } from "~/domain/proposals";
import type { CostItem } from "~/domain/workflow/costs";

export interface ProposalText {
  title: string;
  summary: string;
  description: string;
  category: string;
  location: string;
  beneficiaries: string;
  lat: number | null;
  lng: number | null;
  poolId: string;
  costItems: CostItem[];
  guardianName: string | null;
  guardianConsent: boolean;
  /** The language the author writes in (#16 item 4); left as it is when not given. */
  contentLang?: "pl" | "uk" | "en";
}

const total = (items: readonly CostItem[]) => items.reduce((s, i) => s + i.amountGrosze, 0);

export async function insertProposal(
  db: Db,
  p: ProposalText & {
    id: string;
    editionId: string;
    number: string;
    /** Null for a proposal an official typed in from paper (no author account). */
    authorUserId: string | null;
    status: ProposalStatus;
    channel: "online" | "paper" | "in_person";
    enteredBy: string | null;
    /** Supports counted before the proposal is stored (signatures checked on a paper list). */
    supportCount?: number;
  },
  at: Date,
): Promise<void> {
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
      cost_grosze: total(p.costItems),
      status: p.status,
      search_text: searchText(p.title, p.summary, p.location),
      created_at: at.toISOString(),
      updated_at: at.toISOString(),
      author_user_id: p.authorUserId,
      channel: p.channel,
      entered_by_user_id: p.enteredBy,
      guardian_name: p.guardianName,
      guardian_consent: p.guardianConsent ? 1 : 0,
      lat: p.lat,
      lng: p.lng,
      support_count: p.supportCount ?? 0,
      submitted_at: p.status === "submitted" ? at.toISOString() : null,
      content_lang: p.contentLang ?? "pl",
    })
    .execute();
  await replaceCostItems(db, p.id, p.costItems);
}

export async function updateProposalText(db: Db, id: string, p: ProposalText, at: Date): Promise<void> {
  await db
    .updateTable("proposals")
    .set({
      pool_id: p.poolId,
      title: p.title,
      summary: p.summary,
      description: p.description,
      category: p.category,
      location: p.location,
      beneficiaries: p.beneficiaries,
      cost_grosze: total(p.costItems),
      search_text: searchText(p.title, p.summary, p.location),
      guardian_name: p.guardianName,
      guardian_consent: p.guardianConsent ? 1 : 0,
      lat: p.lat,
      lng: p.lng,
      ...(p.contentLang ? { content_lang: p.contentLang } : {}),
      updated_at: at.toISOString(),
    })
    .where("id", "=", id)
    .execute();
  await replaceCostItems(db, id, p.costItems);
}

export async function replaceCostItems(db: Db, proposalId: string, items: readonly CostItem[]): Promise<void> {
  await db.deleteFrom("proposal_cost_items").where("proposal_id", "=", proposalId).execute();
  if (items.length === 0) return;
  await db
    .insertInto("proposal_cost_items")
    .values(items.map((c, i) => ({ id: `${proposalId}_c${i + 1}`, proposal_id: proposalId, position: i, label: c.label, amount_grosze: c.amountGrosze })))
    .execute();
  await db.updateTable("proposals").set({ cost_grosze: total(items) }).where("id", "=", proposalId).execute();
}

export async function nextProposalNumber(db: Db, editionId: string, year: number): Promise<string> {
  const r = await db
    .selectFrom("proposals")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("edition_id", "=", editionId)
    .where("author_user_id", "is not", null)
    .executeTakeFirstOrThrow();
  return `${year}/Z/${Number(r.n) + 1}`;
}
