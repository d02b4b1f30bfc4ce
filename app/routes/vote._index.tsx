import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getVotingProgramme } from "~/data/ballots.server";
import { db } from "~/db.server";
import { currentPhase } from "~/domain/phases";
import { useT } from "~/i18n";
import { titleMeta } from "~/i18n/meta";
import type { RouteHandle } from "~/http/route-meta.server";

/** What this route is, for the server (see app/http/route-meta.server.ts). */
export const handle: RouteHandle = { cache: "public", signedIn: "shared", keepsCache: true };

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "vote.start.title");

export async function loader(_: LoaderFunctionArgs) {
  const now = new Date();
  const programmes = await Promise.all((["bo", "youth", "children"] as const).map((k) => getVotingProgramme(db(), k)));
  return {
    programmes: programmes.flatMap((p) => {
      if (!p) return [];
      const window = p.phases.find((w) => w.phase === "voting") ?? null;
      return [{ kind: p.kind, open: currentPhase(p.phases, now) === "voting", window }];
    }),
  };
}

export default function VoteStart() {
  const { programmes } = useLoaderData<typeof loader>();
  const { t, date } = useT();
  return (
    <div className="container narrow">
      <h1>{t("vote.start.title")}</h1>
      <p className="lead">{t("vote.start.lead")}</p>
      <h2>{t("vote.start.choose")}</h2>
      <ul className="plain-list">
        {programmes.map((p) => (
          <li key={p.kind} className="card">
            <h3 className="card-title">{t(`programme.${p.kind}`)}</h3>
            <p>{t(`programme.${p.kind}.about`)}</p>
            {p.window ? <p className="muted">{t("vote.window", { start: date(p.window.startsAt), end: date(p.window.endsAt) })}</p> : null}
            {p.open ? (
              <Link className="button button-large" to={`/vote/${p.kind}`}>
                {t("vote.start.go", { programme: t(`programme.${p.kind}`) })}
              </Link>
            ) : (
              <p className="badge">{t("vote.notOpen")}</p>
            )}
          </li>
        ))}
      </ul>
      <p>
        <Link to="/vote/receipt">{t("vote.done.check")}</Link> · <Link to="/turnout">{t("nav.turnout")}</Link>
      </p>
    </div>
  );
}
