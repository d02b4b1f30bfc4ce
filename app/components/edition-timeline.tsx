/**
 * The edition's rules document and the public record of changes to its dates ("Zmiany
 * harmonogramu"): each change with the phase, the dates before and after and the public reason.
 */
import { Link } from "@remix-run/react";
import { rulesBlocks } from "~/domain/rules-text";
import { utcToWarsaw } from "~/domain/warsaw-time";
import { useT } from "~/i18n";

export interface PublicPhaseChange {
  id: string;
  phase: "submission" | "verification" | "appeals" | "final_list" | "voting" | "counting" | "results";
  startsBefore: string | null;
  endsBefore: string | null;
  startsAfter: string;
  endsAfter: string;
  publicReason: string | null;
  kind: "change" | "close_early" | "extend";
  changedAt: string;
}

const when = (iso: string) => utcToWarsaw(iso).replace("T", " ");

export function PhaseChangeList({ changes }: { changes: readonly PublicPhaseChange[] }) {
  const { t } = useT();
  return (
    <ul className="plain-list timeline-list">
      {changes.map((c) => (
        <li key={c.id}>
          <p>
            <strong>{t(`phase.${c.phase}`)}</strong> · {t(`adminEditions.change.kind.${c.kind}`)} · <span className="muted">{t("adminEditions.change.at", { date: when(c.changedAt) })}</span>
          </p>
          <p>
            {c.startsBefore && c.endsBefore ? t("adminEditions.change.before", { start: when(c.startsBefore), end: when(c.endsBefore) }) + " " : ""}
            {t("adminEditions.change.after", { start: when(c.startsAfter), end: when(c.endsAfter) })}
          </p>
          {c.publicReason ? <p className="pre-line">{t("adminEditions.change.reason", { reason: c.publicReason })}</p> : null}
        </li>
      ))}
    </ul>
  );
}

/** Shown on the home page under the phases: the rules document and the changes to the dates. */
export function EditionTimeline({ year, hasRules, hasPdf, changes }: { year: number; hasRules: boolean; hasPdf: boolean; changes: readonly PublicPhaseChange[] }) {
  const { t } = useT();
  if (!hasRules && !hasPdf && changes.length === 0) return null;
  return (
    <section aria-labelledby="edition-changes-title">
      {hasRules || hasPdf ? (
        <p>
          {hasRules ? <Link to={`/editions/${year}/rules`}>{t("adminEditions.public.rulesLink", { year })}</Link> : null}
          {hasRules && hasPdf ? " · " : null}
          {hasPdf ? (
            <a href={`/editions/${year}/rules.pdf`} download>
              {t("adminEditions.public.rulesPdf")}
            </a>
          ) : null}
        </p>
      ) : null}
      {changes.length > 0 ? (
        <>
          <h2 id="edition-changes-title">{t("adminEditions.public.changes")}</h2>
          <PhaseChangeList changes={changes} />
        </>
      ) : (
        <h2 id="edition-changes-title" className="visually-hidden">
          {t("adminEditions.public.rules")}
        </h2>
      )}
    </section>
  );
}

export function RulesText({ text }: { text: string }) {
  return (
    <div className="rules-text">
      {rulesBlocks(text).map((b, i) =>
        b.kind === "ul" ? (
          <ul key={i}>
            {b.items.map((x, j) => (
              <li key={j}>{x}</li>
            ))}
          </ul>
        ) : b.kind === "p" ? (
          <p key={i} className="pre-line">
            {b.text}
          </p>
        ) : b.kind === "h2" ? (
          <h2 key={i}>{b.text}</h2>
        ) : (
          <h3 key={i}>{b.text}</h3>
        ),
      )}
    </div>
  );
}
