import { ConfirmField } from "~/components/form/fields";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requirePermission } from "~/auth/session.server";
import { ProposalDoneNotice, useErrorText } from "~/components/proposal-form";
import { FinalListPools } from "~/components/final-list";
import { ListCorrections } from "~/components/review";
import { currentEdition } from "~/services/current-edition.server";
import { listListCorrections } from "~/data/decisions.server";
import { countInStatuses, listFinalLists } from "~/data/final-lists.server";
import { db } from "~/db.server";
import { can, PROGRAMME_KINDS } from "~/domain/permissions";
import { LIST_CORRECTIONS, ON_BALLOT_STATUSES, PENDING_STATUSES, RESTORABLE_STATUSES } from "~/domain/workflow/corrections";
import { useT } from "~/i18n";
import { titleMeta } from "~/i18n/meta";
import { publishFinalList } from "~/services/proposals.server";
import { refusalStatus } from "~/http/refusal";
import { BallotPrintLinks } from "~/components/print-links";
import { listDistricts } from "~/data/districts.server";
import { PageHeader } from "~/components/page-header";
import { SubmitButton } from "~/components/form/submit-button";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "final.admin.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "official.panel");
  const edition = await currentEdition(db());
  const mine = PROGRAMME_KINDS.filter((k) => can(user, "proposals.verify", k));
  if (!edition) return { programmes: [], corrections: [], year: 0, districts: [] };
  const programmes = await Promise.all(
    mine.map(async (k) => {
      const pools = await listFinalLists(db(), edition.id, ON_BALLOT_STATUSES, { programmes: [k] });
      // once published, rejected proposals may be put back by a correction: list them to reach their review page
      const restorable = (await listFinalLists(db(), edition.id, RESTORABLE_STATUSES, { programmes: [k], publishedOnly: true })).flatMap((p) => p.proposals);
      return {
        restorable,
        kind: k,
        published: pools.length > 0 && pools.every((p) => p.publishedAt !== null),
        pending: await countInStatuses(
          db(),
          pools.map((p) => p.poolId),
          PENDING_STATUSES,
        ),
        pools: pools.filter((p) => p.proposals.length > 0),
      };
    }),
  );
  const districts = (await listDistricts(db())).map((d) => ({ slug: d.slug, name: d.name }));
  return { programmes, corrections: await listListCorrections(db(), edition.id, LIST_CORRECTIONS), year: edition.year, districts };
}

const FormSchema = z.object({ programme: z.enum(PROGRAMME_KINDS), confirm: z.literal("on").optional() });

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "official.panel");
  const parsed = FormSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ programme: "", error: "form.error.invalid" }, { status: 400 });
  if (parsed.data.confirm !== "on") return data({ programme: parsed.data.programme, error: "proposal.error.confirm" }, { status: 400 });
  const r = await publishFinalList(db(), user, parsed.data.programme);
  if (!r.ok) return data({ programme: parsed.data.programme, error: `workflow.error.${r.reason}` }, { status: refusalStatus(r.reason) });
  return redirect("/official/final-list?done=published");
}

export default function OfficialFinalList() {
  const { programmes, corrections, year, districts } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t } = useT();
  const tr = useErrorText();
  return (
    <div className="container">
      <PageHeader parents={[{ to: "/official", label: t("official.title") }]} notice={<ProposalDoneNotice />} title={t("final.admin.title")} lead={t("final.admin.lead")} />
      {programmes.map((p) => (
        <section key={p.kind} className="card" aria-labelledby={`prog-${p.kind}`}>
          <h2 id={`prog-${p.kind}`}>{t(`programme.${p.kind}`)}</h2>
          {p.published ? (
            <p>
              <strong>{t("final.published")}</strong>
            </p>
          ) : (
            <>
              <p>{t("final.pending", { count: p.pending })}</p>
              <Form method="post" className="inline-form">
                <input type="hidden" name="programme" value={p.kind} />
                {reply?.programme === p.kind ? (
                  <div className="alert alert-error" role="alert">
                    <p>{tr(reply.error)}</p>
                  </div>
                ) : null}
                <ConfirmField id={`confirm-${p.kind}`} label={t("final.publish.confirm")} />
                <SubmitButton label={t("final.publish", { programme: t(`programme.${p.kind}`) })} />
              </Form>
            </>
          )}
          <details>
            <summary>{t("final.title")}</summary>
            <FinalListPools pools={p.pools} />
          </details>
          <BallotPrintLinks year={year} kind={p.kind} districts={districts} sample={!p.published} />
          {p.published ? (
            <details>
              <summary>{t("review.list.title")}</summary>
              <ul className="link-list">
                {[...p.pools.flatMap((x) => x.proposals), ...p.restorable].map((x) => (
                  <li key={x.id}>
                    <Link to={`/proposals/${x.id}/review`}>{t("final.corrections.correct", { title: x.title })}</Link> <span className="muted">({x.number})</span>
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </section>
      ))}
      {corrections.length > 0 ? <ListCorrections items={corrections} /> : null}
    </div>
  );
}
