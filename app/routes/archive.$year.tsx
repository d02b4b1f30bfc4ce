import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { requireParam, YearParam } from "~/http/invariant.server";

// Results of every edition, archived or current, live at /results/:year.
export function loader({ params }: LoaderFunctionArgs) {
  const year = requireParam(params, "year", YearParam);
  return redirect(`/results/${year}`, 301);
}
