import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PoolPage } from "~/components/pool-page";
import { loadPoolPage } from "~/services/pool-page.server";
import { useT } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { invariantResponse } from "~/http/invariant.server";
import type { RouteHandle } from "~/http/route-meta.server";

/** What this route is, for the server (see app/http/route-meta.server.ts). */
export const handle: RouteHandle = { cache: "public", signedIn: "shared" };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const page = await loadPoolPage(getLocale(request), new URL(request.url).searchParams, "bo", "city.title");
  invariantResponse(page, 404);
  return page;
}

export default function CityPool() {
  const data = useLoaderData<typeof loader>();
  const { t } = useT();
  return <PoolPage heading={t("city.title")} lead={t("city.lead")} {...data} />;
}
