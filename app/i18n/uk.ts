/** Ukrainian. Keys must match pl.ts exactly (enforced by the type). */
import type { Messages } from "./pl";
import { a11y } from "./uk/a11y";
import { auth } from "./uk/auth";
import { core } from "./uk/core";
import { proposals } from "./uk/proposals";
import { results } from "./uk/results";
import { review } from "./uk/review";
import { voting } from "./uk/voting";
import { submission } from "./uk/submission";
import { map } from "./uk/map";
import { privacy } from "./uk/privacy";
import { adminPoints } from "./uk/admin-points";
import { registerImport } from "./uk/register-import";
import { adminEditions } from "./uk/admin-editions";
import { adminClose } from "./uk/admin-close";
import { adminPools } from "./uk/admin-pools";
import { ballotBox } from "./uk/ballot-box";
import { api } from "./uk/api";
import { implementation } from "./uk/implementation";
import { smallGroups } from "./uk/small-groups";
import { ux2 } from "./uk/ux2";
import { print } from "./uk/print";
import { translation } from "./uk/translation";
import { follow } from "./uk/follow";
import { ballotui } from "./uk/ballotui";
import { exclusive } from "./uk/exclusive";

export const uk: Messages = { ...core, ...auth, ...proposals, ...voting, ...results, ...review, ...a11y, ...submission, ...map, ...privacy, ...adminPoints, ...registerImport, ...adminEditions, ...adminClose, ...adminPools, ...ballotBox, ...api, ...implementation, ...smallGroups, ...ux2, ...print, ...translation, ...follow, ...ballotui, ...exclusive };
