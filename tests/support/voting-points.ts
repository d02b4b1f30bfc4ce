/**
 * Test-only ways to give a test a device enrolled for a voting point, through the same service or
 * the same admin page an administrator uses — never a bypass in the application.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { DEMO_USERS } from "../../app/cli/seed";
import type { Actor } from "~/domain/permissions";
import { enrolDevice, setPointOfficials } from "~/services/voting-points-admin.server";
import { listPointOfficials } from "~/data/voting-points.server";
import { formPost, signIn } from "./http";

/** The demo administrator, as the services see him. */
export const DEMO_ADMIN: Actor = { id: "usr_demo_admin", roles: [{ role: "admin", scope: "*" }] };

/** Enrols a device for `pointId` (and assigns `officialIds` besides those already there); returns the device token. */
export async function enrolTestDevice(db: Kysely<Database>, pointId: string, officialIds: readonly string[] = []): Promise<string> {
  if (officialIds.length) {
    const current = (await listPointOfficials(db, [pointId])).map((o) => o.userId);
    const set = await setPointOfficials(db, DEMO_ADMIN, pointId, [...current, ...officialIds]);
    if (!set.ok) throw new Error(set.reason);
  }
  const enrolled = await enrolDevice(db, DEMO_ADMIN, pointId, "Test device");
  if (!enrolled.ok) throw new Error(enrolled.reason);
  return enrolled.token;
}

/** Over HTTP: the demo administrator enrols a device for `pointId` on its admin page; returns the bo_device token. */
export async function enrolDeviceOverHttp(baseURL: string, pointId: string, label = "Test device"): Promise<string> {
  const admin = DEMO_USERS.find((u) => u.id === "usr_demo_admin")!;
  const cookie = await signIn(baseURL, admin.email, admin.password);
  const res = await formPost(baseURL, `/admin/voting-points/${pointId}`, { intent: "enrol", label }, cookie);
  const token = res.headers.get("set-cookie")?.match(/bo_device=([^;]+)/)?.[1];
  if (res.status !== 302 || !token) throw new Error(`enrolment failed: ${res.status}`);
  return token;
}
