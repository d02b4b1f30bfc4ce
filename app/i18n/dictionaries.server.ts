/**
 * The three complete dictionaries, for the server only: the browser build empties this module, so
 * a page's script gets just the messages that page rendered (sent in the HTML by entry.server) and
 * loads its own language's dictionary only when it needs more (loadMessages in ./index).
 */
import { en } from "./en";
import { pl, type Messages } from "./pl";
import { uk } from "./uk";

export const serverDictionaries: Record<"pl" | "uk" | "en", Messages> = { pl, uk, en };
