/**
 * Voting points run by administrators: what may open a point on a device, and what a point's
 * fields may hold. Pure: the services load the rows and ask these functions.
 */
import { z } from "zod";

/** Why an official may not open a point on this device; each maps to a message saying what to do. */
export const OPEN_POINT_REFUSALS = ["point_inactive", "official_not_assigned", "device_not_enrolled", "device_revoked"] as const;
export type OpenPointRefusal = (typeof OPEN_POINT_REFUSALS)[number];

export interface OpenPointFacts {
  point: { id: string; active: boolean };
  official: { assignedPointIds: readonly string[]; isAdmin: boolean };
  /** The device this request came from (by its cookie), if it is enrolled for any point. */
  device: { votingPointId: string; revokedAt: string | null } | null;
}

/**
 * May this official open this point on this device? The point must be active; the official must be
 * assigned to it (an administrator who also runs points need not be); and the device must be
 * enrolled for this very point and not revoked, so a password alone opens nothing elsewhere.
 */
export function canOpenPoint(f: OpenPointFacts): { ok: true } | { ok: false; reason: OpenPointRefusal } {
  if (!f.point.active) return { ok: false, reason: "point_inactive" };
  if (!f.official.isAdmin && !f.official.assignedPointIds.includes(f.point.id)) return { ok: false, reason: "official_not_assigned" };
  if (!f.device || f.device.votingPointId !== f.point.id) return { ok: false, reason: "device_not_enrolled" };
  if (f.device.revokedAt !== null) return { ok: false, reason: "device_revoked" };
  return { ok: true };
}

/** A trimmed text field; `missing` is the message both for a missing field and for one too short. */
const text = (max: number, missing: string, min = 0) =>
  z
    .string({ error: missing })
    .trim()
    .max(max, { error: "adminPoints.error.too_long" })
    .min(min, { error: missing });

/** The fields of a point an administrator types in. */
export const VotingPointFieldsSchema = z.object({
  name: text(120, "adminPoints.error.name_required", 3),
  address: text(200, "adminPoints.error.address_required", 3),
  openingHours: text(200, "adminPoints.error.too_long").default(""),
});
export type VotingPointFields = z.infer<typeof VotingPointFieldsSchema>;

/** The label of an enrolled device, e.g. "Laptop przy wejściu". */
export const DeviceLabelSchema = text(80, "adminPoints.error.label_required", 2);
