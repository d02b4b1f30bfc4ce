/** English: small groups in public statistics and open data (#15). */
import type { smallGroups as pl } from "../pl/small-groups";

export const smallGroups: Record<keyof typeof pl, string> = {
  "smallGroups.field.threshold": "Smallest group shown in statistics (people)",
  "smallGroups.field.thresholdHint":
    "From 2 to 100, usually 10. In the voting statistics, groups smaller than this (by district, way of voting and age) are merged or hidden, and the .pb file of a pool with fewer voters has no ballot lines.",
  "smallGroups.error.threshold": "Enter a whole number from 2 to 100.",
  "smallGroups.other": "Other (small groups merged)",
  "smallGroups.hidden": "hidden",
  "smallGroups.stats.note.one": "Groups of fewer than {count} person are merged into the “Other” row (together with one more group where needed), so that nobody can be identified – not even by subtracting from the total. Voters per district are always given in full.",
  "smallGroups.stats.note.few": "Groups of fewer than {count} people are merged into the “Other” row (together with one more group where needed), so that nobody can be identified – not even by subtracting from the total. Voters per district are always given in full.",
  "smallGroups.stats.note.many": "Groups of fewer than {count} people are merged into the “Other” row (together with one more group where needed), so that nobody can be identified – not even by subtracting from the total. Voters per district are always given in full.",
  "smallGroups.stats.note.other": "Groups of fewer than {count} people are merged into the “Other” row (together with one more group where needed), so that nobody can be identified – not even by subtracting from the total. Voters per district are always given in full.",
  "smallGroups.turnout.note.one": "A dash (–) stands for a group of fewer than {count} person, or for a number hidden so that such a group cannot be worked out from the totals. District totals are always shown.",
  "smallGroups.turnout.note.few": "A dash (–) stands for a group of fewer than {count} people, or for a number hidden so that such a group cannot be worked out from the totals. District totals are always shown.",
  "smallGroups.turnout.note.many": "A dash (–) stands for a group of fewer than {count} people, or for a number hidden so that such a group cannot be worked out from the totals. District totals are always shown.",
  "smallGroups.turnout.note.other": "A dash (–) stands for a group of fewer than {count} people, or for a number hidden so that such a group cannot be worked out from the totals. District totals are always shown.",
  "smallGroups.guardianHidden.one": "The number of votes cast by parents on behalf of children is not given: that group or the other voters would number fewer than {count} person.",
  "smallGroups.guardianHidden.few": "The number of votes cast by parents on behalf of children is not given: that group or the other voters would number fewer than {count} people.",
  "smallGroups.guardianHidden.many": "The number of votes cast by parents on behalf of children is not given: that group or the other voters would number fewer than {count} people.",
  "smallGroups.guardianHidden.other": "The number of votes cast by parents on behalf of children is not given: that group or the other voters would number fewer than {count} people.",
  "smallGroups.pb.withheld.one": "This pool's .pb file has no ballot lines because fewer than {count} person voted in it; it gives only the vote totals of the projects.",
  "smallGroups.pb.withheld.few": "This pool's .pb file has no ballot lines because fewer than {count} people voted in it; it gives only the vote totals of the projects.",
  "smallGroups.pb.withheld.many": "This pool's .pb file has no ballot lines because fewer than {count} people voted in it; it gives only the vote totals of the projects.",
  "smallGroups.pb.withheld.other": "This pool's .pb file has no ballot lines because fewer than {count} people voted in it; it gives only the vote totals of the projects.",
};
