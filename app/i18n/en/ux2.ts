/** English: residents' experience, second round (#16). */
import type { ux2 as pl } from "../pl/ux2";

export const ux2: Record<keyof typeof pl, string> = {
  "ux2.extras.title": "Photos, files and co-authors",
  "ux2.extras.lead": "The text of a submitted proposal can no longer change, but until verification starts you can add photos and files and invite co-authors.",
  "ux2.extras.leadCoauthor": "Until verification starts you can add photos and files to this proposal.",
  "ux2.extras.back": "Back to the proposal",
};
