/**
 * Public statistics of who voted, with small groups protected (#15, app/domain/small-groups.ts):
 * the statistics page of an edition and the live turnout page. Both build the district × channel
 * table the same way (rows by district id, "no district" last; channels in a fixed order), so the
 * channel totals one page shows and the cells the other shows come from one protected table and
 * cannot be combined to recover a hidden cell.
 */
import type { Db } from "../../db/client";
import { getVotingProgramme, listTurnout } from "~/data/ballots.server";
import { listDistricts } from "~/data/districts.server";
import { getSmallGroupThreshold, listParticipationCells } from "~/data/small-groups.server";
import { crossTab, mergedList, protectTable, showCount, STAT_CHANNELS } from "~/domain/small-groups";
import { AGE_BANDS } from "~/domain/voting/pesel";

const PROGRAMMES = ["bo", "youth", "children"] as const;
type Kind = (typeof PROGRAMMES)[number];

function districtRows(ids: (string | null)[]): (string | null)[] {
  const set = [...new Set(ids)];
  return [...set.filter((d): d is string => d !== null).sort(), ...(set.includes(null) ? [null] : [])];
}

/** The district × channel table of one programme, protected for threshold `k`. */
export function protectChannels(cells: readonly { districtId: string | null; channel: string; voters: number }[], k: number) {
  const tab = crossTab(
    cells.map((c) => ({ row: c.districtId, col: c.channel, voters: c.voters })),
    districtRows(cells.map((c) => c.districtId)),
    STAT_CHANNELS,
  );
  return { rows: tab.rows, cols: tab.cols, table: protectTable(tab.values, k) };
}

export interface ProgrammeStats {
  kind: Kind;
  total: number;
  /** Voters per district: published at any size (see the domain module). */
  byDistrict: { district: string | null; voters: number }[];
  byChannel: { groups: { group: string; voters: number }[]; other: number | null };
  byAge: { groups: { group: string | null; voters: number }[]; other: number | null };
  /** Votes cast by guardians; null when hidden. */
  guardian: number | null;
  /** Whether anything was merged or hidden. */
  protected: boolean;
}

/** The statistics page of an edition. */
export async function publicVotingStatistics(db: Db, editionId: string): Promise<{ threshold: number; programmes: ProgrammeStats[] }> {
  const [threshold, cells] = await Promise.all([getSmallGroupThreshold(db, editionId), listParticipationCells(db, editionId)]);
  const programmes: ProgrammeStats[] = [];
  for (const kind of PROGRAMMES) {
    const mine = cells.filter((c) => c.programme === kind);
    if (mine.length === 0) continue;
    const total = mine.reduce((s, c) => s + c.voters, 0);
    const names = new Map(mine.map((c) => [c.districtId, c.districtName]));
    const channels = protectChannels(mine, threshold);
    const byDistrict = channels.rows.map((id, r) => ({ district: names.get(id) ?? null, voters: channels.table.rowTotals[r]! })).sort((a, b) => b.voters - a.voters);
    const ages = crossTab(
      mine.map((c) => ({ row: "all", col: c.ageBand, voters: c.voters })),
      ["all"],
      [...AGE_BANDS, null],
    );
    const ageTable = protectTable(ages.values, threshold);
    const guardianVoters = mine.filter((c) => c.onBehalf === "guardian").reduce((s, c) => s + c.voters, 0);
    const guardian = guardianVoters === 0 ? 0 : showCount(guardianVoters, total, threshold);
    programmes.push({
      kind,
      total,
      byDistrict,
      byChannel: mergedList(channels.cols, channels.table.colTotals, total),
      byAge: mergedList(ages.cols, ageTable.colTotals, total),
      guardian,
      protected: channels.table.colTotals.includes(null) || ageTable.colTotals.includes(null) || guardian === null,
    });
  }
  return { threshold, programmes };
}

export interface TurnoutLine {
  district: string | null;
  /** null: hidden (a small group, or a cell that would reveal one). */
  channels: Record<string, number | null>;
  total: number;
}

/** The live turnout page: the current edition's programmes, by district and channel. */
export async function publicTurnout(db: Db): Promise<{ threshold: number | null; programmes: { kind: Kind; total: number; lines: TurnoutLine[]; protected: boolean }[] }> {
  const districts = await listDistricts(db);
  const programmes = [];
  let threshold: number | null = null;
  for (const kind of PROGRAMMES) {
    const p = await getVotingProgramme(db, kind);
    if (!p) continue;
    threshold ??= await getSmallGroupThreshold(db, p.editionId);
    const rows = await listTurnout(db, p.programmeId);
    const { rows: ids, cols, table } = protectChannels(
      rows.map((r) => ({ districtId: r.districtId === "-" ? null : r.districtId, channel: r.channel, voters: r.voters })),
      threshold,
    );
    const lines = ids.map((id, r) => ({
      district: districts.find((d) => d.id === id)?.name ?? null,
      channels: Object.fromEntries(cols.map((c, i) => [c, table.cells[r]![i]!])),
      total: table.rowTotals[r]!,
    }));
    lines.sort((a, b) => b.total - a.total);
    programmes.push({ kind, total: table.total, lines, protected: table.hidden > 0 });
  }
  return { threshold, programmes };
}

type FlatRow = { programme: Kind; group: string | null; voters: number };

/**
 * The same protected statistics in the flat shape the old `votingStatistics` had (rows of
 * programme, group, voters), for readers such as the public API: hidden groups of a list come as
 * one row with group "other"; a hidden count of votes for children is left out.
 */
export async function votingStatisticsFlat(db: Db, editionId: string): Promise<{ byDistrict: FlatRow[]; byAge: FlatRow[]; byChannel: FlatRow[]; guardian: { programme: Kind; voters: number }[] }> {
  const { programmes } = await publicVotingStatistics(db, editionId);
  const list = (kind: Kind, l: { groups: { group: string | null; voters: number }[]; other: number | null }): FlatRow[] => [
    ...l.groups.map((g) => ({ programme: kind, group: g.group, voters: g.voters })),
    ...(l.other ? [{ programme: kind, group: "other", voters: l.other }] : []),
  ];
  return {
    byDistrict: programmes.flatMap((p) => p.byDistrict.map((r) => ({ programme: p.kind, group: r.district, voters: r.voters }))),
    byAge: programmes.flatMap((p) => list(p.kind, p.byAge)),
    byChannel: programmes.flatMap((p) => list(p.kind, p.byChannel)),
    guardian: programmes.flatMap((p) => (p.guardian ? [{ programme: p.kind, voters: p.guardian }] : [])),
  };
}
