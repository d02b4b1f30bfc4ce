import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { VoteBanner, VotePage, VoteSteps } from "~/components/vote";
import { db } from "~/db.server";
import { useT } from "~/i18n";
import { titleMeta } from "~/i18n/meta";
import { activePoint, ballotDistricts, programmeFromParams, requireVoteState } from "~/http/vote-flow.server";
import { invariantResponse } from "~/http/invariant.server";
import type { RouteHandle } from "~/http/route-meta.server";

/** What this route is, for the server (see app/http/route-meta.server.ts). */
export const handle: RouteHandle = { cache: "voter", keepsCache: true, layout: "focused" };

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "vote.district.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const programme = await programmeFromParams(db(), params.kind);
  invariantResponse(programme.kind === "bo", 404);
  const state = requireVoteState(request, programme);
  const [districts, point] = await Promise.all([
    ballotDistricts(db(), programme, state.voterId),
    activePoint(db(), request),
  ]);
  const missing = new URL(request.url).searchParams.has("missing");
  return { kind: programme.kind, districts, point: point?.name ?? null, onBehalf: state.onBehalf === "guardian", missing };
}

export default function ChooseDistrict() {
  const { kind, districts, point, onBehalf, missing } = useLoaderData<typeof loader>();
  const { t } = useT();
  return (
    <VotePage>
      <h1>{t("vote.district.title")}</h1>
      <VoteSteps kind={kind} current="district" />
      <VoteBanner point={point} onBehalf={onBehalf} />
      <p className="lead">{t("vote.district.lead")}</p>
      <Form method="get" action={`/vote/${kind}/ballot`} className="form-card">
        <fieldset className="choice-list" aria-describedby={missing ? "district-error" : undefined}>
          <legend>{t("vote.district.legend")}</legend>
          {missing ? (
            <p className="field-error" id="district-error">
              {t("vote.district.required")}
            </p>
          ) : null}
          {districts.map((d) => (
            <label key={d.slug} className="choice">
              <input type="radio" name="district" value={d.slug} required />
              <span>{d.name}</span>
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button button-large">
          {t("vote.district.submit")}
        </button>
      </Form>
    </VotePage>
  );
}
