/** Co-authors of a proposal: how many the author may invite (pages and services share it). */
export const MAX_COAUTHORS = 5;
/** Invitation e-mails one proposal may send in all (invite, withdraw, invite again…): no mail cannon. */
export const MAX_INVITATIONS_SENT = 20;
