/**
 * Europe/Warsaw wall-clock time, without zod (the public pages show dates with it in the browser;
 * ./edition-setup re-exports it next to the forms' schemas).
 */
const fmt = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Warsaw", hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });

/** The Warsaw wall-clock time of an instant, as a datetime-local value ("YYYY-MM-DDTHH:mm"). */
export function utcToWarsaw(iso: string | number): string {
  const parts = Object.fromEntries(fmt.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}
