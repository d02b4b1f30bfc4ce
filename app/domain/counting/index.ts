/**
 * The results (counting) engine: pure TypeScript, no I/O.
 *
 *   const e = parsePabulib(text);                 // pabulib.ts
 *   const r = tallyElection(e, "meta");           // tally.ts
 *   r.selected, r.spent (grosze), r.decisions, r.ties
 *
 * Lower level: `buildProfile` / `profileFromPabulib` (scores.ts), `greedy` / `greedyFromScores`
 * (greedy.ts), `equalShares` (equal-shares.ts), tie rules and the public lottery (ties.ts),
 * money in integer grosze (money.ts).
 */
export * from "./money";
export * from "./pabulib";
export * from "./scores";
export * from "./ties";
export * from "./result";
export * from "./greedy";
export * from "./equal-shares";
export * from "./tally";
