/**
 * Polish: the source of every translation key. uk.ts and en.ts must have exactly these keys
 * (the type checker enforces it). Placeholders: {name}. Plurals: key.one / .few / .many / .other,
 * chosen by Intl.PluralRules. One file per feature in ./pl, ./uk, ./en so features can grow apart.
 */
import { a11y } from "./pl/a11y";
import { auth } from "./pl/auth";
import { core } from "./pl/core";
import { proposals } from "./pl/proposals";
import { results } from "./pl/results";
import { review } from "./pl/review";
import { voting } from "./pl/voting";
import { submission } from "./pl/submission";
import { map } from "./pl/map";
import { privacy } from "./pl/privacy";
import { adminPoints } from "./pl/admin-points";
import { registerImport } from "./pl/register-import";
import { adminEditions } from "./pl/admin-editions";
import { adminClose } from "./pl/admin-close";
import { adminPools } from "./pl/admin-pools";
import { ballotBox } from "./pl/ballot-box";
import { api } from "./pl/api";
import { implementation } from "./pl/implementation";
import { smallGroups } from "./pl/small-groups";
import { ux2 } from "./pl/ux2";
import { print } from "./pl/print";
import { translation } from "./pl/translation";
import { follow } from "./pl/follow";
import { ballotui } from "./pl/ballotui";
import { exclusive } from "./pl/exclusive";

export const pl = { ...core, ...auth, ...proposals, ...voting, ...results, ...review, ...a11y, ...submission, ...map, ...privacy, ...adminPoints, ...registerImport, ...adminEditions, ...adminClose, ...adminPools, ...ballotBox, ...api, ...implementation, ...smallGroups, ...ux2, ...print, ...translation, ...follow, ...ballotui, ...exclusive } as const;

export type MessageKey = keyof typeof pl;
export type Messages = Record<MessageKey, string>;
