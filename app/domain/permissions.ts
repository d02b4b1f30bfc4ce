/**
 * Who may do what. Every signed-in person is a resident; the other roles are granted by an
 * administrator, optionally limited to one programme (scope). Pure: the guards in app/auth ask
 * these functions with the user's roles loaded from the database.
 */
import { z } from "zod";

export const ROLES = ["youth_moderator", "official", "admin"] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const PROGRAMME_KINDS = ["bo", "youth", "children"] as const;
export type ProgrammeKind = (typeof PROGRAMME_KINDS)[number];
/** '*' means every programme. */
export const ScopeSchema = z.enum(["*", ...PROGRAMME_KINDS]);
export type Scope = z.infer<typeof ScopeSchema>;

export interface RoleGrant {
  role: Role;
  scope: Scope;
}

export interface Actor {
  id: string;
  roles: readonly RoleGrant[];
}

export type Permission =
  | "roles.manage" // grant and revoke roles
  | "audit.read" // read the audit log
  | "edition.manage" // set up editions, phases, pools
  | "official.panel" // see the officials' workspace
  | "proposals.verify" // verify proposals of a programme
  | "ballots.enter_paper" // enter paper ballots
  | "results.publish" // count and publish results
  | "youth.moderate" // moderate youth-programme proposals and comments
  | "moderation.panel" // see the youth council's workspace
  | "dev.mailbox"; // read the development mailbox (also needs the environment switch)

function hasRole(actor: Actor | null, role: Role, programme?: ProgrammeKind): boolean {
  if (!actor) return false;
  return actor.roles.some((g) => g.role === role && (g.scope === "*" || programme === undefined || g.scope === programme));
}

/**
 * Whether `actor` may do `permission` (in `programme`, where it matters). Administrators set up
 * and assign roles but do not verify, count or moderate by virtue of being admins: those are
 * officials' and the youth council's decisions, kept apart on purpose.
 */
export function can(actor: Actor | null, permission: Permission, programme?: ProgrammeKind): boolean {
  switch (permission) {
    case "roles.manage":
    case "audit.read":
    case "edition.manage":
      return hasRole(actor, "admin");
    case "official.panel":
      return hasRole(actor, "official");
    case "proposals.verify":
    case "ballots.enter_paper":
    case "results.publish":
      return hasRole(actor, "official", programme);
    case "youth.moderate":
      return hasRole(actor, "youth_moderator") && (programme === undefined || programme === "youth");
    case "moderation.panel":
      return hasRole(actor, "youth_moderator");
    case "dev.mailbox":
      return true;
  }
}

export type RoleChangeRefusal = "cannot_revoke_own_admin" | "role_already_granted" | "role_not_granted" | "youth_moderator_scope";

/** Checks a role grant or revocation before it is written. */
export function checkRoleChange(
  change: { kind: "grant" | "revoke"; by: Actor; targetUserId: string; role: Role; scope: Scope },
  targetRoles: readonly RoleGrant[],
): { ok: true } | { ok: false; reason: RoleChangeRefusal } {
  const exists = targetRoles.some((g) => g.role === change.role && g.scope === change.scope);
  if (change.kind === "grant") {
    if (change.role === "youth_moderator" && change.scope !== "*" && change.scope !== "youth") {
      return { ok: false, reason: "youth_moderator_scope" };
    }
    return exists ? { ok: false, reason: "role_already_granted" } : { ok: true };
  }
  if (!exists) return { ok: false, reason: "role_not_granted" };
  if (change.role === "admin" && change.targetUserId === change.by.id) return { ok: false, reason: "cannot_revoke_own_admin" };
  return { ok: true };
}

/** The admin form that grants or revokes one role. */
export const RoleChangeInputSchema = z.object({
  intent: z.enum(["grant", "revoke"]),
  userId: z.string().min(1).max(100),
  role: RoleSchema,
  scope: ScopeSchema,
  reason: z
    .string()
    .max(500, { error: "form.error.invalid" })
    .optional()
    .transform((v) => v?.trim() || null),
});
