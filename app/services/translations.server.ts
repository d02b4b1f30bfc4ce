/**
 * Adding, editing and removing a proposal's translation (#16 item 4): the author of the proposal
 * or a translator of its programme; every change is audited with before and after, in the same
 * transaction. The demo seed translates the children-and-youth budget through these too.
 */
import type { Db } from "../../db/client";
import { insertAudit } from "~/data/audit.server";
import {
  deleteTranslation,
  getTranslatableProposal,
  insertTranslation,
  listProposalTranslations,
  updateTranslation,
  type StoredTranslation,
  type TranslatableProposal,
} from "~/data/proposal-translations.server";
import type { Actor } from "~/domain/permissions";
import { PUBLIC_STATUSES } from "~/domain/proposals";
import { canTranslate, checkTranslationLang, type ContentLang, type TranslationRefusal } from "~/domain/translations";

export type TranslationResult = { ok: true; created: boolean } | { ok: false; reason: "not_found" | "not_allowed" | "translation_missing" | TranslationRefusal };

/** The proposal when `actor` may translate it; a draft is its author's alone (others: not found). */
function decideAccess(actor: Actor, p: TranslatableProposal | null): { ok: true; role: string } | { ok: false; reason: "not_found" | "not_allowed" } {
  if (!p) return { ok: false, reason: "not_found" };
  const isAuthor = p.authorUserId !== null && p.authorUserId === actor.id;
  if (!isAuthor && !(PUBLIC_STATUSES as readonly string[]).includes(p.status)) return { ok: false, reason: "not_found" };
  if (!canTranslate(actor, p)) return { ok: false, reason: "not_allowed" };
  return { ok: true, role: isAuthor ? "resident" : "translator" };
}

const snapshot = (t: StoredTranslation | undefined) => (t ? { lang: t.lang, title: t.title, summary: t.summary, translatedBy: t.translatedBy } : null);

export async function saveTranslation(
  db: Db,
  actor: Actor,
  input: { proposalId: string; lang: ContentLang; title: string; summary: string },
  now = new Date(),
): Promise<TranslationResult> {
  return db.transaction().execute(async (trx) => {
    const p = await getTranslatableProposal(trx, input.proposalId);
    const access = decideAccess(actor, p);
    if (!access.ok) return access;
    const langOk = checkTranslationLang(p!.contentLang, input.lang);
    if (!langOk.ok) return langOk;
    const before = (await listProposalTranslations(trx, input.proposalId)).find((t) => t.lang === input.lang);
    const row = { proposalId: input.proposalId, lang: input.lang, title: input.title, summary: input.summary, by: actor.id };
    if (before) await updateTranslation(trx, row, now.toISOString());
    else await insertTranslation(trx, row, now.toISOString());
    const after = (await listProposalTranslations(trx, input.proposalId)).find((t) => t.lang === input.lang);
    await insertAudit(
      trx,
      { actorUserId: actor.id, actorRole: access.role, action: "proposal.translation_save", objectType: "proposal", objectId: input.proposalId, before: snapshot(before), after: snapshot(after) },
      now,
    );
    return { ok: true as const, created: !before };
  });
}

export async function removeTranslation(db: Db, actor: Actor, input: { proposalId: string; lang: ContentLang }, now = new Date()): Promise<TranslationResult> {
  return db.transaction().execute(async (trx) => {
    const p = await getTranslatableProposal(trx, input.proposalId);
    const access = decideAccess(actor, p);
    if (!access.ok) return access;
    const before = (await listProposalTranslations(trx, input.proposalId)).find((t) => t.lang === input.lang);
    if (!before) return { ok: false as const, reason: "translation_missing" as const };
    await deleteTranslation(trx, input.proposalId, input.lang);
    await insertAudit(
      trx,
      { actorUserId: actor.id, actorRole: access.role, action: "proposal.translation_remove", objectType: "proposal", objectId: input.proposalId, before: snapshot(before), after: null },
      now,
    );
    return { ok: true as const, created: false };
  });
}

/** What /proposals/:id/translations shows, when `actor` may translate the proposal (else the refusal). */
export async function loadTranslationsPage(
  db: Db,
  actor: Actor,
  proposalId: string,
): Promise<{ ok: true; proposal: TranslatableProposal; translations: StoredTranslation[] } | { ok: false; reason: "not_found" | "not_allowed" }> {
  const p = await getTranslatableProposal(db, proposalId);
  const access = decideAccess(actor, p);
  if (!access.ok) return access;
  return { ok: true, proposal: p!, translations: await listProposalTranslations(db, proposalId) };
}

/** Whether the proposal page should link `actor` to the translations page. */
export async function mayTranslate(db: Db, actor: Actor | null, proposalId: string): Promise<boolean> {
  if (!actor) return false;
  return decideAccess(actor, await getTranslatableProposal(db, proposalId)).ok;
}
