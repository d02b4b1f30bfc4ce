import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { PoolPage } from "~/components/pool-page";
import { loadPoolPage } from "~/services/pool-page.server";
import { useT } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { invariantResponse, requireParam } from "~/http/invariant";
import type { RouteHandle } from "~/http/route-meta.server";

/** What this route is, for the server (see app/http/route-meta.server.ts). */
export const handle: RouteHandle = { cache: "public", signedIn: "shared" };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

const KindSchema = z.enum(["youth", "children"]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const kind = requireParam(params, "kind", KindSchema);
  const page = await loadPoolPage(getLocale(request), new URL(request.url).searchParams, kind, `programme.${kind}`);
  invariantResponse(page, 404);
  return page;
}

export default function ProgrammePage() {
  const data = useLoaderData<typeof loader>();
  const { t } = useT();
  return <PoolPage heading={t(`programme.${data.kind}`)} lead={t(`programme.${data.kind}.about`)} {...data} />;
}
