/**
 * Every migration, registered statically: Kysely's FileMigrationProvider cannot import .ts files
 * under vitest or from the bundled server build. Add new migrations here, in order; never edit one
 * that has been merged (fix forward).
 */
import type { Migration, MigrationProvider } from "kysely";
import * as m20261122T0240 from "./2026-11-22T02-40_create_editions";
import * as m20261122T0300 from "./2026-11-22T03-00_create_accounts";
import * as m20261122T0330 from "./2026-11-22T03-30_create_voting";
import * as m20261122T0400 from "./2026-11-22T04-00_create_proposal_workflow";
import * as m20261122T0500 from "./2026-11-22T05-00_extend_results";
import * as m20261122T0610 from "./2026-11-22T06-10_add_submission_extras";
import * as m20261122T0620 from "./2026-11-22T06-20_extend_decisions";
import * as m20261202T2000 from "./2026-12-02T20-00_harden_identification";
import * as m20261202T2010 from "./2026-12-02T20-10_hash_tokens";
import * as m20261202T2020 from "./2026-12-02T20-20_protect_personal_data";
import * as m20261203T0120 from "./2026-12-03T01-20_voting_point_admin";
import * as m20261203T0130 from "./2026-12-03T01-30_register_editions";
import * as m20261203T0100 from "./2026-12-03T01-00_edition_settings";
import * as m20261203T0110 from "./2026-12-03T01-10_district_pools";
import * as m20261203T0500 from "./2026-12-03T05-00_sealed_ballots";
import * as m20261203T0510 from "./2026-12-03T05-10_implementation_tracking";
import * as m20261203T0530 from "./2026-12-03T05-30_small_groups";
import * as m20261203T0820 from "./2026-12-03T08-20_ballot_order";
import * as m20261203T0830 from "./2026-12-03T08-30_following";
import * as m20261203T0840 from "./2026-12-03T08-40_proposal_translations";

export const migrations: Record<string, Migration> = {
  "2026-11-22T02-40_create_editions": m20261122T0240,
  "2026-11-22T03-00_create_accounts": m20261122T0300,
  "2026-11-22T03-30_create_voting": m20261122T0330,
  "2026-11-22T04-00_create_proposal_workflow": m20261122T0400,
  "2026-11-22T05-00_extend_results": m20261122T0500,
  "2026-11-22T06-10_add_submission_extras": m20261122T0610,
  "2026-11-22T06-20_extend_decisions": m20261122T0620,
  "2026-12-02T20-00_harden_identification": m20261202T2000,
  "2026-12-02T20-10_hash_tokens": m20261202T2010,
  "2026-12-02T20-20_protect_personal_data": m20261202T2020,
  "2026-12-03T01-20_voting_point_admin": m20261203T0120,
  "2026-12-03T01-30_register_editions": m20261203T0130,
  "2026-12-03T01-00_edition_settings": m20261203T0100,
  "2026-12-03T01-10_district_pools": m20261203T0110,
  "2026-12-03T05-00_sealed_ballots": m20261203T0500,
  "2026-12-03T05-10_implementation_tracking": m20261203T0510,
  "2026-12-03T05-30_small_groups": m20261203T0530,
  "2026-12-03T08-20_ballot_order": m20261203T0820,
  "2026-12-03T08-30_following": m20261203T0830,
  "2026-12-03T08-40_proposal_translations": m20261203T0840,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
