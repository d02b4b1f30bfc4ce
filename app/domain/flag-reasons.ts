/** Why a comment is flagged, without zod: the proposal page's flag form lists them (./comments re-exports it). */
export const FLAG_REASONS = ["spam", "offensive", "personal_data", "off_topic", "other"] as const;
