/**
 * Setting up editions (#13), for administrators with `edition.manage`: create one or copy the
 * previous one a year later, its name and rules document (text and a PDF), its programmes, its
 * phase plan (with the public timeline of changes), closing voting early or extending it, and
 * activating it. Each use case loads, asks the domain, then writes with an audit row (before and
 * after) in one transaction; a refusal writes nothing.
 */
import { copyFile, rename, unlink, readFile, stat, open } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import type { Transaction } from "kysely";
import type { Database } from "../../db/schema";
import { getEditionKey } from "~/data/sealed-ballots.server";
import type { Db } from "../../db/client";
import { newId } from "~/auth/crypto.server";
import { insertAudit } from "~/data/audit.server";
import {
  countEditionPools,
  getEditionAdmin,
  getEditionAdminByYear,
  insertEdition,
  insertPhaseChange,
  insertPool,
  insertProgramme,
  listEditionPools,
  listProgrammesAdmin,
  otherActiveEdition,
  replacePhases,
  updateEdition,
  updateProgramme,
  type EditionAdminRow,
} from "~/data/edition-admin.server";
import { listPhaseWindows } from "~/data/editions.server";
import { contentDisposition, MAX_ATTACHMENT_BYTES, safeFileName, sniffContentType, SNIFF_BYTES, StorageKeySchema } from "~/domain/attachments";
import {
  changedPhases,
  checkActivation,
  checkPhasePlan,
  closeVotingEarly as decideCloseEarly,
  extendVoting as decideExtend,
  formatLanguages,
  reasonRequired,
  shiftYear,
  warsawToUtc,
  type ActivateRefusal,
  type EditionUpdateInput,
  type PlanRefusal,
  type ProgrammeInput,
} from "~/domain/edition-setup";
import { can, type Actor } from "~/domain/permissions";
import type { PhaseWindow } from "~/domain/phases";
import type { Phase } from "~/domain/rules";
import { withoutExclusiveGroups } from "~/domain/exclusive-groups";
import { uploadDir } from "./attachments.server";
import { copyVotingPoints } from "./voting-points-admin.server";

type Trx = Transaction<Database>;
type Refusal<R extends string> = { ok: false; reason: R | "not_allowed" | "not_found" };
const NO = <R extends string>(reason: R) => ({ ok: false as const, reason });
const audit = (trx: Trx, by: Actor, action: string, objectId: string, before: unknown, after: unknown, now: Date, reason?: string | null) =>
  insertAudit(trx, { actorUserId: by.id, actorRole: "admin", action, objectType: "edition", objectId, before, after, reason: reason ?? null }, now);

const editionId = (year: number) => `ed_${year}`;

export async function createEdition(db: Db, by: Actor, input: { year: number; name: string }, now = new Date()): Promise<{ ok: true; id: string } | Refusal<"year_taken">> {
  if (!can(by, "edition.manage")) return NO("not_allowed");
  return db.transaction().execute(async (trx) => {
    if (await getEditionAdminByYear(trx, input.year)) return NO("year_taken");
    const id = editionId(input.year);
    await insertEdition(trx, { id, year: input.year, name: input.name }, now);
    await audit(trx, by, "edition.create", id, null, { year: input.year, name: input.name, status: "draft" }, now);
    return { ok: true as const, id };
  });
}

const snapshot = (e: EditionAdminRow) => ({ name: e.name, rulesText: e.rulesText, rulesPdfName: e.rulesPdfName, status: e.status, allowPhaseGaps: e.allowPhaseGaps, smallGroupThreshold: e.smallGroupThreshold });

