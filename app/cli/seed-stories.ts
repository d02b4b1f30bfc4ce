/**
 * A few demo proposals with the whole history an edition gives them, made by the workflow services
 * the pages call, each act at its moment of the phase plan: submitted by demo residents, supported,
 * checked formally and on the merits by the demo official (criteria ticked), rejected with a public
 * reason, appealed and reinstated, withdrawn, a youth proposal approved by the youth council, and
 * the final lists published before voting. Only the acts before `now` happen, so the stories stop
 * where the demo's phase is (in the submission phase they are submitted and gathering supports).
 */
import type { Db } from "../../db/client";
import type { PhaseWindow } from "../domain/phases";
import type { Actor, ProgrammeKind } from "../domain/permissions";
import type { ProposalInput } from "../domain/workflow/inputs";
import { FORMAL_CRITERIA, MERIT_CRITERIA } from "../domain/workflow/verification";
import { assignReviewer } from "../services/proposal-workflow.server";
import { appealProposal, decideProposal, publishFinalList, saveProposal, supportProposal, type DecisionIntent } from "../services/proposals.server";

const DAY = 86_400_000;
const ORIGIN = "http://localhost:3000";

export const DEMO_OFFICIAL: Actor = { id: "usr_demo_official", roles: [{ role: "official", scope: "*" }] };
export const DEMO_YOUTH_COUNCIL: Actor = { id: "usr_demo_youth", roles: [{ role: "youth_moderator", scope: "youth" }] };
const resident = (id: string): Actor => ({ id, roles: [] });

type Act = { at: Date; what: string; run: () => Promise<{ ok: boolean; reason?: string }> };

interface Story {
  key: string;
  author: string;
  text: Omit<ProposalInput, "intent" | "poolId" | "lat" | "lng" | "guardianName" | "guardianConsent">;
  pool: string;
  supports: number;
  /** What happens after submission and supports, in order: [phase, days into it, decision]. */
  then: [PhaseWindow["phase"], number, { intent: DecisionIntent | "appeal" | "assign"; by: "official" | "youth" | "author"; reason?: string; met?: readonly string[] }][];
}

const allBut = (list: readonly string[], ...missing: string[]) => list.filter((c) => !missing.includes(c));
const zl = (n: number) => n * 100;

