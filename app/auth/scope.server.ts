/**
 * Guards for acts that span programmes. Counting and publishing an edition, the voter register and
 * the in-person voting points are not one programme's work: the results of all programmes are
 * counted and published together (the turnout award crosses programmes), the register decides
 * eligibility in every programme, and a voting point takes ballots of every programme. So each of
 * these asks for the permission in every programme of the current edition (or, with no current
 * edition, in every programme kind): in practice an official with scope '*', or one holding a
 * grant for each programme. The programmes come from the database, never from the request.
 */
import { currentProgrammeKinds } from "~/services/current-edition.server";
import { db } from "~/db.server";
import { canInAll, editionScope, type ProgrammeKind, type ScopedPermission } from "~/domain/permissions";
import { requirePermission, requireUser, type CurrentUser } from "./session.server";
import { invariantResponse } from "~/http/invariant";

/** The programmes of the current edition; all programme kinds when there is none. */
export async function currentProgrammes(): Promise<ProgrammeKind[]> {
  return editionScope(await currentProgrammeKinds(db()));
}

/** Signed in and allowed `permission` in every one of `programmes`, or sign-in redirect / 403. */
export async function requirePermissionInAll(request: Request, permission: ScopedPermission, programmes: readonly ProgrammeKind[]): Promise<CurrentUser> {
  const user = await requireUser(request);
  invariantResponse(canInAll(user, permission, programmes), 403);
  return user;
}

/** `requirePermissionInAll` over the current edition's programmes. */
export async function requirePermissionInEdition(request: Request, permission: ScopedPermission): Promise<CurrentUser> {
  await requirePermission(request, "official.panel");
  return requirePermissionInAll(request, permission, await currentProgrammes());
}
