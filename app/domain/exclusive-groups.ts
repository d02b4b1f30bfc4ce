/**
 * Groups of mutually exclusive projects of one pool (Warszawa's `greedy-exclusive`, #14): once one
 * project of a group is funded, the others are not. Stored as the pool's `selectionRule.exclusive`
 * (proposal ids). Pure: the set-up service loads the pool's projects and asks these rules.
 */

/** A group has 2–50 projects; a pool at most 50 groups (the same bounds as SelectionRuleSchema). */
export const GROUP_MIN = 2;
export const GROUP_MAX = 50;
export const GROUPS_MAX = 50;

export type ExclusiveGroups = string[][];
export type ExclusiveGroupsRefusal = "group_too_small" | "group_too_large" | "too_many_groups" | "project_not_in_pool" | "project_in_two_groups" | "group_missing";

/** What an administrator asks: add one group, remove the group holding a project, or set them all (the replay). */
export type ExclusiveChange = { add: readonly string[] } | { remove: string } | { set: readonly (readonly string[])[] };

type Result = { ok: true; groups: ExclusiveGroups } | { ok: false; reason: ExclusiveGroupsRefusal };

const unique = (ids: readonly string[]) => [...new Set(ids)];

/** Sizes, count and overlaps of a whole set of groups. */
export function checkGroups(groups: readonly (readonly string[])[]): Result {
  if (groups.length > GROUPS_MAX) return { ok: false, reason: "too_many_groups" };
  const seen = new Set<string>();
  const out: ExclusiveGroups = [];
  for (const g of groups) {
    const ids = unique(g);
    if (ids.length < GROUP_MIN) return { ok: false, reason: "group_too_small" };
    if (ids.length > GROUP_MAX) return { ok: false, reason: "group_too_large" };
    for (const id of ids) {
      if (seen.has(id)) return { ok: false, reason: "project_in_two_groups" };
      seen.add(id);
    }
    out.push(ids);
  }
  return { ok: true, groups: out };
}

/**
 * The groups after `change`. New members must be projects of the pool (`poolProjects`: those on its
 * ballot); members of groups already saved are kept even if a project has since left the ballot.
 */
export function applyExclusiveChange(current: readonly (readonly string[])[], change: ExclusiveChange, poolProjects: ReadonlySet<string>): Result {
  if ("remove" in change) {
    const i = current.findIndex((g) => g.includes(change.remove));
    if (i < 0) return { ok: false, reason: "group_missing" };
    return checkGroups(current.filter((_, k) => k !== i));
  }
  const added = "add" in change ? [change.add] : change.set;
  if (added.some((g) => g.some((id) => !poolProjects.has(id)))) return { ok: false, reason: "project_not_in_pool" };
  return checkGroups("add" in change ? [...current, change.add] : change.set);
}

/** The same groups in the same order (what is stored need not be rewritten). */
export function sameGroups(a: readonly (readonly string[])[], b: readonly (readonly string[])[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * A stored selection rule (JSON) without its groups: they name one edition's proposals, so a pool
 * copied into a new edition starts without any. A rule that does not parse is returned as it is.
 */
export function withoutExclusiveGroups(selectionRuleJson: string): string {
  try {
    const rule = JSON.parse(selectionRuleJson) as unknown;
    if (!rule || typeof rule !== "object" || Array.isArray(rule) || !("exclusive" in rule)) return selectionRuleJson;
    const { exclusive: _dropped, ...rest } = rule as Record<string, unknown>;
    return JSON.stringify(rest);
  } catch {
    return selectionRuleJson;
  }
}
