/**
 * The city this installation serves, in one place (issue #13, "city as configuration"): another
 * city forking the platform edits this module (and its districts, amounts and programmes through
 * the admin pages), not literals scattered through the code. Pure data, no I/O.
 */
export const CITY = {
  /** The city's name as residents read it (the site's name uses it). */
  name: "Gdynia",
  /** The platform's short name: page titles, e-mail sender, open-data files. */
  siteName: "BO Gdynia",
  /** The programme's full name in Polish (open data "description"). */
  programmeName: "Budżet Obywatelski Gdynia",
  /** Calendar dates, ages and phase times are counted in this zone. */
  timeZone: "Europe/Warsaw",
  /** The area a proposal's map point must fall in, and the map's start view. */
  bounds: { south: 54.4, north: 54.6, west: 18.35, east: 18.6 },
  centre: [54.5189, 18.5305] as [number, number],
  /** The sender's display name of the platform's e-mail (the address comes from MAIL_FROM). */
  mailFromName: "Budżet Obywatelski Gdynia",
} as const;

/** The id of a year's edition (stable: results and archive URLs and the audit log use it). */
export function editionIdFor(year: number): string {
  return `ed_${year}`;
}

/** Whether a point lies inside the city's area. */
export function insideCity(lat: number, lng: number): boolean {
  const b = CITY.bounds;
  return lat >= b.south && lat <= b.north && lng >= b.west && lng <= b.east;
}
