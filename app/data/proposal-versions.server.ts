/**
 * Versions of a proposal: a snapshot of its text and costs at each submission or change.
 */
import { z } from "zod";
import type { Db } from "../../db/client";
import type { CostItem } from "~/domain/workflow/costs";

export interface ProposalVersion {
  version: number;
  title: string;
  summary: string;
  description: string;
  location: string;
  beneficiaries: string;
  costGrosze: number;
  costItems: CostItem[];
  createdAt: string;
  byOfficial: boolean;
}

const CostItemsJson = z.array(z.object({ label: z.string(), amountGrosze: z.number().int().nonnegative() }));

export async function insertVersion(db: Db, proposalId: string, by: string | null, at: Date): Promise<number> {
  const p = await db
    .selectFrom("proposals")
    .select(["title", "summary", "description", "location", "beneficiaries", "cost_grosze"])
    .where("id", "=", proposalId)
    .executeTakeFirstOrThrow();
  const items = await db.selectFrom("proposal_cost_items").select(["label", "amount_grosze"]).where("proposal_id", "=", proposalId).orderBy("position").execute();
  const last = await db
    .selectFrom("proposal_versions")
    .select((eb) => eb.fn.max("version").as("v"))
    .where("proposal_id", "=", proposalId)
    .executeTakeFirst();
  const version = Number(last?.v ?? 0) + 1;
  await db
    .insertInto("proposal_versions")
    .values({
      id: `${proposalId}_v${version}`,
      proposal_id: proposalId,
      version,
      title: p.title,
      summary: p.summary,
      description: p.description,
      location: p.location,
      beneficiaries: p.beneficiaries,
      cost_grosze: Number(p.cost_grosze),
      cost_items_json: JSON.stringify(items.map((i) => ({ label: i.label, amountGrosze: Number(i.amount_grosze) }))),
      created_by: by,
      created_at: at.toISOString(),
    })
    .execute();
  return version;
}

export async function listVersions(db: Db, proposalId: string): Promise<ProposalVersion[]> {
  const rows = await db
    .selectFrom("proposal_versions as v")
    .innerJoin("proposals as p", "p.id", "v.proposal_id")
    .select(["v.version", "v.title", "v.summary", "v.description", "v.location", "v.beneficiaries", "v.cost_grosze", "v.cost_items_json", "v.created_at", "v.created_by", "p.author_user_id"])
    .where("v.proposal_id", "=", proposalId)
    .orderBy("v.version", "desc")
    .execute();
  return rows.map((r) => {
    const items = CostItemsJson.safeParse(JSON.parse(r.cost_items_json));
    return {
      version: r.version,
      title: r.title,
      summary: r.summary,
      description: r.description,
      location: r.location,
      beneficiaries: r.beneficiaries,
      costGrosze: Number(r.cost_grosze),
      costItems: items.success ? items.data : [],
      createdAt: r.created_at,
      byOfficial: r.created_by !== null && r.created_by !== r.author_user_id,
    };
  });
}
