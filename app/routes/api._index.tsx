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
import { Section } from "~/components/section";
import { PageHeader } from "~/components/page-header";

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
      <PageHeader title={t("api.title")} lead={t("api.lead")} />

      <Section headingId="api-document" title={t("api.document.title")}>
        <p>{t("api.document.text")}</p>
        <p>
          <a href="/api/openapi.json" type="application/json">
            {t("api.document.link")}
          </a>
        </p>
      </Section>

      <Section headingId="api-endpoints" title={t("api.endpoints.title")}>
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
      </Section>

      <Section headingId="api-rules" title={t("api.rules.title")}>
        <ul>
          <li>{t("api.rules.readonly")}</li>
          <li>{t("api.rules.personal")}</li>
          <li>{t("api.rules.money")}</li>
          <li>{t("api.rules.pages", { max: API_MAX_LIMIT })}</li>
          <li>{t("api.rules.cache")}</li>
          <li>{t("api.rules.limit", { limit })}</li>
        </ul>
      </Section>

      <Section headingId="api-license" title={t("api.license.title")}>
        <p>{t("api.license.text")}</p>
        <p>
          <a href={t("api.license.url")}>
            {t("api.license.link")}
          </a>
        </p>
        <p>{t("api.license.pabulib")}</p>
      </Section>
    </article>
  );
}
