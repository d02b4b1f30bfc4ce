import { describe, expect, it } from "vitest";
import type { requirePermission } from "~/auth/session.server";
import {
  can,
  canInAll,
  checkRoleChange,
  isScopedPermission,
  PROGRAMME_KINDS,
  programmesWhere,
  RoleChangeInputSchema,
  ROLES,
  SCOPED_PERMISSIONS,
  UNSCOPED_PERMISSIONS,
  type Actor,
  type Permission,
  type ProgrammeKind,
  type Role,
  type RoleGrant,
  type Scope,
} from "~/domain/permissions";

const actor = (roles: Actor["roles"], id = "u1"): Actor => ({ id, roles });
const resident = actor([]);
const admin = actor([{ role: "admin", scope: "*" }]);
const official = actor([{ role: "official", scope: "*" }]);
const youthOfficial = actor([{ role: "official", scope: "youth" }]);
const moderator = actor([{ role: "youth_moderator", scope: "youth" }]);

/** Asks a permission the way a caller would; `undefined` for a scoped one is the unsafe call the types forbid. */
function ask(who: Actor | null, permission: Permission, programme: ProgrammeKind | undefined): boolean {
  return isScopedPermission(permission) ? can(who, permission, programme as ProgrammeKind) : can(who, permission);
}

describe("can", () => {
  const table: [string, Actor | null, Permission, "bo" | "youth" | "children" | undefined, boolean][] = [
    ["anonymous manages roles", null, "roles.manage", undefined, false],
    ["resident manages roles", resident, "roles.manage", undefined, false],
    ["admin manages roles", admin, "roles.manage", undefined, true],
    ["admin reads the audit log", admin, "audit.read", undefined, true],
    ["official reads the audit log", official, "audit.read", undefined, false],
    ["admin verifies (kept apart)", admin, "proposals.verify", "bo", false],
    ["official verifies BO", official, "proposals.verify", "bo", true],
    ["youth-scoped official verifies youth", youthOfficial, "proposals.verify", "youth", true],
    ["youth-scoped official verifies BO", youthOfficial, "proposals.verify", "bo", false],
    ["youth-scoped official opens the panel", youthOfficial, "official.panel", undefined, true],
    ["official publishes results", official, "results.publish", "children", true],
    ["moderator moderates youth", moderator, "youth.moderate", "youth", true],
    ["moderator moderates BO", moderator, "youth.moderate", "bo", false],
    ["official moderates youth (council's job)", official, "youth.moderate", "youth", false],
    ["moderator opens the moderation panel", moderator, "moderation.panel", undefined, true],
    ["resident opens the moderation panel", resident, "moderation.panel", undefined, false],
    ["moderator enters paper ballots", moderator, "ballots.enter_paper", "youth", false],
    // no programme is not "any programme"
    ["youth-scoped official publishes results of no programme", youthOfficial, "results.publish", undefined, false],
    ["youth-scoped official imports the register for no programme", youthOfficial, "register.import", undefined, false],
    ["city-wide official verifies no programme", official, "proposals.verify", undefined, false],
    ["moderator moderates no programme", moderator, "youth.moderate", undefined, false],
  ];
  it.each(table)("%s → %s", (_name, who, permission, programme, expected) => {
    expect(ask(who, permission, programme)).toBe(expected);
  });
});

