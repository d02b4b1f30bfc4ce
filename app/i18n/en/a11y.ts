/** English: the accessibility statement. */
import type { a11y as pl } from "../pl/a11y";

export const a11y: Record<keyof typeof pl, string> = {
  "nav.accessibility": "Accessibility statement",
  "a11y.title": "Accessibility statement",
  "a11y.lead": "The City of Gdynia is committed to making this platform accessible in accordance with the Polish Act of 4 April 2019 on the digital accessibility of websites and mobile applications of public bodies.",
  "a11y.status.title": "Compliance status",
  "a11y.status.body": "The platform is partially compliant with WCAG 2.1 level AA. Every page is checked automatically with axe in three languages, on a phone and without JavaScript. A full expert audit and testing with disabled users are still to come.",
  "a11y.known.title": "Known limitations",
  "a11y.known.body": "Results charts have a text equivalent in tables. Project descriptions written by residents may not follow plain-language rules. Archive data from past editions contains project titles only.",
  "a11y.features.title": "Accessibility features",
  "a11y.features.body": "The site works without JavaScript and on small screens, has a ‘Skip to content’ link, large touch targets, a visible keyboard focus, Polish, Ukrainian and English versions, and text can be enlarged to 200% without loss of content.",
  "a11y.feedback.title": "Feedback and contact",
  "a11y.feedback.body": "If anything on this site is not accessible to you, write to Gdynia City Hall. You have the right to ask for content in another form; we will reply within 7 days at the latest.",
  "a11y.complaints.title": "Complaints and appeals",
  "a11y.complaints.body": "If we refuse to provide the content or do not reply in time, you can file a complaint. After that procedure you can turn to the Commissioner for Human Rights (Rzecznik Praw Obywatelskich).",
  "a11y.date": "This statement was prepared on the basis of a self-assessment and the platform's automated tests.",
};
