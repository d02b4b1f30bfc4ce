/**
 * One category (pool) of the ballot page, by its ballot rule: tick boxes (approval), tick boxes
 * with the running total against the budget (knapsack), radio buttons (choose one), number fields
 * (points) or a choice of place (ranked). Each works as a plain form field without JavaScript; with
 * it, what is left is counted as the voter goes. The rule is stated where the choice is made.
 */
import { useState, type ReactNode } from "react";
import type { BallotEcho } from "~/domain/ballot-form";
import { placePoints as rankPoints } from "~/domain/rank-points";
import type { BallotRule, SelectionRule } from "~/domain/rules";
import { remainingTicks } from "~/domain/voting/ticks";
import { useT, type MessageKey } from "~/i18n";
import type { ContentLang, TranslatedText } from "~/domain/translated-text";
import { LangNote, Localized, shownFor } from "./proposal-text";

export type BallotPoolData = {
  poolId: string;
  kind: string;
  budgetGrosze: number;
  ballotRule: BallotRule;
  projects: BallotProject[];
};
/** A project as the ballot shows it; with its language and translations, residents read it in theirs (#16 item 4). */
type BallotProject = { id: string; number?: string; title: string; summary: string; costGrosze: number; contentLang?: ContentLang; translations?: readonly TranslatedText[] };

/** The title and summary to show: the reader's language when translated, else the original marked with its lang. */
function useShown(p: BallotProject) {
  const { locale } = useT();
  return shownFor(locale, { title: p.title, summary: p.summary, contentLang: p.contentLang ?? "pl", translations: p.translations ?? [] });
}

/** Just the name, in the reader's language, for a label's hidden part (no note, no layout class). */
function ProjectName({ p }: { p: BallotProject }) {
  return <Localized text={useShown(p)} field="title" />;
}

/** A project's title on the ballot; officials entering paper ballots read it as printed (number, original). */
function ProjectTitle({ p, paper }: { p: BallotProject; paper: boolean }) {
  const shown = useShown(p);
  if (paper) return <span className="ballot-title">{p.number ? `${p.number} · ${p.title}` : p.title}</span>;
  return (
    <span className="ballot-title">
      <Localized text={shown} field="title" />
      <LangNote text={shown} />
    </span>
  );
}
/** A project's title and cost, as every kind of ballot field names it (inside its label or beside its mark). */
function ProjectLabel({ p, paper }: { p: BallotProject; paper: boolean }) {
  const { t, money } = useT();
  return (
    <>
      <ProjectTitle p={p} paper={paper} />
      <span className="ballot-cost">
        {t("vote.ballot.cost")}: {money(p.costGrosze, { wholeZloty: true })}
      </span>
    </>
  );
}
export type PoolError = { reason: string; projectId?: string };

/** The rule in plain words, in the voter's language. */
export function RuleText({ rule, budgetGrosze }: { rule: BallotRule; budgetGrosze: number }) {
  const { t, money } = useT();
  if (rule.kind === "approval") return <>{rule.minTicks > 0 ? t("ballotui.rule.approvalMin", { min: rule.minTicks, max: rule.maxTicks }) : t("vote.ballot.limit", { max: rule.maxTicks })}</>;
  if (rule.kind === "points") return <>{t("ballotui.rule.points", { total: rule.maxTotal, per: rule.maxPerProject })}</>;
  if (rule.kind === "knapsack") return <>{t("ballotui.rule.knapsack", { budget: money(budgetGrosze, { wholeZloty: true }) })}</>;
  if (rule.kind === "choose-one") return <>{t(rule.required ? "ballotui.rule.chooseOneRequired" : "ballotui.rule.chooseOne")}</>;
  const points = rankPoints(rule);
  return (
    <>
      {t(rule.exact ? "ballotui.rule.rankedExact" : "ballotui.rule.ranked", { ranks: rule.ranks })} {t("ballotui.rule.rankPoints", { list: points.map((p, i) => t("ballotui.rankOption", { rank: i + 1, points: p })).join(", ") })}
    </>
  );
}

/** How a pool's winners are chosen, in plain words (the ballot page; the results page may show it too). */
export function SelectionRuleText({ rule }: { rule: SelectionRule }) {
  const { t, number } = useT();
  return (
    <>
      {t(`ballotui.selection.${rule.method}`)} {rule.minScore > 0 ? `${t("ballotui.selection.minScore", { min: number(rule.minScore) })} ` : ""}
      {t("ballotui.selection.tie", { how: t(`ballotui.tieBreak.${rule.tieBreak}`) })}
    </>
  );
}

/**
 * The pool's groups of mutually exclusive projects in plain words: a sentence, then each group with
 * its projects' names (`names`: id → name). Only projects with a name count (a project no longer
 * listed is left out), and a group with fewer than two of them excludes nothing, so is not shown.
 */
