/** /api: the public API described for people, its endpoints listed from the same registry the API serves. */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { API_LIMIT_PER_MINUTE } from "~/auth/rate-limit.server";
import { db } from "~/db.server";
import { API_MAX_LIMIT } from "~/domain/api-schemas";
import { API_PREFIX } from "~/http/public-api.server";
import type { RouteHandle } from "~/http/route-meta.server";
import { publicOrigin } from "~/http/share.server";
import { useT, type MessageKey } from "~/i18n";
import { titleMeta } from "~/i18n/meta";
import { ENDPOINTS, apiExamples } from "~/services/public-api.server";

/** What this route is, for the server (see app/http/route-meta.server.ts). */
export const handle: RouteHandle = { cache: "public" };

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "api.title");

export async function loader(_args: LoaderFunctionArgs) {
  const ex = await apiExamples(db());
  const fill = (path: string) => {
    const value = path.startsWith("/pools/") ? ex.poolId : path.startsWith("/proposals/") ? ex.proposalId : null;
    if (path.includes("{year}") && ex.year === null) return null;
    if (path.includes("{id}") && value === null) return null;
    return `${API_PREFIX}${path.replace("{year}", String(ex.year)).replace("{id}", encodeURIComponent(value ?? ""))}`;
  };
  return {
    base: `${publicOrigin()}${API_PREFIX}`,
    limit: API_LIMIT_PER_MINUTE,
    endpoints: ENDPOINTS.map((e) => ({
      id: e.id,
      path: e.path,
      query: e.query ? Object.keys(e.query.shape) : [],
      example: fill(e.path),
    })),
  };
}

export default function ApiPage() {
  const { base, limit, endpoints } = useLoaderData<typeof loader>();
  const { t } = useT();
  return (
    <article className="container narrow api-page">
      <h1>{t("api.title")}</h1>
      <p className="lead">{t("api.lead")}</p>

      <section aria-labelledby="api-document">
        <h2 id="api-document">{t("api.document.title")}</h2>
        <p>{t("api.document.text")}</p>
        <p>
          <a href="/api/openapi.json" type="application/json">
            {t("api.document.link")}
          </a>
        </p>
      </section>

      <section aria-labelledby="api-endpoints">
        <h2 id="api-endpoints">{t("api.endpoints.title")}</h2>
        <p>
          {t("api.endpoints.lead")} <code>{base}</code>
        </p>
        <ul className="api-endpoints">
          {endpoints.map((e) => (
            <li key={e.id} className="card">
              <h3 className="api-path">
                <code>GET {e.path}</code>
              </h3>
              <p>{t(`api.endpoint.${e.id}` as MessageKey)}</p>
              {e.query.length > 0 ? <p className="muted">{t("api.endpoints.query", { names: e.query.join(", ") })}</p> : null}
              {e.example ? (
                <p>
                  {t("api.endpoints.example")}:{" "}
                  <a href={e.example} type="application/json">
                    <code>{e.example}</code>
                  </a>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="api-rules">
        <h2 id="api-rules">{t("api.rules.title")}</h2>
        <ul>
          <li>{t("api.rules.readonly")}</li>
          <li>{t("api.rules.personal")}</li>
          <li>{t("api.rules.money")}</li>
          <li>{t("api.rules.pages", { max: API_MAX_LIMIT })}</li>
          <li>{t("api.rules.cache")}</li>
          <li>{t("api.rules.limit", { limit })}</li>
        </ul>
      </section>

      <section aria-labelledby="api-license">
        <h2 id="api-license">{t("api.license.title")}</h2>
        <p>{t("api.license.text")}</p>
        <p>
          <a href={t("api.license.url")}>
            {t("api.license.link")}
          </a>
        </p>
        <p>{t("api.license.pabulib")}</p>
      </section>
    </article>
  );
}
