import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PoolPage } from "~/components/pool-page";
import { loadPoolPage } from "~/services/pool-page.server";
import { useT } from "~/i18n";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export function loader({ request }: LoaderFunctionArgs) {
  return loadPoolPage(request, "bo", "city.title");
}

export default function CityPool() {
  const data = useLoaderData<typeof loader>();
  const { t } = useT();
  return <PoolPage heading={t("city.title")} lead={t("city.lead")} {...data} />;
}
