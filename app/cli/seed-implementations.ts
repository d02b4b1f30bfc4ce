/**
 * The demo's implementation pages: the real 2025 city-wide winners (Pabulib) get an implementation
 * each, then plausible stages, dates, costs and timeline entries, written by the demo official
 * through the same services the officials' pages use. Runs only when the implementations were just
 * created, so re-running the seed changes nothing. Units are real kinds of city bodies; contacts are
 * demo addresses, never a person's.
 */
import type { Db } from "../../db/client";
import type { UpdateInput } from "../domain/implementation";
import type { Actor } from "../domain/permissions";
import { addImplementationEntry, ensureImplementations, implementationIdOf, updateImplementationState } from "../services/implementations.server";

const OFFICIAL: Actor = { id: "usr_demo_official", roles: [{ role: "official", scope: "*" }] };

type Plan = Omit<UpdateInput, "intent" | "confirm"> & { entries: [date: string, text: string][] };

const none = { plannedStart: null, plannedEnd: null, actualStart: null, actualEnd: null, actualCost: null, notFeasibleReason: undefined };

/** By rank in the 2025 city-wide vote (prp_2025_1 had the most votes). */
const PLANS: Record<string, Plan> = {
  prp_2025_1: {
    ...none,
    status: "in_progress",
    progressPct: 60,
    cityUnit: "Przedsiębiorstwo Komunikacji Trolejbusowej w Gdyni",
    contact: "realizacje-pkt@demo.bo-gdynia.pl",
    plannedStart: "2026-03-01",
    plannedEnd: "2026-11-30",
    actualStart: "2026-04-15",
    entries: [
      ["2026-04-15", "Trolejbus Ikarus 280E przyjechał do zajezdni przy ul. Zakręt do Oksywia. Zaczęła się ocena stanu nadwozia."],
      ["2026-09-02", "Nadwozie po piaskowaniu i naprawach blacharskich; trwa remont wnętrza i instalacji elektrycznej."],
    ],
  },
  prp_2025_2: {
    ...none,
    status: "done",
    progressPct: 100,
    cityUnit: "Gdyńskie Centrum Organizacji Pozarządowych",
    contact: "realizacje-gcop@demo.bo-gdynia.pl",
    plannedStart: "2026-01-05",
    plannedEnd: "2026-02-15",
    actualStart: "2026-01-08",
    actualEnd: "2026-02-10",
    actualCost: 6_380_000,
    entries: [
      ["2026-01-08", "Wybrano organizatora gier i ustalono trasy w pięciu dzielnicach."],
      ["2026-02-10", "Gry odbyły się 10 lutego, w setne urodziny Gdyni; wzięło w nich udział ponad 600 osób."],
    ],
  },
  prp_2025_3: {
    ...none,
    status: "procurement",
    progressPct: 15,
    cityUnit: "Zarząd Dróg i Zieleni w Gdyni",
    contact: "realizacje-zdiz@demo.bo-gdynia.pl",
    plannedStart: "2026-10-01",
    plannedEnd: "2026-12-15",
    entries: [["2026-10-20", "Ogłoszono zapytanie ofertowe na wykonanie i montaż 8 tablic z wizualizacjami 3D."]],
  },
  prp_2025_4: {
    ...none,
    status: "design",
    progressPct: 25,
    cityUnit: "Muzeum Miasta Gdyni",
    contact: "realizacje-muzeum@demo.bo-gdynia.pl",
    plannedStart: "2026-06-01",
    plannedEnd: "2027-03-31",
    entries: [["2026-07-01", "Historycy muzeum przygotowali scenariusze obu filmów; trwa wybór studia realizującego zdjęcia 360°."]],
  },
  prp_2025_5: {
    ...none,
    status: "planned",
    progressPct: 0,
    cityUnit: "Biblioteka Gdyńska",
    contact: "58 000 00 00",
    plannedStart: "2026-09-01",
    plannedEnd: "2026-12-20",
    entries: [],
  },
  prp_2025_6: {
    ...none,
    status: "done",
    progressPct: 100,
    cityUnit: "Centrum Kultury w Gdyni",
    contact: "realizacje-kultura@demo.bo-gdynia.pl",
    plannedStart: "2026-02-01",
    plannedEnd: "2026-06-30",
    actualStart: "2026-02-07",
    actualEnd: "2026-06-21",
    actualCost: 4_690_000,
    entries: [["2026-06-21", "Wernisaż wystawy prac z warsztatów w Gdyńskim Centrum Filmowym."]],
  },
  prp_2025_7: {
    ...none,
    status: "not_feasible",
    progressPct: 0,
    cityUnit: "Centrum Kultury w Gdyni",
    contact: "realizacje-kultura@demo.bo-gdynia.pl",
    notFeasibleReason:
      "Dwa postępowania na poprowadzenie warsztatów i prelekcji nie przyniosły żadnej oferty mieszczącej się w kwocie projektu (43 200 zł). Warsztaty miały towarzyszyć obchodom 100-lecia Gdyni w 2026 roku, więc przeniesienie ich na kolejny rok odebrałoby im sens. Niewydane środki wracają do budżetu miasta.",
    entries: [["2026-05-12", "Drugie zapytanie ofertowe zakończyło się bez ofert."]],
  },
};

export async function seedImplementations(db: Db, editionId: string, now: Date): Promise<void> {
  const created = await db.transaction().execute((trx) => ensureImplementations(trx, editionId, now));
  if (created === 0) return;
  for (const [proposalId, plan] of Object.entries(PLANS)) {
    const id = implementationIdOf(proposalId);
    const { entries, ...state } = plan;
    const r = await updateImplementationState(db, OFFICIAL, id, { intent: "update", ...state, confirm: "on" }, now);
    // a file other than the shipped 2025 vote may have other winners: those stay "planned"
    if (!r.ok && r.reason === "not_found") continue;
    if (!r.ok) throw new Error(`demo seed: implementation ${id}: ${r.reason}`);
    for (const [entryDate, text] of entries) {
      const e = await addImplementationEntry(db, OFFICIAL, { implementationId: id, entryDate, text, files: [] }, { now });
      if (!e.ok) throw new Error(`demo seed: implementation entry ${id}: ${e.reason}`);
    }
  }
}
