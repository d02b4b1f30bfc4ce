/**
 * #16 item 4: a proposal is written in one language (its content language) and its title and
 * summary may be translated into the others. Pure: which text a reader sees, who may translate,
 * and the translation form (the same plain-text rules and lengths as the proposal's own fields).
 */
import { z } from "zod";
import { can, type Actor, type ProgrammeKind } from "./permissions";
import { line } from "./workflow/text";
import { CONTENT_LANGS, type ContentLang } from "./translated-text";

export * from "./translated-text";
export const ContentLangSchema = z.enum(CONTENT_LANGS, { error: "translation.error.lang" });

/**
 * Who may translate a proposal: its author, or a translator whose role covers the proposal's
 * programme (the neighbourhood centres' staff for the children-and-youth budget).
 */
export function canTranslate(actor: Actor | null, proposal: { authorUserId: string | null; programmeKind: ProgrammeKind }): boolean {
  if (!actor) return false;
  if (proposal.authorUserId !== null && proposal.authorUserId === actor.id) return true;
  return can(actor, "proposal.translate", proposal.programmeKind);
}

export type TranslationRefusal = "same_as_original";

/** A translation must be into another language than the original. */
export function checkTranslationLang(contentLang: ContentLang, lang: ContentLang): { ok: true } | { ok: false; reason: TranslationRefusal } {
  return lang === contentLang ? { ok: false, reason: "same_as_original" } : { ok: true };
}

/** The form of one language on /proposals/:id/translations: save it or remove it. */
export const TranslationInputSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("save"), lang: ContentLangSchema, title: line(5, 120), summary: line(10, 300) }),
    z.object({ intent: z.literal("remove"), lang: ContentLangSchema }),
  ],
  { error: "form.error.invalid" },
);
export type TranslationInput = z.output<typeof TranslationInputSchema>;
