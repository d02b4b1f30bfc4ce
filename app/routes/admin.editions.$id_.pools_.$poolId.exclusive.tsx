/**
 * Mutually exclusive projects of one pool (#14, Warszawa's `greedy-exclusive`): the administrator
 * groups projects of which at most one may win — once one of a group is funded, the others are not.
 * Plain POST forms: tick ≥ 2 projects to add a group, one button per group to remove it.
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Breadcrumbs } from "~/components/proposals";
import { DoneNotice } from "~/components/form/fields";
import { listPoolProposals, listPoolRules } from "~/data/ballot-setup.server";
import { listAllDistricts, listEditionPools } from "~/data/pool-setup.server";
import { db } from "~/db.server";
import { GROUP_MAX } from "~/domain/exclusive-groups";
import { SelectionRuleSchema } from "~/domain/rules";
import { requireEditionToManage } from "~/http/edition-guard.server";
import { parseForm } from "~/http/form";
import { invariantResponse, requireParam } from "~/http/invariant";
import { useT, type MessageKey } from "~/i18n";
import { titleMeta } from "~/i18n/meta";
import { changeExclusiveGroups } from "~/services/ballot-setup.server";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "exclusive.title");

const NOTICES = ["group_added", "group_removed"];
const Id = z.string().min(1).max(100);
const ActionSchema = z.discriminatedUnion("intent", [
  // one ticked box arrives as a string, several as an array, none as nothing
  z.object({ intent: z.literal("add"), project: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(Id).max(GROUP_MAX * 4)) }),
  z.object({ intent: z.literal("remove"), group: Id }),
]);

async function loadPool(request: Request, params: Record<string, string | undefined>) {
  const { user, edition } = await requireEditionToManage(request, params);
  const [pool] = await listEditionPools(db(), edition.id, requireParam(params, "poolId"));
  invariantResponse(pool, 404);
  return { user, edition, pool };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { edition, pool } = await loadPool(request, params);
  const [proposals, [rules], districts] = await Promise.all([listPoolProposals(db(), pool.id), listPoolRules(db(), [pool.id]), listAllDistricts(db())]);
  let rule = null;
  try {
    rule = SelectionRuleSchema.safeParse(JSON.parse(rules?.selectionRule ?? "null")).data ?? null;
  } catch {
    rule = null;
  }
  const byId = new Map(proposals.map((p) => [p.id, p]));
  const groups = (rule?.exclusive ?? []).map((g) => g.map((id) => byId.get(id) ?? { id, number: "", title: id, costGrosze: 0, onBallot: false }));
  const grouped = new Set(groups.flat().map((p) => p.id));
  return {
    edition: { id: edition.id, year: edition.year },
    pool: { id: pool.id, kind: pool.kind, district: pool.districtId ? (districts.find((d) => d.id === pool.districtId)?.name ?? pool.districtId) : null },
    equalShares: rule?.method === "equal-shares",
    groups,
    free: proposals.filter((p) => p.onBallot && !grouped.has(p.id)),
  };
}

type Reply = { intent: "add" | "remove"; target: string; chosen: string[]; error: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, edition, pool } = await loadPool(request, params);
  const form = await request.formData();
  const s = parseForm(form, ActionSchema);
  const chosen = form.getAll("project").map(String).slice(0, GROUP_MAX * 4);
  if (s.status !== "success") return data<Reply>({ intent: form.get("intent") === "remove" ? "remove" : "add", target: "", chosen, error: "invalid" }, { status: 400 });
  const change = s.value.intent === "add" ? { add: s.value.project } : { remove: s.value.group };
  const r = await changeExclusiveGroups(db(), user, { editionId: edition.id, poolId: pool.id, change });
  if (r.ok) return redirect(`/admin/editions/${edition.id}/pools/${pool.id}/exclusive?done=${s.value.intent === "add" ? "group_added" : "group_removed"}`);
  return data<Reply>({ intent: s.value.intent, target: s.value.intent === "remove" ? s.value.group : "", chosen, error: r.reason }, { status: r.reason === "not_allowed" ? 403 : 400 });
}

export default function ExclusiveGroups() {
  const { edition, pool, equalShares, groups, free } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as Reply | undefined;
  const { t, money } = useT();
  const poolName = pool.kind === "city" ? t("adminPools.pool.city") : pool.kind === "programme" ? t("adminPools.pool.programme") : t(pool.kind === "district_large" ? "adminPools.pool.district_large" : "adminPools.pool.district_small", { district: pool.district ?? "" });
  const addError = reply?.intent === "add" ? reply.error : null;
  const chosen = new Set(reply?.intent === "add" ? reply.chosen : []);
  const errorText = (e: string) => t(`exclusive.error.${e}` as MessageKey);
  return (
    <div className="container">
      <Breadcrumbs
        items={[
          { to: "/admin", label: t("admin.title") },
          { to: "/admin/editions", label: t("adminPools.editions") },
          { to: `/admin/editions/${edition.id}`, label: t("adminPools.edition", { year: edition.year }) },
          { to: `/admin/editions/${edition.id}/pools`, label: t("adminPools.pools.title") },
          { label: t("exclusive.title") },
        ]}
      />
      <DoneNotice notices={NOTICES} prefix="exclusive.done." />
      <h1>
        {t("exclusive.title")}: {poolName}
      </h1>
      <p className="lead">{t("exclusive.lead")}</p>
      {equalShares ? <p className="alert alert-info">{t("exclusive.equalShares")}</p> : null}

      <section className="results-section" aria-labelledby="groups-h">
        <h2 id="groups-h">{t("exclusive.groups")}</h2>
        {groups.length === 0 ? <p className="empty">{t("exclusive.none")}</p> : null}
        <ol className="plain-list">
          {groups.map((g, i) => {
            const name = t("exclusive.group", { n: i + 1 });
            const failed = reply?.intent === "remove" && reply.target === g[0]?.id ? reply.error : null;
            return (
              <li key={g.map((p) => p.id).join()} className="card">
                <h3 id={`group-${i}`}>{name}</h3>
                <ul>
                  {g.map((p) => (
                    <li key={p.id}>
                      {p.number ? <span className="muted">{p.number} · </span> : null}
                      {p.title}
                      {p.onBallot ? <span className="muted"> · {money(p.costGrosze, { wholeZloty: true })}</span> : <span className="muted"> · {t("exclusive.offBallot")}</span>}
                    </li>
                  ))}
                </ul>
                <Form method="post">
                  {failed ? (
                    <p className="field-error" role="alert">
                      {errorText(failed)}
                    </p>
                  ) : null}
                  <input type="hidden" name="intent" value="remove" />
                  <input type="hidden" name="group" value={g[0]?.id ?? ""} />
                  <button type="submit" className="button button-secondary" aria-describedby={`group-${i}`}>
                    {t("exclusive.remove")}
                  </button>
                </Form>
              </li>
            );
          })}
        </ol>
        {reply?.intent === "remove" && !groups.some((g) => g[0]?.id === reply.target) ? (
          <p className="alert alert-error" role="alert">
            {errorText(reply.error)}
          </p>
        ) : null}
      </section>

      <section className="results-section" aria-labelledby="add-h">
        <h2 id="add-h">{t("exclusive.add")}</h2>
        {free.length < 2 ? (
          <p className="empty">{t("exclusive.tooFew")}</p>
        ) : (
          <Form method="post" className="card form-card" noValidate>
            <input type="hidden" name="intent" value="add" />
            <fieldset className={addError ? "has-error" : undefined} aria-describedby={["add-hint", addError ? "add-error" : ""].filter(Boolean).join(" ")}>
              <legend>{t("exclusive.choose")}</legend>
              <p id="add-hint" className="hint">
                {t("exclusive.chooseHint", { max: GROUP_MAX })}
              </p>
              {addError ? (
                <p id="add-error" className="field-error" role="alert">
                  {errorText(addError)}
                </p>
              ) : null}
              <ul className="plain-list">
                {free.map((p) => (
                  <li key={p.id} className="check-row">
                    <input type="checkbox" id={`p-${p.id}`} name="project" value={p.id} defaultChecked={chosen.has(p.id)} />
                    <label htmlFor={`p-${p.id}`}>
                      {p.title} <span className="muted">· {p.number} · {money(p.costGrosze, { wholeZloty: true })}</span>
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
            <button type="submit" className="button">
              {t("exclusive.save")}
            </button>
          </Form>
        )}
      </section>
      <p>
        <Link to={`/admin/editions/${edition.id}/pools`}>{t("exclusive.back")}</Link>
      </p>
    </div>
  );
}
