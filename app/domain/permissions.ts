/**
 * Who may do what. Every signed-in person is a resident; the other roles are granted by an
 * administrator, optionally limited to one programme (scope). Pure: the guards in app/auth ask
 * these functions with the user's roles loaded from the database.
 */
import { z } from "zod";

export const ROLES = ["youth_moderator", "official", "admin", "translator"] as const;
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

/**
 * Permissions that concern one programme's work: asking one needs the programme, and a grant scoped
 * to another programme never answers it. There is no "any programme" question: a caller that acts
 * on several programmes asks for each (see `canInAll`), one that lists work filters by
 * `programmesWhere`.
 */
export const SCOPED_PERMISSIONS = [
  "proposals.verify", // verify proposals of a programme
  "proposals.enter_paper", // type in a proposal handed in on paper, or edit one on a resident's behalf
  "ballots.enter_paper", // enter paper ballots
  "register.import", // import the voter register, record in-person declarations
  "voting_point.run", // open and close an in-person voting point
  "results.publish", // count and publish results, see draft results
  "youth.moderate", // moderate youth-programme proposals and comments
  "implementation.update", // record how a winning project of a programme is being built
  "proposal.translate", // translate proposals' titles and summaries of a programme (translators)
] as const;
export type ScopedPermission = (typeof SCOPED_PERMISSIONS)[number];

/** Permissions that are not about one programme's work: the role is enough, whatever its scope. */
export const UNSCOPED_PERMISSIONS = [
  "roles.manage", // grant and revoke roles
  "audit.read", // read the audit log
  "edition.manage", // set up editions, phases, pools
  "official.panel", // see the officials' workspace (what it lists is filtered by scope)
  "moderation.panel", // see the youth council's workspace
  "dev.mailbox", // read the development mailbox (also needs the environment switch)
] as const;
export type UnscopedPermission = (typeof UNSCOPED_PERMISSIONS)[number];

export type Permission = ScopedPermission | UnscopedPermission;

export function isScopedPermission(p: Permission): p is ScopedPermission {
  return (SCOPED_PERMISSIONS as readonly string[]).includes(p);
}

/** Any grant of `role`, whatever its scope: only for unscoped permissions. */
function hasAnyRole(actor: Actor | null, role: Role): boolean {
  return !!actor && actor.roles.some((g) => g.role === role);
}

/** A grant of `role` covering `programme`: scope '*' or that programme. A missing programme covers nothing. */
function hasRoleIn(actor: Actor | null, role: Role, programme: ProgrammeKind | undefined): boolean {
  if (!actor || programme === undefined || !PROGRAMME_KINDS.includes(programme)) return false;
  return actor.roles.some((g) => g.role === role && (g.scope === "*" || g.scope === programme));
}

/**
 * Whether `actor` may do `permission`; a scoped permission is asked for one programme (the type
 * requires it, and at run time a missing programme answers false). Administrators set up and
 * assign roles but do not verify, count or moderate by virtue of being admins: those are
 * officials' and the youth council's decisions, kept apart on purpose.
 */
export function can(actor: Actor | null, permission: UnscopedPermission): boolean;
export function can(actor: Actor | null, permission: ScopedPermission, programme: ProgrammeKind): boolean;
export function can(actor: Actor | null, permission: Permission, programme?: ProgrammeKind): boolean {
  switch (permission) {
    case "roles.manage":
    case "audit.read":
    case "edition.manage":
      return hasAnyRole(actor, "admin");
    case "official.panel":
      return hasAnyRole(actor, "official");
    case "proposals.verify":
    case "proposals.enter_paper":
    case "ballots.enter_paper":
    case "register.import":
    case "voting_point.run":
    case "results.publish":
    case "implementation.update":
      return hasRoleIn(actor, "official", programme);
    case "youth.moderate":
      return programme === "youth" && hasRoleIn(actor, "youth_moderator", programme);
    case "moderation.panel":
      return hasAnyRole(actor, "youth_moderator");
    case "proposal.translate":
      return hasRoleIn(actor, "translator", programme);
    case "dev.mailbox":
      return true;
  }
}

/** The programmes in which `actor` may do `permission`: what a panel lists. */
export function programmesWhere(actor: Actor | null, permission: ScopedPermission): ProgrammeKind[] {
  return PROGRAMME_KINDS.filter((k) => can(actor, permission, k));
}

/**
 * For an act that spans programmes (counting an edition, the voter register, a voting point): may
 * `actor` do `permission` in every one of `programmes`? An empty list answers false, so an act
 * whose programmes could not be determined is refused.
 */
export function canInAll(actor: Actor | null, permission: ScopedPermission, programmes: readonly ProgrammeKind[]): boolean {
  return programmes.length > 0 && programmes.every((k) => can(actor, permission, k));
}

/**
 * The programmes an act spanning the edition concerns: the current edition's, or every programme
 * kind when there is no edition (or it has no programmes yet), so such an act then needs them all.
 */
export function editionScope(currentKinds: readonly ProgrammeKind[]): ProgrammeKind[] {
  return currentKinds.length > 0 ? [...currentKinds] : [...PROGRAMME_KINDS];
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
