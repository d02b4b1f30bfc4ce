import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";

// Results of every edition, archived or current, live at /results/:year.
export function loader({ params }: LoaderFunctionArgs) {
  const year = z.coerce.number().int().min(2000).max(2200).safeParse(params.year);
  if (!year.success) throw new Response("Not found", { status: 404 });
  return redirect(`/results/${year.data}`, 301);
}
