import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { requirePermission } from "~/auth/session.server";
import { ConfirmField, FormErrors, PlainField } from "~/components/form/fields";
import { getVotingProgramme, loadCatalogue } from "~/data/ballots.server";
import { db } from "~/db.server";
import { useT, type MessageKey } from "~/i18n";
import { titleMeta } from "~/i18n/meta";
import { readIdentifyForm, refusalText } from "~/services/vote-identify.server";
import { BallotPool } from "~/components/ballot-pools";
import { readBallotForm, type BallotEcho } from "~/domain/ballot-form";
import type { BallotKind } from "~/domain/rules";
import { castPaperBallot } from "~/services/voting.server";
import { listDistricts } from "~/data/districts.server";
import { invariantResponse } from "~/http/invariant";
import { refusalStatus } from "~/http/refusal";
import { FilterForm } from "~/components/filter-form";
import { SelectField } from "~/components/form/select-field";
import { PageHeader } from "~/components/page-header";
import { SubmitButton } from "~/components/form/submit-button";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "paper.title");

async function load(slug: string | null) {
  const programme = await getVotingProgramme(db(), "bo");
  invariantResponse(programme, 404);
  const districts = await listDistricts(db());
  const district = districts.find((d) => d.slug === slug) ?? null;
  const catalogue = district ? await loadCatalogue(db(), programme.programmeId, district.id) : [];
  return { programme, districts, district, catalogue };
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "ballots.enter_paper", "bo");
  const { districts, district, catalogue } = await load(new URL(request.url).searchParams.get("district"));
  return { districts, district, catalogue };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "ballots.enter_paper", "bo");
  const form = await request.formData();
  const { programme, district, catalogue } = await load(String(form.get("district") ?? ""));
  const identity = readIdentifyForm(form);
  // every ballot type: ticks, a single choice, points or places, as the voter marked them on paper
  const read = readBallotForm(form.entries(), new Map<string, BallotKind>(catalogue.map((p) => [p.poolId, p.ballotRule.kind])));
  const echo = { pesel: identity.pesel ?? "", parentFirstName: identity.parentFirstName ?? "", ballot: read.echo };
  if (!district) return data({ error: "vote.error.ballot_district_required", hint: null, saved: null, echo }, { status: 400 });
  if (form.get("confirm") !== "on") return data({ error: "paper.confirm", hint: null, saved: null, echo }, { status: 400 });
  const selections = read.selections;
  const result = await castPaperBallot(db(), { ...identity, method: "pesel" }, programme, { districtId: district.id, selections }, user.id, new Date());
  if (!result.ok) {
    const error = result.reason === "ballot_invalid" ? `vote.error.${result.errors[0]?.reason ?? "ballot_malformed"}` : refusalText(result).error;
    const hint = result.reason === "ballot_invalid" ? null : refusalText(result).hint;
    return data({ error, hint, saved: null, echo }, { status: refusalStatus(result.reason) });
  }
  const invalid = result.invalidPools.map((p) => catalogue.find((c) => c.poolId === p.poolId)?.kind ?? p.poolId);
  return { error: null, hint: null, saved: { invalid }, echo: { pesel: "", parentFirstName: "", ballot: { ticks: {}, marks: {} } as BallotEcho } };
}

export default function PaperBallots() {
  const { districts, district, catalogue } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useT();
  // every saved ballot starts an empty form (with JavaScript the fields would otherwise keep the last one)
  const [saved, setSaved] = useState(0);
  useEffect(() => {
    if (result?.saved) setSaved((n) => n + 1);
  }, [result]);
  return (
    <div className="container narrow">
      <PageHeader parents={[{ to: "/official", label: t("official.title") }]} title={t("paper.title")} lead={t("paper.lead")} />
      <FilterForm search={false} secondary submit={t("paper.chooseDistrict")}>
        <SelectField id="district" name="district" label={t("paper.district")} defaultValue={district?.slug ?? ""} options={districts.map((d) => ({ value: d.slug, label: d.name }))} />
      </FilterForm>
      {result?.saved ? (
        <div className="alert alert-success" role="status">
          <p>{result.saved.invalid.length ? t("paper.savedInvalid", { pools: result.saved.invalid.map((k) => t(`pool.${k}` as MessageKey)).join(", ") }) : t("paper.saved")}</p>
        </div>
      ) : null}
      {district ? (
        <Form method="post" className="form-card" key={`entry-${saved}`}>
          <FormErrors errors={result?.error ? [result.error, ...(result.hint ? [result.hint] : [])] : undefined} id="paper-errors" />
          <input type="hidden" name="district" value={district.slug} />
          <fieldset>
            <legend>{t("paper.identity")}</legend>
            <PlainField id="pesel" name="pesel" label={t("vote.identify.pesel")} inputMode="numeric" autoComplete="off" maxLength={20} defaultValue={result?.echo.pesel} />
            <PlainField id="parentFirstName" name="parentFirstName" label={t("vote.identify.parent")} autoComplete="off" defaultValue={result?.echo.parentFirstName} />
          </fieldset>
          {catalogue.map((pool) => (
            <BallotPool key={pool.poolId} pool={pool} name={t(`pool.${pool.kind}`)} echo={result?.echo.ballot ?? { ticks: {}, marks: {} }} errors={[]} paper />
          ))}
          <ConfirmField id="confirm" label={t("paper.confirm")} required />
          <SubmitButton label={t("paper.submit")} size="large" />
        </Form>
      ) : null}
    </div>
  );
}