describe("can: every permission × role × scope × programme", () => {
  const SCOPES: Scope[] = ["*", ...PROGRAMME_KINDS];
  const ASKED: (ProgrammeKind | undefined)[] = [undefined, ...PROGRAMME_KINDS];
  /** The rule written out independently of the implementation: which role a permission needs. */
  const NEEDS: Record<Permission, Role | "anyone" | "nobody"> = {
    "roles.manage": "admin",
    "audit.read": "admin",
    "edition.manage": "admin",
    "official.panel": "official",
    "moderation.panel": "youth_moderator",
    "dev.mailbox": "anyone",
    "proposals.verify": "official",
    "proposals.enter_paper": "official",
    "ballots.enter_paper": "official",
    "register.import": "official",
    "voting_point.run": "official",
    "results.publish": "official",
    "youth.moderate": "youth_moderator",
    "implementation.update": "official",
    "proposal.translate": "translator",
  };
  function expected(permission: Permission, grant: RoleGrant | null, programme: ProgrammeKind | undefined): boolean {
    const needs = NEEDS[permission];
    if (needs === "anyone") return true;
    if (!grant || grant.role !== needs) return false;
    if (!isScopedPermission(permission)) return true;
    if (programme === undefined) return false; // never "any programme"
    if (permission === "youth.moderate" && programme !== "youth") return false;
    return grant.scope === "*" || grant.scope === programme;
  }
  const rows: [Permission, string, RoleGrant | null, ProgrammeKind | undefined, boolean][] = [];
  for (const permission of [...SCOPED_PERMISSIONS, ...UNSCOPED_PERMISSIONS]) {
    const grants: (RoleGrant | null)[] = [null, ...ROLES.flatMap((role) => SCOPES.map((scope) => ({ role, scope })))];
    for (const grant of grants) {
      for (const programme of ASKED) rows.push([permission, grant ? `${grant.role}@${grant.scope}` : "resident", grant, programme, expected(permission, grant, programme)]);
    }
  }
  it("covers every permission, both kinds", () => {
    expect(new Set([...SCOPED_PERMISSIONS, ...UNSCOPED_PERMISSIONS]).size).toBe(Object.keys(NEEDS).length);
    expect(rows.length).toBe(Object.keys(NEEDS).length * (1 + ROLES.length * SCOPES.length) * ASKED.length);
  });
  it.each(rows)("%s as %s in %s → %s", (permission, _who, grant, programme, want) => {
    expect(ask(actor(grant ? [grant] : []), permission, programme)).toBe(want);
  });
  it.each(SCOPED_PERMISSIONS.flatMap((p) => PROGRAMME_KINDS.flatMap((scope) => PROGRAMME_KINDS.filter((k) => k !== scope).map((other) => [p, scope, other] as const))))(
    "%s: an official scoped to %s is refused in %s",
    (permission, scope, other) => {
      expect(can(actor([{ role: "official", scope }, { role: "youth_moderator", scope }]), permission, other)).toBe(false);
    },
  );
  it("programmesWhere lists the scope's programmes; canInAll needs every one and refuses an empty list", () => {
    expect(programmesWhere(youthOfficial, "results.publish")).toEqual(["youth"]);
    expect(programmesWhere(official, "results.publish")).toEqual([...PROGRAMME_KINDS]);
    expect(programmesWhere(resident, "proposals.verify")).toEqual([]);
    expect(canInAll(youthOfficial, "register.import", PROGRAMME_KINDS)).toBe(false);
    expect(canInAll(youthOfficial, "register.import", ["youth"])).toBe(true);
    expect(canInAll(actor([{ role: "official", scope: "bo" }, { role: "official", scope: "youth" }, { role: "official", scope: "children" }]), "register.import", PROGRAMME_KINDS)).toBe(true);
    expect(canInAll(official, "register.import", [])).toBe(false);
  });
});

describe("the types", () => {
  it("refuse a scoped permission without its programme, and a programme on an unscoped one", () => {
    // @ts-expect-error a scoped permission needs the programme concerned
    expect(can(official, "results.publish")).toBe(false);
    // @ts-expect-error an unscoped permission takes no programme
    expect(can(official, "official.panel", "bo")).toBe(true);
    expect(can(official, "results.publish", "bo")).toBe(true);
  });
  it("requirePermission follows the same signature", () => {
    // never called: only type-checked (npx tsc --noEmit)
    const checks = (rp: typeof requirePermission, r: Request) => [
      // @ts-expect-error a scoped permission needs the programme concerned
      rp(r, "register.import"),
      rp(r, "register.import", "youth"),
      rp(r, "official.panel"),
    ];
    expect(typeof checks).toBe("function");
  });
});

describe("checkRoleChange", () => {
  it("grants a new role", () => {
    expect(checkRoleChange({ kind: "grant", by: admin, targetUserId: "u2", role: "official", scope: "bo" }, [])).toEqual({ ok: true });
  });
  it("refuses a duplicate grant", () => {
    expect(checkRoleChange({ kind: "grant", by: admin, targetUserId: "u2", role: "official", scope: "bo" }, [{ role: "official", scope: "bo" }])).toEqual({
      ok: false,
      reason: "role_already_granted",
    });
  });
  it("refuses a youth moderator outside the youth programme", () => {
    expect(checkRoleChange({ kind: "grant", by: admin, targetUserId: "u2", role: "youth_moderator", scope: "bo" }, [])).toEqual({
      ok: false,
      reason: "youth_moderator_scope",
    });
  });
  it("refuses revoking a role the person does not have", () => {
    expect(checkRoleChange({ kind: "revoke", by: admin, targetUserId: "u2", role: "admin", scope: "*" }, [])).toEqual({ ok: false, reason: "role_not_granted" });
  });
  it("refuses an admin revoking their own admin role, allows revoking another admin", () => {
    const mine = [{ role: "admin" as const, scope: "*" as const }];
    expect(checkRoleChange({ kind: "revoke", by: admin, targetUserId: "u1", role: "admin", scope: "*" }, mine)).toEqual({ ok: false, reason: "cannot_revoke_own_admin" });
    expect(checkRoleChange({ kind: "revoke", by: admin, targetUserId: "u9", role: "admin", scope: "*" }, mine)).toEqual({ ok: true });
  });
});

describe("RoleChangeInputSchema", () => {
  it("accepts a grant and trims the reason", () => {
    expect(RoleChangeInputSchema.parse({ intent: "grant", userId: "usr_1", role: "official", scope: "bo", reason: "  nowa osoba  " }).reason).toBe("nowa osoba");
  });
  it.each([
    [{ intent: "promote", userId: "u", role: "official", scope: "*" }],
    [{ intent: "grant", userId: "u", role: "superuser", scope: "*" }],
    [{ intent: "grant", userId: "u", role: "official", scope: "everything" }],
    [{ intent: "grant", userId: "", role: "official", scope: "*" }],
  ])("refuses %j", (input) => {
    expect(RoleChangeInputSchema.safeParse(input).success).toBe(false);
  });
});
