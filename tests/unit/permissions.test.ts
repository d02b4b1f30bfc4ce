import { describe, expect, it } from "vitest";
import { can, checkRoleChange, RoleChangeInputSchema, type Actor, type Permission } from "~/domain/permissions";

const actor = (roles: Actor["roles"], id = "u1"): Actor => ({ id, roles });
const resident = actor([]);
const admin = actor([{ role: "admin", scope: "*" }]);
const official = actor([{ role: "official", scope: "*" }]);
const youthOfficial = actor([{ role: "official", scope: "youth" }]);
const moderator = actor([{ role: "youth_moderator", scope: "youth" }]);

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
  ];
  it.each(table)("%s → %s", (_name, who, permission, programme, expected) => {
    expect(can(who, permission, programme)).toBe(expected);
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
