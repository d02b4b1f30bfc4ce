/**
 * The demo's children-and-youth budget in Ukrainian and English (#16 item 4): translated by the
 * demo translator of the neighbourhood centres through the same service as /proposals/:id/translations.
 */
import type { Db } from "../../db/client";
import type { Actor } from "~/domain/permissions";
import type { ContentLang } from "~/domain/translations";
import { saveTranslation } from "~/services/translations.server";

export const DEMO_TRANSLATOR: Actor = { id: "usr_demo_translator", roles: [{ role: "translator", scope: "children" }] };

const TEXTS: Record<string, Partial<Record<ContentLang, { title: string; summary: string }>>> = {
  "children-1": {
    uk: { title: "Ігрова кімната в нашій «Przystań»", summary: "Хочемо мати у «Przystań» кімнату для ігор: настільний футбол, аерохокей, пуфи й консоль, щоб грати разом." },
    en: { title: "A games room in our Przystań", summary: "We want a room for play at the Przystań: table football, air hockey, beanbags and a console to play on together." },
  },
  "children-2": {
    uk: { title: "Шафа, повна настільних ігор", summary: "Купімо багато настільних і карткових ігор, щоб у кожній «Przystań» можна було грати разом після школи." },
    en: { title: "A cupboard full of board games", summary: "Let's buy lots of board and card games so that children can play together after school at every Przystań." },
  },
  "children-3": {
    uk: { title: "Екскурсія до Наукового центру «Experyment» і до моря", summary: "Спільна поїздка дітей із «Przystań» до Наукового центру «Experyment», а потім пікнік на пляжі." },
    en: { title: "A trip to the Experyment Science Centre and the seaside", summary: "A trip for the children of the Przystań to the Experyment Science Centre, followed by a picnic on the beach." },
  },
  "children-4": {
    uk: { title: "Малюємо, ліпимо, творимо — мистецькі майстерні в центрі «Wymiennikownia»", summary: "Заняття з мистецтва раз на тиждень: малювання, глина, комікси й маски. Наприкінці влаштуємо виставку." },
    en: { title: "We paint, we sculpt, we create — art workshops at the Wymiennikownia", summary: "Art classes once a week: painting, clay, comics and mask-making. At the end we'll put on an exhibition." },
  },
  "children-5": {
    uk: { title: "Граємо разом – Bawimy się razem!", summary: "Ігри, забави й спільне куховарство для дітей з Польщі та України. Вчимо одне одного нових слів і знаходимо нових друзів." },
    en: { title: "Let's play together – Bawimy się razem!", summary: "Games, play and cooking together for children from Poland and Ukraine. We teach each other new words and make new friends." },
  },
};

export async function seedTranslations(db: Db, at: Date): Promise<void> {
  for (const [key, langs] of Object.entries(TEXTS)) {
    for (const [lang, text] of Object.entries(langs) as [ContentLang, { title: string; summary: string }][]) {
      const r = await saveTranslation(db, DEMO_TRANSLATOR, { proposalId: `prp_${key}`, lang, ...text }, at);
      if (!r.ok) throw new Error(`demo seed: translation ${lang} of ${key}: ${r.reason}`);
    }
  }
}
