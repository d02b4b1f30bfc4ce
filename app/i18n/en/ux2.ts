/** English: residents' experience, second round (#16). */
import type { ux2 as pl } from "../pl/ux2";

export const ux2: Record<keyof typeof pl, string> = {
  "ux2.extras.title": "Photos, files and co-authors",
  "ux2.extras.lead": "The text of a submitted proposal can no longer change, but until verification starts you can add photos and files and invite co-authors.",
  "ux2.extras.leadCoauthor": "Until verification starts you can add photos and files to this proposal.",
  "ux2.extras.back": "Back to the proposal",
  "ux2.review.text": "The proposal under review",
  "ux2.done.submitted_council": "Proposal submitted. The Youth City Council will now assess it – no supports from others are needed.",
  "ux2.done.submitted_officials": "Proposal submitted. City officials will now check it – no supports from others are needed.",
  "ux2.done.resubmitted_council": "The corrected proposal is back with the Youth City Council, which will assess it again.",
  "ux2.mail.appealUntil": "You can appeal this decision once, until {until} (Polish time), here: {link}",
  "ux2.mail.appealWindow": "You can appeal this decision once, from {from} until {until} (Polish time), here: {link}",
  "ux2.mailbox.zone": "Polish time",
};