/** The small-group threshold (#15) may be left out: it then stays as it is. */
export async function updateEditionDetails(db: Db, by: Actor, id: string, input: Omit<EditionUpdateInput, "smallGroupThreshold"> & Partial<Pick<EditionUpdateInput, "smallGroupThreshold">>, now = new Date()): Promise<{ ok: true } | Refusal<"edition_archived">> {
  if (!can(by, "edition.manage")) return NO("not_allowed");
  return db.transaction().execute(async (trx) => {
    const before = await getEditionAdmin(trx, id);
    if (!before) return NO("not_found");
    if (before.status === "archived") return NO("edition_archived");
    await updateEdition(trx, id, { name: input.name, rulesText: input.rulesText, smallGroupThreshold: input.smallGroupThreshold });
    await audit(trx, by, "edition.update", id, snapshot(before), snapshot((await getEditionAdmin(trx, id))!), now);
    return { ok: true as const };
  });
}

async function isPdf(path: string): Promise<boolean> {
  const fh = await open(path, "r");
  try {
    const buf = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await fh.read(buf, 0, SNIFF_BYTES, 0);
    return sniffContentType(buf.subarray(0, bytesRead)) === "application/pdf";
  } finally {
    await fh.close();
  }
}

export type PdfRefusal = "attachment_missing" | "attachment_too_big" | "attachment_wrong_type" | "edition_archived";

/**
 * Stores the uploaded rules PDF (the type read from its first bytes) under a new random key and
 * removes the one it replaces. The temporary upload is gone afterwards whatever happens.
 */
export async function setRulesPdf(db: Db, by: Actor, id: string, upload: { tempPath: string | null; tooBig?: boolean; originalName: string }, opts: { dir?: string; now?: Date } = {}): Promise<{ ok: true } | Refusal<PdfRefusal>> {
  const dir = opts.dir ?? uploadDir();
  const now = opts.now ?? new Date();
  const discard = async () => {
    if (upload.tempPath) await unlink(upload.tempPath).catch(() => undefined);
  };
  if (!can(by, "edition.manage")) return discard().then(() => NO("not_allowed"));
  if (upload.tooBig) return discard().then(() => NO("attachment_too_big"));
  const size = upload.tempPath ? (await stat(upload.tempPath)).size : 0;
  if (!upload.tempPath || size === 0) return discard().then(() => NO("attachment_missing"));
  if (size > MAX_ATTACHMENT_BYTES) return discard().then(() => NO("attachment_too_big"));
  if (!(await isPdf(upload.tempPath))) return discard().then(() => NO("attachment_wrong_type"));
  const key = randomBytes(16).toString("hex");
  let old: string | null = null;
  try {
    const r = await db.transaction().execute(async (trx) => {
      const before = await getEditionAdmin(trx, id);
      if (!before) return NO("not_found");
      if (before.status === "archived") return NO("edition_archived");
      old = before.rulesPdfKey;
      await updateEdition(trx, id, { rulesPdfKey: key, rulesPdfName: safeFileName(upload.originalName, "application/pdf") });
      await audit(trx, by, "edition.rules_pdf", id, { rulesPdfName: before.rulesPdfName }, { rulesPdfName: safeFileName(upload.originalName, "application/pdf"), sizeBytes: size }, now);
      await rename(upload.tempPath!, join(dir, key)); // last: a failed rename rolls the row back
      return { ok: true as const };
    });
    if (!r.ok) await discard();
    else if (old && StorageKeySchema.safeParse(old).success) await unlink(join(dir, old)).catch(() => undefined);
    return r;
  } catch (e) {
    await discard();
    throw e;
  }
}

/** The response for /editions/:year/rules.pdf, or null (404). Same safe headers as attachments. */
export async function serveRulesPdf(db: Db, year: number, dir = uploadDir()): Promise<{ body: Buffer; headers: Record<string, string> } | null> {
  const e = await getEditionAdminByYear(db, year);
  if (!e || !e.rulesPdfKey || !StorageKeySchema.safeParse(e.rulesPdfKey).success) return null;
  const body = await readFile(join(dir, e.rulesPdfKey)).catch(() => null);
  if (!body) return null;
  return {
    body,
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(body.length),
      "Content-Disposition": contentDisposition(e.rulesPdfName ?? `regulamin-${year}.pdf`, false),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cross-Origin-Resource-Policy": "same-origin",
      // a new upload gets a new key but the same URL: keep caches short
      "Cache-Control": "public, max-age=300",
    },
  };
}