export function ExclusiveGroupsText({ groups, names, when }: { groups: readonly (readonly string[])[]; names: ReadonlyMap<string, ReactNode>; when: "ballot" | "results" }) {
  const { t } = useT();
  const shown = groups.map((g) => g.filter((id) => names.has(id))).filter((g) => g.length >= 2);
  if (shown.length === 0) return null;
  return (
    <>
      <p>{t(when === "ballot" ? "exclusive.ballot.lead" : "exclusive.results.lead")}</p>
      <ul>
        {shown.map((g, i) => (
          <li key={g.join()}>
            {t("exclusive.group", { n: i + 1 })}:{" "}
            {g.map((id, k) => (
              <span key={id}>
                {k > 0 ? " / " : ""}
                {names.get(id)}
              </span>
            ))}
          </li>
        ))}
      </ul>
    </>
  );
}

function ProjectText({ p, children, paper }: { p: BallotProject; children?: ReactNode; paper: boolean }) {
  const { t } = useT();
  const shown = useShown(p);
  if (paper) return null;
  return (
    <>
      {children}
      <p id={`sum-${p.id}`} className="ballot-summary">
        <Localized text={shown} field="summary" />{" "}
        <a href={`/proposals/${p.id}`} target="_blank" rel="noopener noreferrer">
          {t("vote.ballot.details")}
          <span className="visually-hidden">
            : <ProjectName p={p} />
          </span>
        </a>
      </p>
    </>
  );
}

function ProjectErrors({ errors, projectId }: { errors: PoolError[]; projectId: string }) {
  const { t } = useT();
  const mine = errors.filter((e) => e.projectId === projectId);
  if (mine.length === 0) return null;
  return (
    <div id={`perr-${projectId}`} className="ballot-mark-error">
      {mine.map((e, i) => (
        <p key={i} className="field-error">
          {t(`vote.error.${e.reason}` as MessageKey)}
        </p>
      ))}
    </div>
  );
}

/** Tick boxes: approval (blocked past the limit, said why beside the box) and knapsack (running total). */
function TickList({ pool, echo, paper }: { pool: BallotPoolData; echo: BallotEcho; paper: boolean }) {
  const { t, tn, money } = useT();
  const rule = pool.ballotRule;
  const [ticked, setTicked] = useState<string[]>(() => echo.ticks[pool.poolId] ?? []);
  const [blocked, setBlocked] = useState<string | null>(null);
  const max = rule.kind === "approval" ? rule.maxTicks : pool.projects.length;
  const cost = new Map(pool.projects.map((p) => [p.id, p.costGrosze]));
  const spent = ticked.reduce((s, id) => s + (cost.get(id) ?? 0), 0);
  const onToggle = (projectId: string) => (e: React.ChangeEvent<HTMLInputElement>) => {
    // on paper the official types in what the voter marked, even too much (that category is then void)
    if (!paper && e.target.checked && rule.kind === "approval" && ticked.length >= max) {
      e.target.checked = false; // one tick too many is prevented, and said why next to the box tapped
      setBlocked(projectId);
      return;
    }
    setBlocked(null);
    setTicked(e.target.checked ? [...ticked, projectId] : ticked.filter((x) => x !== projectId));
  };
  const left = rule.kind === "knapsack" || rule.kind === "choose-one" ? null : Math.max(0, remainingTicks(rule, ticked.length) ?? max - ticked.length);
  return (
    <>
      <p id={`hint-${pool.poolId}`} className="remaining" aria-live="polite">
        {rule.kind === "choose-one"
          ? null
          : left === null
          ? spent > pool.budgetGrosze
            ? t("ballotui.knapsack.over", { over: money(spent - pool.budgetGrosze, { wholeZloty: true }) })
            : t("ballotui.knapsack.total", { spent: money(spent, { wholeZloty: true }), budget: money(pool.budgetGrosze, { wholeZloty: true }), left: money(pool.budgetGrosze - spent, { wholeZloty: true }) })
          : left > 0
            ? tn("vote.ballot.remaining", left)
            : t("vote.ballot.full")}
      </p>
      <ul className="ballot-list">
        {pool.projects.map((p) => {
          const id = `tick-${p.id}`;
          return (
            <li key={p.id} className="ballot-item">
              <input id={id} type="checkbox" name="tick" value={`${pool.poolId}|${p.id}`} defaultChecked={ticked.includes(p.id)} onChange={onToggle(p.id)} aria-describedby={`sum-${p.id}`} />
              <label htmlFor={id}>
                <ProjectLabel p={p} paper={paper} />
              </label>
              {blocked === p.id ? (
                <p className="field-error tick-blocked" role="alert">
                  {t("vote.ballot.blocked", { max })}
                </p>
              ) : null}
              <ProjectText p={p} paper={paper} />
            </li>
          );
        })}
      </ul>
    </>
  );
}

