/**
 * The HTTP status of a refusal, from its reason code: one table for every route, so the same
 * refusal answers the same everywhere. Reason codes may carry variables ("rate_limited?minutes=3").
 */
const STATUS_OF: ReadonlyMap<string, number> = new Map(Object.entries({
  // the person may not do this (signed in, but not theirs or not their role)
  not_allowed: 403,
  not_author: 403,
  not_assigned_reviewer: 403,
  invitation_other_email: 403,
  // the thing is gone
  not_found: 404,
  // done already: the state, not the input, is in the way
  already_voted: 409,
  attachment_too_big: 413,
  identify_wait: 429,
}));

/** 403, 404, 409, 413 or 429 for the reasons above; any other refusal is a 400 (fix the input). */
export function refusalStatus(reason: string): number {
  return STATUS_OF.get(reason.split("?")[0]!) ?? 400;
}
