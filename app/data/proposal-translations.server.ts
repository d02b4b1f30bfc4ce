/** Translations of proposals' titles and summaries (#16 item 4): one row per proposal and language. */
import type { Db } from "../../db/client";
import type { ContentLang, TranslatedText } from "~/domain/translations";
import type { ProgrammeKind } from "~/domain/permissions";

export interface StoredTranslation extends TranslatedText {
  translatedBy: string | null;
  updatedAt: string;
}

/** The translations of many proposals in one query (for lists): proposal id → its translations. */
export async function listTranslationsOf(db: Db, proposalIds: readonly string[]): Promise<Map<string, TranslatedText[]>> {
  const out = new Map<string, TranslatedText[]>();
  if (proposalIds.length === 0) return out;
  const ids = [...new Set(proposalIds)];
  // chunks keep the parameter count well under SQLite's limit on long lists
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom("proposal_translations")
      .select(["proposal_id", "lang", "title", "summary"])
      .where("proposal_id", "in", ids.slice(i, i + 500))
      .orderBy("proposal_id")
      .orderBy("lang")
      .execute();
    for (const r of rows) {
      const list = out.get(r.proposal_id) ?? [];
      list.push({ lang: r.lang, title: r.title, summary: r.summary });
      out.set(r.proposal_id, list);
    }
  }
  return out;
}

/** The translations of one proposal, with who made them and when. */
export async function listProposalTranslations(db: Db, proposalId: string): Promise<StoredTranslation[]> {
  const rows = await db
    .selectFrom("proposal_translations")
    .select(["lang", "title", "summary", "translated_by", "updated_at"])
    .where("proposal_id", "=", proposalId)
    .orderBy("lang")
    .execute();
  return rows.map((r) => ({ lang: r.lang, title: r.title, summary: r.summary, translatedBy: r.translated_by, updatedAt: r.updated_at }));
}

export interface TranslatableProposal {
  id: string;
  title: string;
  summary: string;
  contentLang: ContentLang;
  status: string;
  authorUserId: string | null;
  programmeKind: ProgrammeKind;
}

/** What deciding about a translation needs: the original, its author and its programme. */
export async function getTranslatableProposal(db: Db, id: string): Promise<TranslatableProposal | null> {
  const r = await db
    .selectFrom("proposals as p")
    .innerJoin("pools as po", "po.id", "p.pool_id")
    .innerJoin("programmes as pr", "pr.id", "po.programme_id")
    .select(["p.id", "p.title", "p.summary", "p.content_lang", "p.status", "p.author_user_id", "pr.kind as programme_kind"])
    .where("p.id", "=", id)
    .executeTakeFirst();
  if (!r) return null;
  return { id: r.id, title: r.title, summary: r.summary, contentLang: r.content_lang, status: r.status, authorUserId: r.author_user_id, programmeKind: r.programme_kind };
}

export async function insertTranslation(db: Db, t: { proposalId: string; lang: ContentLang; title: string; summary: string; by: string | null }, at: string): Promise<void> {
  await db
    .insertInto("proposal_translations")
    .values({ proposal_id: t.proposalId, lang: t.lang, title: t.title, summary: t.summary, translated_by: t.by, created_at: at, updated_at: at })
    .execute();
}

export async function updateTranslation(db: Db, t: { proposalId: string; lang: ContentLang; title: string; summary: string; by: string | null }, at: string): Promise<void> {
  await db
    .updateTable("proposal_translations")
    .set({ title: t.title, summary: t.summary, translated_by: t.by, updated_at: at })
    .where("proposal_id", "=", t.proposalId)
    .where("lang", "=", t.lang)
    .execute();
}

export async function deleteTranslation(db: Db, proposalId: string, lang: ContentLang): Promise<void> {
  await db.deleteFrom("proposal_translations").where("proposal_id", "=", proposalId).where("lang", "=", lang).execute();
}