/** Radio buttons: one project, or none when the rule allows an empty choice. */
function ChooseOne({ pool, echo, paper }: { pool: BallotPoolData; echo: BallotEcho; paper: boolean }) {
  const { t } = useT();
  const chosen = echo.ticks[pool.poolId]?.[0] ?? "";
  const required = pool.ballotRule.kind === "choose-one" && pool.ballotRule.required;
  return (
    <ul className="ballot-list">
      {pool.projects.map((p) => {
        const id = `one-${p.id}`;
        return (
          <li key={p.id} className="ballot-item">
            <input id={id} type="radio" name={`one|${pool.poolId}`} value={p.id} defaultChecked={chosen === p.id} aria-describedby={`sum-${p.id}`} />
            <label htmlFor={id}>
              <ProjectLabel p={p} paper={paper} />
            </label>
            <ProjectText p={p} paper={paper} />
          </li>
        );
      })}
      {required ? null : (
        <li className="ballot-item">
          <input id={`one-none-${pool.poolId}`} type="radio" name={`one|${pool.poolId}`} value="" defaultChecked={chosen === ""} />
          <label htmlFor={`one-none-${pool.poolId}`}>{t("ballotui.chooseOne.none")}</label>
        </li>
      )}
    </ul>
  );
}

/** Number fields (points) or a choice of place (ranked), with what is left counted as the voter goes. */
function Marks({ pool, echo, errors, paper }: { pool: BallotPoolData; echo: BallotEcho; errors: PoolError[]; paper: boolean }) {
  const { t } = useT();
  const rule = pool.ballotRule;
  const key = (projectId: string) => `${pool.poolId}|${projectId}`;
  const [marks, setMarks] = useState<Record<string, string>>(() => Object.fromEntries(pool.projects.map((p) => [p.id, echo.marks[key(p.id)] ?? ""])));
  // a refusal beside a field goes once the voter changes that field (the server checks again)
  const [changed, setChanged] = useState<ReadonlySet<string>>(() => new Set());
  const numbers = Object.fromEntries(Object.entries(marks).map(([k, v]) => [k, /^\d+$/.test(v.trim()) ? Number(v) : 0]));
  const left = remainingTicks(rule, numbers) ?? 0;
  const usedRanks = new Set(Object.values(numbers).filter((v) => v > 0));
  const ranked = rule.kind === "ranked";
  const points = ranked ? rankPoints(rule) : [];
  return (
    <>
      <p id={`hint-${pool.poolId}`} className="remaining" aria-live="polite">
        {ranked ? t("ballotui.ranked.left", { count: left, ranks: rule.ranks }) : rule.kind === "points" ? t("ballotui.points.left", { count: left, total: rule.maxTotal }) : null}
      </p>
      <ul className="ballot-list">
        {pool.projects.map((p) => {
          const id = `${ranked ? "rank" : "points"}-${p.id}`;
          const name = `${ranked ? "rank" : "points"}|${pool.poolId}|${p.id}`;
          const hasError = !changed.has(p.id) && errors.some((e) => e.projectId === p.id);
          const describedBy = [`sum-${p.id}`, hasError ? `perr-${p.id}` : ""].join(" ").trim();
          const value = marks[p.id] ?? "";
          const set = (v: string) => {
            setMarks({ ...marks, [p.id]: v });
            setChanged(new Set(changed).add(p.id));
          };
          return (
            <li key={p.id} className={`ballot-item ballot-item-mark ${value.trim() !== "" && value !== "0" ? "is-marked" : ""}`}>
              <div className="ballot-mark-text">
                <ProjectLabel p={p} paper={paper} />
              </div>
              <div className="ballot-mark-field">
                <label htmlFor={id}>
                  {t(ranked ? "ballotui.rank.label" : "ballotui.points.label")}
                  <span className="visually-hidden">
                    : <ProjectName p={p} />
                  </span>
                </label>
                {ranked ? (
                  <select id={id} name={name} value={value} onChange={(e) => set(e.target.value)} aria-describedby={describedBy} aria-invalid={hasError || undefined}>
                    <option value="">{t("ballotui.rank.none")}</option>
                    {points.map((pt, i) => (
                      <option key={i} value={String(i + 1)}>
                        {t("ballotui.rankOption", { rank: i + 1, points: pt })}
                        {usedRanks.has(i + 1) && numbers[p.id] !== i + 1 ? ` ${t("ballotui.rank.taken")}` : ""}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input
                    id={id}
                    name={name}
                    type="number"
                    inputMode="numeric"
                    min={0}
                    max={rule.kind === "points" ? rule.maxPerProject : undefined}
                    step={1}
                    value={value}
                    onChange={(e) => set(e.target.value)}
                    aria-describedby={describedBy}
                    aria-invalid={hasError || undefined}
                    className="points-input"
                  />
                )}
              </div>
              {hasError ? <ProjectErrors errors={errors} projectId={p.id} /> : null}
              <ProjectText p={p} paper={paper} />
            </li>
          );
        })}
      </ul>
    </>
  );
}

/** One category of the ballot with its rule, its refusals and its fields. */
/** `paper`: an official types in a paper ballot as marked (no limits enforced while typing, two marks in a choose-one pool possible). */
export function BallotPool({ pool, name, echo, errors, paper = false, selection }: { pool: BallotPoolData; name: string; echo: BallotEcho; errors: PoolError[]; paper?: boolean; selection?: SelectionRule | null }) {
  const { t } = useT();
  const rule = pool.ballotRule;
  const poolErrors = errors.filter((e) => e.projectId === undefined || !pool.projects.some((p) => p.id === e.projectId) || (rule.kind !== "points" && rule.kind !== "ranked"));
  return (
    <fieldset id={`pool-${pool.poolId}`} className={`ballot-pool ${errors.length ? "has-error" : ""}`} aria-describedby={[`rule-${pool.poolId}`, rule.kind === "choose-one" ? "" : `hint-${pool.poolId}`, poolErrors.length ? `err-${pool.poolId}` : ""].filter(Boolean).join(" ")}>
      <legend>
        <span className="pool-name">{name}</span>
      </legend>
      <p id={`rule-${pool.poolId}`} className="pool-limit">
        <RuleText rule={rule} budgetGrosze={pool.budgetGrosze} />
      </p>
      {selection ? (
        <details className="selection-rule">
          <summary>{t("ballotui.selection.title")}</summary>
          <p>
            <SelectionRuleText rule={selection} />
          </p>
          <ExclusiveGroupsText groups={selection.exclusive ?? []} names={new Map(pool.projects.map((p) => [p.id, <ProjectName key={p.id} p={p} />]))} when="ballot" />
        </details>
      ) : null}
      {poolErrors.length ? (
        <div id={`err-${pool.poolId}`}>
          {poolErrors.map((e, i) => (
            <p key={i} className="field-error">
              {t(`vote.error.${e.reason}` as MessageKey)}
            </p>
          ))}
        </div>
      ) : null}
      {pool.projects.length === 0 ? <p className="muted">{t("vote.ballot.emptyPool")}</p> : null}
      {rule.kind === "points" || rule.kind === "ranked" ? (
        <Marks pool={pool} echo={echo} errors={errors} paper={paper} />
      ) : rule.kind === "choose-one" && !paper ? (
        <ChooseOne pool={pool} echo={echo} paper={paper} />
      ) : (
        <TickList pool={pool} echo={echo} paper={paper} />
      )}
    </fieldset>
  );
}

/** The review step's list of one category: what is ticked, with points or places. */
export function ReviewPool({ pool, name, echo }: { pool: BallotPoolData; name: string; echo: BallotEcho }) {
  const { t, money } = useT();
  const rule = pool.ballotRule;
  const marked = (id: string) => Number(echo.marks[`${pool.poolId}|${id}`] ?? "0") || 0;
  const rows =
    rule.kind === "points" || rule.kind === "ranked"
      ? pool.projects.filter((p) => marked(p.id) > 0).sort((a, b) => (rule.kind === "ranked" ? marked(a.id) - marked(b.id) : marked(b.id) - marked(a.id)))
      : pool.projects.filter((p) => (echo.ticks[pool.poolId] ?? []).includes(p.id));
  const points = rule.kind === "ranked" ? rankPoints(rule) : [];
  return (
    <section className="review-pool" aria-labelledby={`rv-${pool.poolId}`}>
      <h2 id={`rv-${pool.poolId}`}>{name}</h2>
      {rows.length === 0 ? (
        <p className="muted">{t("vote.review.none")}</p>
      ) : (
        <ul className="plain-list">
          {rows.map((p) => (
            <li key={p.id} className="review-item">
              {rule.kind === "ranked" ? <>{t("ballotui.rankOption", { rank: marked(p.id), points: points[marked(p.id) - 1] ?? 0 })}: </> : null}
              <strong>
                <ProjectTitle p={p} paper={false} />
              </strong>{" "}
              <span className="muted">· {money(p.costGrosze, { wholeZloty: true })}</span>
              {rule.kind === "points" ? <> · {t("ballotui.review.points", { count: marked(p.id) })}</> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