/** Copies the source edition's voting points (and their officials; devices are enrolled again) into the new one. */
export function copyVotingPointsToEdition(trx: Trx, fromEditionId: string, toEditionId: string, by: Actor, now: Date): Promise<number> {
  return copyVotingPoints(trx, fromEditionId, toEditionId, by, now);
}

/** The name of the copy: the source's name with its year replaced, or the year appended (empty stays empty). */
export function copiedName(name: string, fromYear: number, toYear: number): string {
  const trimmed = name.trim();
  if (trimmed.includes(String(fromYear))) return trimmed.split(String(fromYear)).join(String(toYear));
  return trimmed ? `${trimmed} ${toYear}` : ""; // no name to go on: the administrator names it
}

/**
 * A new draft edition of `year` copied from `fromId`: its programmes, pools (ballot and selection
 * rules, caps, thresholds and budgets; nothing carried over), phase dates at the same Warsaw
 * wall-clock times shifted by the difference in years, the gap setting, the rules text and PDF.
 */
export async function copyEdition(db: Db, by: Actor, fromId: string, year: number, opts: { dir?: string; now?: Date } = {}): Promise<{ ok: true; id: string } | Refusal<"year_taken" | "year_not_later">> {
  const dir = opts.dir ?? uploadDir();
  const now = opts.now ?? new Date();
  if (!can(by, "edition.manage")) return NO("not_allowed");
  let newKey: string | null = null;
  try {
    const r = await db.transaction().execute(async (trx) => {
      const from = await getEditionAdmin(trx, fromId);
      if (!from) return NO("not_found");
      if (year <= from.year) return NO("year_not_later");
      if (await getEditionAdminByYear(trx, year)) return NO("year_taken");
      const id = editionId(year);
      const name = copiedName(from.name, from.year, year);
      await insertEdition(trx, { id, year, name }, now);
      if (from.rulesPdfKey && StorageKeySchema.safeParse(from.rulesPdfKey).success) {
        newKey = randomBytes(16).toString("hex");
        const copied = await copyFile(join(dir, from.rulesPdfKey), join(dir, newKey)).then(() => true, () => false);
        if (!copied) newKey = null;
      }
      await updateEdition(trx, id, { rulesText: from.rulesText, allowPhaseGaps: from.allowPhaseGaps, smallGroupThreshold: from.smallGroupThreshold, rulesPdfKey: newKey, rulesPdfName: newKey ? from.rulesPdfName : null });
      const programmeIds = new Map<string, string>();
      for (const p of await listProgrammesAdmin(trx, fromId)) {
        const pid = `${id}_${p.kind}`;
        programmeIds.set(p.id, pid);
        await insertProgramme(trx, id, { ...p, id: pid });
      }
      const pools = await listEditionPools(trx, fromId);
      for (const p of pools) {
        await insertPool(trx, { id: newId("pool"), programmeId: programmeIds.get(p.programme_id)!, districtId: p.district_id, kind: p.kind, budgetGrosze: Number(p.budget_grosze), maxProjectCostGrosze: p.max_project_cost_grosze === null ? null : Number(p.max_project_cost_grosze), ballotRule: p.ballot_rule, selectionRule: withoutExclusiveGroups(p.selection_rule), position: p.position });
      }
      const shiftBy = (iso: string) => Array.from({ length: year - from.year }).reduce<string>((acc) => shiftYear(acc), iso);
      const phases = (await listPhaseWindows(trx, fromId)).map((w) => ({ ...w, startsAt: shiftBy(w.startsAt), endsAt: shiftBy(w.endsAt) }));
      await replacePhases(trx, id, phases);
      const votingPoints = await copyVotingPointsToEdition(trx, fromId, id, by, now);
      await audit(trx, by, "edition.copy", id, { from: fromId }, { year, name, programmes: programmeIds.size, pools: pools.length, phases: phases.length, votingPoints, rulesPdf: !!newKey }, now);
      return { ok: true as const, id };
    });
    if (!r.ok && newKey) await unlink(join(dir, newKey)).catch(() => undefined);
    return r;
  } catch (e) {
    if (newKey) await unlink(join(dir, newKey)).catch(() => undefined);
    throw e;
  }
}

