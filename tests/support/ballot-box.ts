/**
 * Tests look inside a sealed ballot the way the commission would: with the demo edition's shares
 * (app/cli/seed-data/commission.ts). Only for demo-seeded test databases.
 */
import type { Db } from "../../db/client";
import { withBallotKey } from "~/auth/ballot-seal.server";
import { sha256 } from "~/auth/crypto.server";
import { DEMO_COMMISSION } from "../../app/cli/seed-data/commission";
import { decodeSealedContent, type SealedContent } from "~/domain/voting";

/** The decrypted content of the sealed ballot that carries this receipt code (null: none sealed). */
export async function unsealByReceipt(db: Db, receipt: string): Promise<SealedContent | null> {
  const row = await db.selectFrom("sealed_ballots").select(["sealed"]).where("receipt_hash", "=", sha256(receipt)).executeTakeFirst();
  if (!row) return null;
  const r = await withBallotKey(DEMO_COMMISSION, DEMO_COMMISSION.shares.slice(0, 2), async (open) => open(row.sealed));
  if (!r.ok || r.value === null) throw new Error(`cannot open the demo ballot: ${JSON.stringify(r)}`);
  const decoded = decodeSealedContent(r.value);
  if (!decoded.ok) throw new Error("sealed content malformed");
  return decoded.content;
}

export async function countSealed(db: Db): Promise<number> {
  const r = await db.selectFrom("sealed_ballots").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return Number(r.n);
}
