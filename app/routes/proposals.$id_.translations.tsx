/**
 * /proposals/:id/translations (#16 item 4): the author of a proposal, or a translator of its
 * programme, adds, corrects or removes the title and summary in the site's other languages. One
 * plain POST form per language; works without JavaScript, keeps what was typed on a 400.
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { ConfirmField, DoneNotice, FieldFrame, FormErrors, errorMessage } from "~/components/form/fields";
import { Breadcrumbs } from "~/components/proposals";
import { db } from "~/db.server";
import { TranslationInputSchema, translationLangs, type ContentLang } from "~/domain/translations";
import { parseForm } from "~/http/form";
import { invariantResponse, requireParam } from "~/http/invariant.server";
import { refusalStatus } from "~/http/refusal";
import { useT, type MessageKey } from "~/i18n";
import { titleMeta } from "~/i18n/meta";
import { loadTranslationsPage, removeTranslation, saveTranslation } from "~/services/translations.server";
import { Facts } from "~/components/facts";
import { PageHeader } from "~/components/page-header";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "translation.title");

const DONE = ["translation_saved", "translation_removed"] as const;

async function load(request: Request, id: string) {
  const user = await requireUser(request);
  const page = await loadTranslationsPage(db(), user, id);
  if (!page.ok) invariantResponse(false, page.reason === "not_found" ? 404 : 403);
  return { user, page };
}

export async function loader({ params, request }: LoaderFunctionArgs) {
  const id = requireParam(params, "id");
  const { page } = await load(request, id);
  const p = page.proposal;
  return {
    proposal: { id: p.id, title: p.title, summary: p.summary, contentLang: p.contentLang },
    translations: page.translations.map((x) => ({ lang: x.lang, title: x.title, summary: x.summary, updatedAt: x.updatedAt })),
  };
}

interface Reply {
  lang: string;
  errors: Record<string, string[]>;
  /** What was typed into the save form (null after the remove form: the saved text stays shown). */
  values: { title: string; summary: string } | null;
}

export async function action({ params, request }: ActionFunctionArgs) {
  const id = requireParam(params, "id");
  const { user } = await load(request, id);
  const form = await request.formData();
  const lang = String(form.get("lang") ?? "").slice(0, 10);
  const values = form.get("intent") === "save" ? { title: String(form.get("title") ?? "").slice(0, 2000), summary: String(form.get("summary") ?? "").slice(0, 4000) } : null;
  const submission = parseForm(form, TranslationInputSchema);
  if (submission.status !== "success") {
    return data<Reply>({ lang, errors: (submission.error ?? {}) as Record<string, string[]>, values }, { status: 400 });
  }
  const input = submission.value;
  if (input.intent === "remove" && form.get("confirm") !== "on") {
    return data<Reply>({ lang, errors: { confirm: ["translation.error.confirm"] }, values }, { status: 400 });
  }
  const r = input.intent === "save" ? await saveTranslation(db(), user, { proposalId: id, ...input }) : await removeTranslation(db(), user, { proposalId: id, lang: input.lang });
  if (!r.ok) return data<Reply>({ lang, errors: { "": [`translation.error.${r.reason}`] }, values }, { status: refusalStatus(r.reason) });
  return redirect(`/proposals/${encodeURIComponent(id)}/translations?done=${input.intent === "save" ? "translation_saved" : "translation_removed"}`);
}

export default function TranslationsPage() {
  const { proposal: p, translations } = useLoaderData<typeof loader>();
  const reply = useActionData<Reply>();
  const { t, date, locale } = useT();
  const langName = (l: ContentLang) => t(`translation.langName.${l}` as MessageKey);
  return (
    <div className="container narrow">
      <Breadcrumbs items={[{ to: `/proposals/${p.id}`, label: p.title, lang: p.contentLang !== locale ? p.contentLang : undefined }, { label: t("translation.title") }]} />
      {reply ? null : <DoneNotice notices={DONE} prefix="translation.done." />}
      <PageHeader title={t("translation.title")} lead={t("translation.intro")} />
      <FormErrors errors={reply && !reply.lang ? (reply.errors[""] ?? reply.errors["intent"]) : undefined} id="translation-errors" />

      <section className="form-card" aria-labelledby="original-title">
        <h2 id="original-title" className="form-title">
          {t("translation.original", { lang: langName(p.contentLang) })}
        </h2>
        <Facts
          items={[
            { term: t("translation.originalTitle"), value: p.title, lang: p.contentLang },
            { term: t("translation.originalSummary"), value: p.summary, lang: p.contentLang },
          ]}
        />
      </section>

      {translationLangs(p.contentLang).map((lang) => {
        const saved = translations.find((x) => x.lang === lang);
        const mine = reply?.lang === lang ? reply : undefined;
        const err = (k: string) => (mine?.errors[k] ?? []).map((e) => errorMessage(t, e));
        const headingId = `tr-${lang}-heading`;
        return (
          <section key={lang} className="form-card" aria-labelledby={headingId} id={`tr-${lang}`}>
            <h2 id={headingId} className="form-title">
              {t(`translation.in.${lang}` as MessageKey)}
            </h2>
            {saved ? <p className="muted">{t("translation.updated", { date: date(saved.updatedAt) })}</p> : <p className="muted">{t("translation.none")}</p>}
            <FormErrors errors={mine ? [...(mine.errors[""] ?? []), ...(mine.errors["lang"] ?? []), ...(mine.errors["intent"] ?? [])] : undefined} id={`tr-${lang}-errors`} />
            <Form method="post" className="count-form" noValidate aria-labelledby={headingId}>
              <input type="hidden" name="intent" value="save" />
              <input type="hidden" name="lang" value={lang} />
              <FieldFrame id={`tr-${lang}-title`} label={t("translation.field.title")} hint={t("translation.field.titleHint")} errors={mine ? err("title") : []}>
                {({ describedBy, invalid }) => (
                  <input
                    id={`tr-${lang}-title`}
                    name="title"
                    type="text"
                    lang={lang}
                    defaultValue={mine?.values ? mine.values.title : (saved?.title ?? "")}
                    aria-invalid={invalid || undefined}
                    aria-describedby={describedBy}
                  />
                )}
              </FieldFrame>
              <FieldFrame id={`tr-${lang}-summary`} label={t("translation.field.summary")} hint={t("translation.field.summaryHint")} errors={mine ? err("summary") : []}>
                {({ describedBy, invalid }) => (
                  <textarea
                    id={`tr-${lang}-summary`}
                    name="summary"
                    rows={4}
                    lang={lang}
                    defaultValue={mine?.values ? mine.values.summary : (saved?.summary ?? "")}
                    aria-invalid={invalid || undefined}
                    aria-describedby={describedBy}
                  />
                )}
              </FieldFrame>
              <div className="button-row">
                <button type="submit" className="button">
                  {t("translation.save")} ({langName(lang)})
                </button>
              </div>
            </Form>
            {saved ? (
              <Form method="post" className="grant-form remove-form" aria-label={`${t("translation.remove")} (${langName(lang)})`}>
                <input type="hidden" name="intent" value="remove" />
                <input type="hidden" name="lang" value={lang} />
                <ConfirmField id={`tr-${lang}-confirm`} label={t("translation.removeConfirm")} error={mine?.errors["confirm"]?.[0] ?? null} />
                <button type="submit" className="button button-danger button-small">
                  {t("translation.remove")} ({langName(lang)})
                </button>
              </Form>
            ) : null}
          </section>
        );
      })}
      <p>
        <a href={`/proposals/${p.id}`}>{t("translation.back")}</a>
      </p>
    </div>
  );
}