function stories(year: number): Story[] {
  const pool = (p: string) => `pool_${year}_${p}`;
  return [
    {
      key: "reinstated",
      author: "usr_demo_supporter_11",
      pool: pool("dabrowa_large"),
      supports: 15,
      text: {
        title: "Zielony skwer przy ul. Rdestowej",
        summary: "Nasadzenia drzew i krzewów, ławki i stojaki rowerowe na nieużywanym trawniku przy ul. Rdestowej.",
        description: "Trawnik między blokami przy ul. Rdestowej jest dziś pusty i rozjeżdżany przez samochody. Proponujemy posadzić drzewa i krzewy, ustawić ławki i stojaki rowerowe oraz wytyczyć ścieżkę, tak by skwer służył sąsiadom przez cały rok.",
        category: "green",
        location: "Dąbrowa, ul. Rdestowa (trawnik między blokami nr 10 i 14)",
        beneficiaries: "Mieszkańcy okolicznych bloków, rodziny z dziećmi, seniorzy",
        costItems: [
          { label: "Projekt zieleni", amountGrosze: zl(18_000) },
          { label: "Drzewa i krzewy z nasadzeniem", amountGrosze: zl(96_000) },
          { label: "Ławki i stojaki rowerowe", amountGrosze: zl(41_000) },
        ],
      },
      then: [
        ["verification", 2, { intent: "start_verification", by: "official" }],
        ["verification", 4, { intent: "formal_pass", by: "official", met: FORMAL_CRITERIA }],
        ["verification", 20, { intent: "merit_reject", by: "official", met: allBut(MERIT_CRITERIA, "land"), reason: "Działka przy ul. Rdestowej należy do spółdzielni mieszkaniowej, nie do miasta: zadania nie można tam wykonać." }],
        ["appeals", 2, { intent: "appeal", by: "author", reason: "Trawnik leży na działce 112/4, która według wypisu z rejestru gruntów należy do Gminy Miasta Gdyni; spółdzielnia zarządza tylko sąsiednią działką 112/3. Załączam wypis." }],
        ["appeals", 6, { intent: "appeal_accept", by: "official", reason: "Odwołanie zasadne: wypis z rejestru gruntów potwierdza, że działka 112/4 jest miejska. Projekt przywrócony na listę." }],
      ],
    },
    {
      key: "formal-rejected",
      author: "usr_demo_supporter_12",
      pool: pool("grabowek_small"),
      supports: 15,
      text: {
        title: "Siłownia plenerowa przy torach",
        summary: "Kilka urządzeń do ćwiczeń na skarpie przy torach kolejowych na Grabówku.",
        description: "Na skarpie wzdłuż torów jest wolne miejsce, gdzie można by ustawić kilka urządzeń do ćwiczeń dla dorosłych.",
        category: "sport",
        location: "Grabówek, skarpa przy torach kolejowych (ul. Morska)",
        beneficiaries: "Dorośli mieszkańcy Grabówka",
        costItems: [{ label: "Urządzenia do ćwiczeń z montażem", amountGrosze: zl(19_500) }],
      },
      then: [
        ["verification", 2, { intent: "start_verification", by: "official" }],
        ["verification", 6, { intent: "formal_reject", by: "official", met: allBut(FORMAL_CRITERIA, "location"), reason: "Skarpa przy torach jest terenem kolejowym (PKP PLK), nie miejskim: budżet obywatelski może finansować tylko zadania na terenie miasta." }],
      ],
    },
    {
      key: "merit-rejected",
      author: "usr_demo_supporter_13",
      pool: pool("karwiny_large"),
      supports: 15,
      text: {
        title: "Kryty basen przy szkole na Karwinach",
        summary: "Niewielki kryty basen do nauki pływania przy Szkole Podstawowej nr 39.",
        description: "Dzieci z Karwin dojeżdżają na naukę pływania do innych dzielnic. Proponujemy mały kryty basen przy szkole, dostępny po lekcjach dla mieszkańców.",
        category: "sport",
        location: "Karwiny, teren Szkoły Podstawowej nr 39",
        beneficiaries: "Uczniowie, mieszkańcy Karwin",
        costItems: [{ label: "Projekt i budowa basenu", amountGrosze: zl(290_000) }],
      },
      then: [
        ["verification", 3, { intent: "start_verification", by: "official" }],
        ["verification", 5, { intent: "formal_pass", by: "official", met: FORMAL_CRITERIA }],
        ["verification", 25, { intent: "merit_reject", by: "official", met: allBut(MERIT_CRITERIA, "cost_estimate", "feasibility"), reason: "Według wyceny wydziału inwestycji budowa krytego basenu kosztuje ponad 12 mln zł, a utrzymanie ok. 900 tys. zł rocznie: zadanie przekracza pulę dzielnicy i nie da się go wykonać w roku budżetowym." }],
      ],
    },
    {
      key: "withdrawn",
      author: "usr_demo_supporter_14",
      pool: pool("leszczynki_small"),
      supports: 15,
      text: {
        title: "Budki lęgowe w parku na Leszczynkach",
        summary: "Dwadzieścia budek lęgowych dla ptaków i nietoperzy w parku przy ul. Morskiej.",
        description: "Budki lęgowe pomogą ptakom i nietoperzom, które tępią komary. Zawiesimy je z pomocą ornitologa, a dzieci z pobliskiej szkoły poznają mieszkańców parku.",
        category: "animals",
        location: "Leszczynki, park przy ul. Morskiej",
        beneficiaries: "Mieszkańcy Leszczynek, uczniowie okolicznych szkół",
        costItems: [{ label: "Budki lęgowe z montażem", amountGrosze: zl(8_400) }],
      },
      then: [["verification", 5, { intent: "withdraw", by: "author", reason: "Budki zawiesi w tym roku Rada Dzielnicy z własnych środków." }]],
    },
    {
      key: "youth",
      author: "usr_demo_supporter_15",
      pool: pool("youth"),
      supports: 0,
      text: {
        title: "Strefa chilloutu w bibliotece dla młodzieży",
        summary: "Wygodne siedziska, ładowarki i gry planszowe w czytelni, otwartej dla młodzieży po lekcjach.",
        description: "Chcemy miejsca, w którym po lekcjach można spokojnie posiedzieć, pograć albo się pouczyć. Czytelnia biblioteki ma wolną salę, którą można urządzić dla młodzieży.",
        category: "culture",
        location: "Biblioteka Gdynia, filia w Śródmieściu",
        beneficiaries: "Młodzież w wieku 13–19 lat",
        costItems: [
          { label: "Siedziska i stoliki", amountGrosze: zl(14_000) },
          { label: "Stacje ładowania i gry", amountGrosze: zl(6_000) },
        ],
      },
      then: [
        ["verification", 4, { intent: "youth_approve", by: "youth", reason: "Młodzieżowa Rada Miasta: projekt zgodny z regulaminem, biblioteka potwierdziła salę." }],
        ["verification", 6, { intent: "assign", by: "official" }],
        ["verification", 8, { intent: "formal_pass", by: "official", met: FORMAL_CRITERIA }],
        ["verification", 15, { intent: "merit_pass", by: "official", met: MERIT_CRITERIA }],
      ],
    },
  ];
}

