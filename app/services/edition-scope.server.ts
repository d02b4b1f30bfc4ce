/**
 * The services' own check for acts that span the edition's programmes (the register, voting
 * points), beside the routes' guard in app/auth/scope.server.ts: a future route or script that
 * forgets the guard is still refused.
 */
import type { Db } from "../../db/client";
import { currentProgrammeKinds } from "./current-edition.server";
import { canInAll, editionScope, type Actor, type ScopedPermission } from "~/domain/permissions";

/** Whether `actor` holds `permission` in every programme of the current edition (all kinds when there is none). */
export async function mayInEdition(db: Db, actor: Actor | null, permission: ScopedPermission): Promise<boolean> {
  return canInAll(actor, permission, editionScope(await currentProgrammeKinds(db)));
}