type PhaseRefusal = PlanRefusal | "reason_required" | "edition_archived";

/** Writes the changed phases to the public timeline (only for an active edition: a draft is not public yet). */
async function recordChanges(trx: Trx, by: Actor, e: EditionAdminRow, before: PhaseWindow[], after: PhaseWindow[], phases: Phase[], kind: "change" | "close_early" | "extend", reason: string | null, now: Date) {
  if (e.status !== "active") return;
  for (const phase of phases) {
    const b = before.find((w) => w.phase === phase);
    const a = after.find((w) => w.phase === phase)!;
    await insertPhaseChange(trx, e.id, { id: newId("phc"), phase, startsBefore: b?.startsAt ?? null, endsBefore: b?.endsAt ?? null, startsAfter: a.startsAt, endsAfter: a.endsAt, publicReason: reason, kind, changedAt: now.toISOString() }, by.id);
  }
}

/**
 * Saves the whole phase plan. Changing a phase that has started needs a public reason; changes to
 * an active edition are listed on its public timeline.
 */
export async function savePhases(
  db: Db,
  by: Actor,
  id: string,
  input: { windows: { phase: Phase; startsAt: string | null; endsAt: string | null }[]; allowGaps: boolean; reason?: string | null },
  now = new Date(),
): Promise<{ ok: true; changed: Phase[] } | (Refusal<PhaseRefusal> & { phase?: Phase })> {
  if (!can(by, "edition.manage")) return NO("not_allowed");
  const reason = input.reason?.trim() || null;
  return db.transaction().execute(async (trx) => {
    const e = await getEditionAdmin(trx, id);
    if (!e) return NO("not_found");
    if (e.status === "archived") return NO("edition_archived");
    const check = checkPhasePlan(input.windows, { allowGaps: input.allowGaps });
    if (!check.ok) return check;
    const before = await listPhaseWindows(trx, id);
    const changed = changedPhases(before, check.plan);
    if (reasonRequired(before, check.plan, now) && !reason) return NO("reason_required");
    if (changed.length === 0 && input.allowGaps === e.allowPhaseGaps) return { ok: true as const, changed };
    await replacePhases(trx, id, check.plan);
    await updateEdition(trx, id, { allowPhaseGaps: input.allowGaps });
    await recordChanges(trx, by, e, before, check.plan, changed, "change", reason, now);
    await audit(trx, by, "edition.phases", id, { phases: before, allowPhaseGaps: e.allowPhaseGaps }, { phases: check.plan, allowPhaseGaps: input.allowGaps }, now, reason);
    return { ok: true as const, changed };
  });
}

type VotingRefusal = "reason_required" | "voting_not_open" | "voting_ended" | "extend_not_later" | "phase_missing" | "phase_invalid_date" | "edition_archived";

async function changeVoting(db: Db, by: Actor, id: string, kind: "close_early" | "extend", reason: string, now: Date, decide: (w: PhaseWindow[]) => ReturnType<typeof decideCloseEarly>): Promise<{ ok: true } | Refusal<VotingRefusal>> {
  if (!can(by, "edition.manage")) return NO("not_allowed");
  const why = reason.trim();
  if (!why) return NO("reason_required");
  return db.transaction().execute(async (trx) => {
    const e = await getEditionAdmin(trx, id);
    if (!e) return NO("not_found");
    if (e.status === "archived") return NO("edition_archived");
    const before = await listPhaseWindows(trx, id);
    const r = decide(before);
    if (!r.ok) return r;
    await replacePhases(trx, id, r.plan);
    await recordChanges(trx, by, e, before, r.plan, r.changed, kind, why, now);
    await audit(trx, by, `edition.voting_${kind}`, id, { phases: before }, { phases: r.plan }, now, why);
    return { ok: true as const };
  });
}

