/** What the share tags of a page need from the server: the public origin and, for a proposal, its first photo. */
import type { Db } from "../../db/client";
import { listAttachments } from "~/data/attachments.server";
import { getEnv } from "~/env.server";

export function publicOrigin(): string {
  return getEnv().publicOrigin;
}

/** The proposal's first image attachment as an absolute URL with its description as alt text, or null. */
export async function proposalShareImage(db: Db, proposalId: string): Promise<{ url: string; alt: string } | null> {
  const image = (await listAttachments(db, proposalId)).find((a) => a.contentType.startsWith("image/"));
  return image ? { url: `${publicOrigin()}/attachments/${encodeURIComponent(image.id)}`, alt: image.description } : null;
}
