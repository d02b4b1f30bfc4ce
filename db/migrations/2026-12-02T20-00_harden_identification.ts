import type { Kysely } from "kysely";

/*
 * Hardening (#11): identification (placeholder, filled in by the identification work).
 */
/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unused-vars */
export async function up(db: Kysely<any>): Promise<void> {}

export async function down(db: Kysely<any>): Promise<void> {}
