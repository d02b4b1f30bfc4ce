/**
 * One row of the voter register the city provides (CSV), checked and normalised before hashing.
 * Columns (by header name): pesel, karta_number, first_name, last_name, parent_first_name,
 * district, age_band (optional; for Karta holders without a PESEL), guardian_pesel and
 * guardian_karta (optional, for a child: the PESEL(s) or card number(s) of who may vote for the
 * child, several separated by "|"). A row needs a PESEL with the parent's first name, or a Karta
 * number with first and last name, or both (then the two identifiers are one person). Sex is
 * neither read nor stored.
 */
import { AGE_BANDS, ageBand, ageOn, parsePesel, type AgeBand, type CalendarDate } from "./pesel";
import { parseKartaNumber } from "./karta";
import { kartaKeyString, normaliseName, peselKeyString } from "./identity";

export type RegisterRowReason =
  | "register_no_identifier"
  | "register_pesel_invalid"
  | "register_parent_name_invalid"
  | "register_karta_invalid"
  | "register_name_invalid"
  | "register_district_unknown"
  | "register_age_band_invalid"
  | "register_duplicate_in_file"
  | "register_guardian_invalid";

export interface RegisterRow {
  /** Canonical strings to hash: the person key (unique) and the check key (with the names). */
  pesel?: { personKey: string; checkKey: string };
  karta?: { personKey: string; checkKey: string };
  districtId: string | null;
  ageBand: AgeBand | null;
  /** Person keys ("pesel:…", "karta:…") of the guardians who may vote for this person as a child. */
  guardians: string[];
}

export function parseRegisterRow(
  raw: Record<string, string | undefined>,
  ctx: { districtIdByName: (name: string) => string | null; today: CalendarDate },
): { ok: true; row: RegisterRow } | { ok: false; reason: RegisterRowReason } {
  const cell = (k: string) => (raw[k] ?? "").trim();
  const peselIn = cell("pesel");
  const kartaIn = cell("karta_number");
  if (!peselIn && !kartaIn) return { ok: false, reason: "register_no_identifier" };

  let pesel: RegisterRow["pesel"];
  let band: AgeBand | null = null;
  if (peselIn) {
    const p = parsePesel(peselIn);
    if (!p.ok) return { ok: false, reason: "register_pesel_invalid" };
    const key = peselKeyString(p.pesel, cell("parent_first_name"));
    if (!key.ok) return { ok: false, reason: "register_parent_name_invalid" };
    pesel = { personKey: `pesel:${p.pesel}`, checkKey: key.keyString };
    band = ageBand(Math.max(0, ageOn(p.birthDate, ctx.today)));
  }

  let karta: RegisterRow["karta"];
  if (kartaIn) {
    const k = parseKartaNumber(kartaIn);
    if (!k.ok) return { ok: false, reason: "register_karta_invalid" };
    if (!normaliseName(cell("first_name")).ok || !normaliseName(cell("last_name")).ok) return { ok: false, reason: "register_name_invalid" };
    const key = kartaKeyString(k.cardNumber, cell("first_name"), cell("last_name"));
    if (!key.ok) return { ok: false, reason: "register_name_invalid" };
    karta = { personKey: `karta:${k.cardNumber}`, checkKey: key.keyString };
  }

  const bandIn = cell("age_band");
  if (!band && bandIn) {
    if (!(AGE_BANDS as readonly string[]).includes(bandIn)) return { ok: false, reason: "register_age_band_invalid" };
    band = bandIn as AgeBand;
  }

  const districtIn = cell("district");
  const districtId = districtIn ? ctx.districtIdByName(districtIn) : null;
  if (districtIn && !districtId) return { ok: false, reason: "register_district_unknown" };

  const guardians: string[] = [];
  for (const g of cell("guardian_pesel").split("|").map((x) => x.trim()).filter(Boolean)) {
    const gp = parsePesel(g);
    if (!gp.ok) return { ok: false, reason: "register_guardian_invalid" };
    guardians.push(`pesel:${gp.pesel}`);
  }
  for (const g of cell("guardian_karta").split("|").map((x) => x.trim()).filter(Boolean)) {
    const gk = parseKartaNumber(g);
    if (!gk.ok) return { ok: false, reason: "register_guardian_invalid" };
    guardians.push(`karta:${gk.cardNumber}`);
  }

  return { ok: true, row: { pesel, karta, districtId, ageBand: band, guardians } };
}

/** The part of a key string that identifies the person (without the names used as a second factor). */
export function personKeyOf(keyString: string): string {
  return keyString.split("|")[0]!;
}
