/** English: what /privacy says about keeping and deleting data. */
import type { privacy as pl } from "../pl/privacy";

export const privacy: Record<keyof typeof pl, string> = {
  "privacy.retention.title": "How long we keep data",
  "privacy.retention.lead": "After these periods the data is deleted automatically by a task that runs every few hours:",
  "privacy.retention.unverified": "an account whose email address was never confirmed – {unverifiedDays} days after it was created;",
  "privacy.retention.drafts": "a project draft that was never submitted – with its attachments, {draftMonths} months after its last change;",
  "privacy.retention.paper": "the name and contact details of a person who handed in a project on paper or in person – {paperContactMonths} months after the voting results are published (until then the city office needs them for verification, appeals and questions about the result);",
  "privacy.retention.mail": "emails in our sending queue – after {outboxDays} days;",
  "privacy.retention.links": "links to confirm an address or change a password – {emailTokenDays} days after they expire;",
  "privacy.retention.sessions": "sign-in sessions – when they expire (after {sessionIdleHours} hours of inactivity, at the latest {sessionMaxDays} days after signing in);",
  "privacy.retention.audit": "event log entries – after {auditYears} years.",
  "privacy.deletion.title": "What happens when you delete your account",
  "privacy.deletion.body": "We delete your email address, name, password hash, sessions, project drafts that were never submitted (with their files), co-authorship invitations sent to you and by you, and emails to you. The text of your comments is replaced with “[comment deleted]”. We also delete the justifications of your appeals (the appeal and the decision on it remain), and files attached to your submitted projects get neutral names such as “załącznik-1.pdf”. Submitted projects are public and remain – without your details, as a project by a resident. Supports, comment reports and event log entries remain, but point only to an anonymous deleted account.",
  "privacy.photos.title": "Photos and files",
  "privacy.photos.body": "When you upload photos to a project (JPEG, PNG, WebP) we remove their metadata: GPS location, date taken, camera model and author details. PDF files are stored as they are – if they contain personal data (e.g. in the “Author” field), remove it before uploading.",
  "comments.body_removed": "[comment deleted]",
  "appeal.justification_removed": "[justification deleted with the author's account]",
};
