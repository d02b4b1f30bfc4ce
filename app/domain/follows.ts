/**
 * Following (#17): a signed-in resident follows a proposal, a district or an edition and chooses
 * which notifications to get. Pure rules: what may be followed, which notification an event is, and
 * who of the followers gets one mail (each person once, never the one who is told otherwise).
 */
import { z } from "zod";

export const FOLLOW_TARGETS = ["proposal", "district", "edition"] as const;
export type FollowTarget = (typeof FOLLOW_TARGETS)[number];

/** The notifications a follower chooses from (columns of follow_settings). */
export const NOTIFICATION_KINDS = ["status_changes", "verification", "results", "implementation"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export type NotificationChoices = Record<NotificationKind, boolean>;
export const ALL_NOTIFICATIONS: NotificationChoices = { status_changes: true, verification: true, results: true, implementation: true };

const TargetId = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);

export const FollowInputSchema = z.object({
  intent: z.enum(["follow", "unfollow"]),
  kind: z.enum(FOLLOW_TARGETS),
  id: TargetId,
});
export type FollowInput = z.infer<typeof FollowInputSchema>;

const Box = z.literal("on").optional();
/** The settings form: a checkbox per notification (absent = off). */
export const FollowSettingsInputSchema = z.object({
  intent: z.literal("settings"),
  status_changes: Box,
  verification: Box,
  results: Box,
  implementation: Box,
});

export function choicesFromForm(v: Partial<Record<NotificationKind, "on" | undefined>>): NotificationChoices {
  return { status_changes: v.status_changes === "on", verification: v.verification === "on", results: v.results === "on", implementation: v.implementation === "on" };
}

/** Steps of the verification (formal and merit checks, appeals) are "verification decisions"; other moves are status changes. */
export function notificationOfDecision(intent: string): NotificationKind {
  return /^(formal_|merit_|appeal_)/.test(intent) ? "verification" : "status_changes";
}

/** How specific a follow is: a mail names the most specific one (its unsubscribe link ends that follow). */
const SPECIFICITY: Record<FollowTarget, number> = { proposal: 0, district: 1, edition: 2 };

export interface FollowerRow {
  followId: string;
  userId: string;
  targetKind: FollowTarget;
  choices: NotificationChoices;
}

/**
 * One recipient per person among the followers who chose `kind`, carrying their most specific
 * follow; `exclude` are people told by another mail (the author of a decided proposal).
 */
export function pickRecipients<R extends FollowerRow>(rows: readonly R[], kind: NotificationKind, exclude: readonly string[] = []): R[] {
  const best = new Map<string, R>();
  for (const r of rows) {
    if (!r.choices[kind] || exclude.includes(r.userId)) continue;
    const prev = best.get(r.userId);
    if (!prev || SPECIFICITY[r.targetKind] < SPECIFICITY[prev.targetKind]) best.set(r.userId, r);
  }
  return [...best.values()];
}
