/** The names of the app's own cookies, in one place for the code that sets them and the page cache that reads them. */
export const SESSION_COOKIE = "bo_session";
export const VOTE_COOKIE = "bo_vote";
