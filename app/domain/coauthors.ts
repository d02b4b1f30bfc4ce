/** Co-authors of a proposal: how many the author may invite (pages and services share it). */
export const MAX_COAUTHORS = 5;
