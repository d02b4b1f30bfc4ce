import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canOpenPoint, DeviceLabelSchema, VotingPointFieldsSchema, type OpenPointFacts } from "~/domain/voting-points";

const base: OpenPointFacts = {
  point: { id: "vp_a", active: true },
  official: { assignedPointIds: ["vp_a"], isAdmin: false },
  device: { votingPointId: "vp_a", revokedAt: null },
};

describe("canOpenPoint", () => {
  it.each<[string, Partial<OpenPointFacts>, ReturnType<typeof canOpenPoint>]>([
    ["assigned official on this point's device", {}, { ok: true }],
    ["inactive point", { point: { id: "vp_a", active: false } }, { ok: false, reason: "point_inactive" }],
    ["official assigned elsewhere", { official: { assignedPointIds: ["vp_b"], isAdmin: false } }, { ok: false, reason: "official_not_assigned" }],
    ["official assigned nowhere", { official: { assignedPointIds: [], isAdmin: false } }, { ok: false, reason: "official_not_assigned" }],
    ["admin not assigned", { official: { assignedPointIds: [], isAdmin: true } }, { ok: true }],
    ["no device cookie", { device: null }, { ok: false, reason: "device_not_enrolled" }],
    ["device of another point", { device: { votingPointId: "vp_b", revokedAt: null } }, { ok: false, reason: "device_not_enrolled" }],
    ["revoked device", { device: { votingPointId: "vp_a", revokedAt: "2026-12-01T10:00:00.000Z" } }, { ok: false, reason: "device_revoked" }],
    ["inactive point wins over a missing device", { point: { id: "vp_a", active: false }, device: null }, { ok: false, reason: "point_inactive" }],
    ["admin still needs this point's device", { official: { assignedPointIds: [], isAdmin: true }, device: { votingPointId: "vp_b", revokedAt: null } }, { ok: false, reason: "device_not_enrolled" }],
  ])("%s", (_name, change, expected) => {
    expect(canOpenPoint({ ...base, ...change })).toEqual(expected);
  });

  it("never opens on a device enrolled for another point, whoever asks", () => {
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), fc.array(fc.constantFrom("vp_a", "vp_b", "vp_c")), fc.constantFrom("vp_b", "vp_c"), (active, isAdmin, assigned, devicePoint) => {
        const r = canOpenPoint({ point: { id: "vp_a", active }, official: { assignedPointIds: assigned, isAdmin }, device: { votingPointId: devicePoint, revokedAt: null } });
        expect(r.ok).toBe(false);
      }),
    );
  });
});

describe("point fields", () => {
  it("trims and accepts a point, hours optional", () => {
    expect(VotingPointFieldsSchema.parse({ name: "  Biblioteka  ", address: "ul. Świętojańska 1" })).toEqual({ name: "Biblioteka", address: "ul. Świętojańska 1", openingHours: "" });
  });
  it.each([
    [{ name: "", address: "ul. A 1" }, "adminPoints.error.name_required"],
    [{ name: "Punkt", address: " " }, "adminPoints.error.address_required"],
    [{ name: "x".repeat(121), address: "ul. A 1" }, "adminPoints.error.too_long"],
  ])("refuses %j with %s", (input, message) => {
    const r = VotingPointFieldsSchema.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toBe(message);
  });
  it("needs a device label", () => {
    expect(DeviceLabelSchema.safeParse(" ").success).toBe(false);
    expect(DeviceLabelSchema.parse(" Laptop przy wejściu ")).toBe("Laptop przy wejściu");
  });
});
