/**
 * Pieces shared by the edition set-up pages (/admin/editions…): the reply a refused form gets
 * (which form, its errors by field as translation keys, what was typed) and the page's sub-navigation.
 */
import { Link, useActionData } from "@remix-run/react";
import { utcToWarsaw } from "~/domain/edition-setup";
import { useT } from "~/i18n";
import { errorMessage } from "./form/fields";

export interface FormReply {
  intent: string;
  /** Field name → translation keys ("" for the whole form). */
  errors: Record<string, string[] | null | undefined>;
  /** What was typed, to show it again. */
  values: Record<string, unknown>;
  /** Which row of a repeated form (e.g. the programme being edited). */
  target?: string;
}

export function reply(intent: string, errors: FormReply["errors"], values: Record<string, unknown> = {}, target?: string): FormReply {
  return { intent, errors, values, ...(target ? { target } : {}) };
}

/** Errors and typed values of one form on the page (the others show their defaults). */
export function useFormReply(intent: string, target?: string) {
  const r = useActionData<FormReply>();
  const { t } = useT();
  const mine = r && r.intent === intent && (target === undefined || r.target === target) ? r : undefined;
  return {
    replied: !!mine,
    errors: (name: string) => (mine?.errors[name] ?? []).map((e) => errorMessage(t, e)),
    error: (name: string) => mine?.errors[name]?.[0] ?? null,
    value: (name: string, fallback = "") => {
      const v = mine?.values[name];
      return typeof v === "string" ? v : fallback;
    },
    values: (name: string): string[] | undefined => {
      if (!mine) return undefined;
      const v = mine.values[name];
      return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : typeof v === "string" ? [v] : [];
    },
  };
}

/** A UTC instant as Warsaw wall-clock time for reading: "2027-03-01 09:00". */
export const warsawText = (iso: string) => utcToWarsaw(iso).replace("T", " ");

export type EditionPage = "overview" | "districts" | "pools" | "programmes" | "phases" | "commission" | "close";

/** The edition's set-up pages, in the order of the checklist (voting points serve every edition and open on this one; the register is an official's page, reached from the officials' panel). */
export function EditionSubnav({ id, current }: { id: string; current: EditionPage }) {
  const { t } = useT();
  const items = [
    { key: "overview", to: `/admin/editions/${id}`, label: t("adminEditions.nav.overview") },
    { key: "districts", to: `/admin/editions/${id}/districts`, label: t("adminEditions.nav.districts") },
    { key: "programmes", to: `/admin/editions/${id}/programmes`, label: t("adminEditions.nav.programmes") },
    { key: "pools", to: `/admin/editions/${id}/pools`, label: t("adminEditions.nav.pools") },
    { key: "phases", to: `/admin/editions/${id}/phases`, label: t("adminEditions.nav.phases") },
    { key: "commission", to: `/admin/editions/${id}/commission`, label: t("ballotBox.nav") },
    { key: "points", to: `/admin/voting-points?edition=${encodeURIComponent(id)}`, label: t("adminEditions.nav.votingPoints") },
    { key: "close", to: `/admin/editions/${id}/close`, label: t("adminEditions.nav.close") },
  ];
  return (
    <nav aria-label={t("adminEditions.nav.label")}>
      <ul className="subnav">
        {items.map((i) => (
          <li key={i.key}>
            {i.key === current ? (
              <span className="button button-small" aria-current="page">
                {i.label}
              </span>
            ) : (
              <Link className="button button-secondary button-small" to={i.to}>
                {i.label}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
