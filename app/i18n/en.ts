/** English. Keys must match pl.ts exactly (enforced by the type). */
import type { Messages } from "./pl";
import { a11y } from "./en/a11y";
import { auth } from "./en/auth";
import { core } from "./en/core";
import { proposals } from "./en/proposals";
import { results } from "./en/results";
import { review } from "./en/review";
import { voting } from "./en/voting";
import { submission } from "./en/submission";
import { map } from "./en/map";
import { privacy } from "./en/privacy";
import { adminPoints } from "./en/admin-points";
import { registerImport } from "./en/register-import";
import { adminEditions } from "./en/admin-editions";
import { adminClose } from "./en/admin-close";
import { adminPools } from "./en/admin-pools";
import { ballotBox } from "./en/ballot-box";
import { api } from "./en/api";
import { implementation } from "./en/implementation";
import { smallGroups } from "./en/small-groups";
import { ux2 } from "./en/ux2";
import { print } from "./en/print";
import { translation } from "./en/translation";
import { follow } from "./en/follow";
import { ballotui } from "./en/ballotui";
import { exclusive } from "./en/exclusive";

export const en: Messages = { ...core, ...auth, ...proposals, ...voting, ...results, ...review, ...a11y, ...submission, ...map, ...privacy, ...adminPoints, ...registerImport, ...adminEditions, ...adminClose, ...adminPools, ...ballotBox, ...api, ...implementation, ...smallGroups, ...ux2, ...print, ...translation, ...follow, ...ballotui, ...exclusive };
