import { httpError } from "~/http/invariant.server";
// Any path no route claims: a translated 404 through the root error boundary.
export function loader() {
  throw httpError(404);
}

export default function NotFound() {
  return null;
}