/** The acts of the demo's stories up to `now`, in time order. */
export async function seedStories(db: Db, year: number, phases: readonly PhaseWindow[], now: Date): Promise<void> {
  const start = (phase: PhaseWindow["phase"], days: number) => new Date(Date.parse(phases.find((w) => w.phase === phase)!.startsAt) + days * DAY);
  const supporters = [...Array.from({ length: 15 }, (_, i) => `usr_demo_supporter_${String(i + 1).padStart(2, "0")}`), "usr_demo_resident2"];
  const acts: Act[] = [];
  for (const [i, s] of stories(year).entries()) {
    let id: string | null = null;
    const proposal = () => {
      if (!id) throw new Error(`demo story ${s.key}: not submitted`);
      return id;
    };
    acts.push({
      at: start("submission", 2 + i),
      what: `${s.key}: submit`,
      run: async () => {
        const r = await saveProposal(db, resident(s.author), { ...s.text, intent: "submit", poolId: s.pool, lat: null, lng: null, guardianName: null, guardianConsent: false }, null, start("submission", 2 + i));
        if (r.ok) id = r.id;
        return r;
      },
    });
    supporters
      .filter((u) => u !== s.author)
      .slice(0, s.supports)
      .forEach((u, k) => acts.push({ at: start("submission", 4 + i + k), what: `${s.key}: support`, run: () => supportProposal(db, resident(u), proposal(), start("submission", 4 + i + k)) }));
    for (const [phase, days, d] of s.then) {
      const at = start(phase, days);
      const by = d.by === "official" ? DEMO_OFFICIAL : d.by === "youth" ? DEMO_YOUTH_COUNCIL : resident(s.author);
      acts.push({
        at,
        what: `${s.key}: ${d.intent}`,
        run: () => {
          const intent = d.intent;
          if (intent === "appeal") return appealProposal(db, by, proposal(), d.reason ?? "", at);
          // the youth council's approval hands the proposal to the office, which picks a reviewer
          if (intent === "assign") return assignReviewer(db, by, proposal(), DEMO_OFFICIAL.id, at);
          return decideProposal(db, by, proposal(), { intent, reason: d.reason, met: d.met }, ORIGIN, at);
        },
      });
    }
  }
  // the officials publish each programme's final list on the last day of the final-list phase
  const publishAt = new Date(Date.parse(phases.find((w) => w.phase === "final_list")!.endsAt) - DAY);
  for (const programme of ["bo", "youth", "children"] as ProgrammeKind[]) {
    acts.push({ at: publishAt, what: `final list ${programme}`, run: () => publishFinalList(db, DEMO_OFFICIAL, programme, publishAt) });
  }
  acts.sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const act of acts) {
    if (act.at >= now) break;
    const r = await act.run();
    if (!r.ok) throw new Error(`demo story ${act.what}: ${r.reason}`);
  }
}