/** Ends voting now and starts counting now (voting must be open). */
export function closeVotingEarly(db: Db, by: Actor, id: string, reason: string, now = new Date()) {
  return changeVoting(db, by, id, "close_early", reason, now, (w) => decideCloseEarly(w, now));
}

/** Moves the end of voting later (a Warsaw datetime-local value); counting and results move with it. */
export function extendVoting(db: Db, by: Actor, id: string, newEndLocal: string, reason: string, now = new Date()) {
  const newEnd = warsawToUtc(newEndLocal);
  if (!newEnd) return Promise.resolve(can(by, "edition.manage") ? NO("phase_invalid_date") : NO("not_allowed"));
  return changeVoting(db, by, id, "extend", reason, now, (w) => decideExtend(w, newEnd, now));
}

/** Adds a programme (one of each kind per edition) or, with `programmeId`, edits one (its kind stays). */
export async function saveProgramme(db: Db, by: Actor, id: string, input: ProgrammeInput, programmeId?: string, now = new Date()): Promise<{ ok: true; id: string } | Refusal<"programme_exists" | "edition_archived">> {
  if (!can(by, "edition.manage")) return NO("not_allowed");
  return db.transaction().execute(async (trx) => {
    const e = await getEditionAdmin(trx, id);
    if (!e) return NO("not_found");
    if (e.status === "archived") return NO("edition_archived");
    const programmes = await listProgrammesAdmin(trx, id);
    const values = { moderation: input.moderation, minAge: input.minAge, maxAge: input.maxAge, guardianBelowAge: input.guardianBelowAge, supportsRequired: input.supportsRequired, languages: formatLanguages(input.languages) };
    if (programmeId) {
      const before = programmes.find((p) => p.id === programmeId);
      if (!before) return NO("not_found");
      await updateProgramme(trx, programmeId, values);
      await audit(trx, by, "edition.programme_update", id, before, { ...before, ...values }, now);
      return { ok: true as const, id: programmeId };
    }
    if (programmes.some((p) => p.kind === input.kind)) return NO("programme_exists");
    const pid = `${id}_${input.kind}`;
    const row = { id: pid, kind: input.kind, position: programmes.length, ...values };
    await insertProgramme(trx, id, row);
    await audit(trx, by, "edition.programme_add", id, null, row, now);
    return { ok: true as const, id: pid };
  });
}

/** A draft edition becomes the current one: it needs programmes, pools and all phases, and no other active edition. */
export async function activateEdition(db: Db, by: Actor, id: string, now = new Date()): Promise<{ ok: true } | Refusal<ActivateRefusal>> {
  if (!can(by, "edition.manage")) return NO("not_allowed");
  return db.transaction().execute(async (trx) => {
    const e = await getEditionAdmin(trx, id);
    if (!e) return NO("not_found");
    const verdict = checkActivation({
      status: e.status,
      otherActive: await otherActiveEdition(trx, id),
      programmes: (await listProgrammesAdmin(trx, id)).length,
      pools: await countEditionPools(trx, id),
      phases: (await listPhaseWindows(trx, id)).length,
      commissionKey: (await getEditionKey(trx, id)) !== null,
    });
    if (!verdict.ok) return verdict;
    await updateEdition(trx, id, { status: "active" });
    await audit(trx, by, "edition.activate", id, { status: e.status }, { status: "active" }, now);
    return { ok: true as const };
  });
}
