/**
 * The current edition and its programme kinds, resolved once per request (see
 * app/http/request-memo.server.ts): the root layout, the page's loader and the services it calls
 * all ask, and a page view should cost one lookup, not five.
 */
import type { Db } from "../../db/client";
import { getCurrentEdition, listCurrentProgrammeKinds, type EditionSummary, type ProgrammeSummary } from "~/data/editions.server";
import { memoPerRequest } from "~/http/request-memo.server";

export function currentEdition(db: Db): Promise<EditionSummary | null> {
  return memoPerRequest("current-edition", () => getCurrentEdition(db));
}

export function currentProgrammeKinds(db: Db): Promise<ProgrammeSummary["kind"][]> {
  return memoPerRequest("current-programme-kinds", () => listCurrentProgrammeKinds(db));
}
