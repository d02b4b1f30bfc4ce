/**
 * E-mail links and tokens (#11): links are built from PUBLIC_ORIGIN whatever Host a request names,
 * no raw token stays in the database once its mail is sent, invitations expire and their links are
 * rate limited. Routes are called with real Requests against a migrated, seeded database.
 * (Password checks and their limits: password-limits.test.ts.)
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { sha256 } from "~/auth/crypto.server";
import { startSession } from "~/auth/session.server";
import { listOutbox, purgeOutboxBodies, UNSENT_BODY_TTL_MS } from "~/data/outbox.server";
import { closeDatabase } from "~/db.server";
import type { Actor } from "~/domain/permissions";
import { benchesDraft } from "../support/workflow";
import { signUp } from "~/services/accounts.server";
import { answerCoauthorInvitation, inviteCoauthor, INVITATION_TTL_MS } from "~/services/coauthors.server";
import { deliverOutbox } from "~/services/mailer.server";
import { saveProposal } from "~/services/proposals.server";
import * as forgotRoute from "~/routes/forgot-password";
import * as invitationRoute from "~/routes/invitations.$token";
import * as coauthorsRoute from "~/routes/proposals.$id_.coauthors";
import * as signupRoute from "~/routes/signup";
import { seedDemo } from "../../app/cli/seed";
import { createTestDb, type TestDb } from "../support/db";

const PUBLIC = "https://bo.gdynia.test";
const EVIL = "http://evil.example";
const author: Actor = { id: "usr_demo_resident", roles: [] }; // mieszkaniec@demo.bo-gdynia.pl
const neighbour: Actor = { id: "usr_demo_resident2", roles: [] }; // mieszkanka@demo.bo-gdynia.pl

let t: TestDb;
let proposalId = "";
const startedAt = new Date().toISOString();

beforeAll(async () => {
  t = await createTestDb();
  // the routes open the app's own handle on the same database; the environment is read (once) by
  // the seed already, so it is set first
  vi.stubEnv("DATABASE_URL", t.path);
  vi.stubEnv("PUBLIC_ORIGIN", PUBLIC);
  await seedDemo(t.db, new Date(), "submission");
  const input = await benchesDraft(t.db);
  const r = await saveProposal(t.db, author, input, null);
  if (!r.ok) throw new Error(r.reason);
  proposalId = r.id;
});
afterAll(async () => {
  await closeDatabase();
  vi.unstubAllEnvs();
  await t?.cleanup();
});

/** A form post from evil.example's point of view: Host, URL and Origin all name it. */
function post(path: string, fields: Record<string, string>, cookie?: string): Request {
  return new Request(`${EVIL}${path}`, {
    method: "POST",
    headers: { Host: "evil.example", Origin: EVIL, "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
    body: new URLSearchParams(fields).toString(),
  });
}
function get(path: string, cookie?: string): Request {
  return new Request(`${EVIL}${path}`, { headers: { Host: "evil.example", ...(cookie ? { Cookie: cookie } : {}) } });
}
type Handler = (args: ActionFunctionArgs | LoaderFunctionArgs) => unknown;
async function call(fn: Handler, request: Request, opts: { params?: Record<string, string>; ip?: string } = {}): Promise<{ status: number; body: unknown }> {
  let r: unknown;
  try {
    r = await fn({ request, params: opts.params ?? {}, context: { clientIp: opts.ip ?? "192.0.2.1" } });
  } catch (e) {
    r = e;
  }
  if (r instanceof Response) return { status: r.status, body: null };
  const wrapped = r as { init?: { status?: number } | null; data?: unknown } | null;
  if (wrapped && typeof wrapped === "object" && "type" in wrapped && (wrapped as { type: unknown }).type === "DataWithResponseInit") return { status: wrapped.init?.status ?? 200, body: wrapped.data };
  return { status: 200, body: r };
}
const cookieOf = (setCookie: string) => setCookie.split(";")[0]!;
const linksIn = (text: string) => text.match(/https?:\/\/[^\s]+/g) ?? [];

async function newestMail(to: string) {
  const [m] = await listOutbox(t.db, { to, limit: 1 });
  if (!m) throw new Error(`no mail to ${to}`);
  return m;
}
function tokenIn(body: string, path: string): string {
  const m = body.match(new RegExp(`/${path}[?/](?:token=)?([A-Za-z0-9_-]{20,100})`));
  if (!m) throw new Error(`no ${path} link in: ${body}`);
  return m[1]!;
}

describe("links in e-mails come from PUBLIC_ORIGIN, never from the request's Host", () => {
  it("sign-up, address taken, password reset, invitation and its answer: every link starts with PUBLIC_ORIGIN", async () => {
    const signup = { email: "host@example.pl", displayName: "Host Test", password: "bardzo-dlugie-haslo", acceptPrivacy: "on" };
    expect((await call(signupRoute.action as Handler, post("/signup", signup), { ip: "198.51.100.1" })).status).toBe(200);
    expect(await newestMail("host@example.pl")).toMatchObject({ kind: "account_verify" });
    await call(signupRoute.action as Handler, post("/signup", signup), { ip: "198.51.100.1" });
    expect(await newestMail("host@example.pl")).toMatchObject({ kind: "account_exists" });
    expect((await call(forgotRoute.action as Handler, post("/forgot-password", { email: "host@example.pl" }), { ip: "198.51.100.1" })).status).toBe(200);
    expect(await newestMail("host@example.pl")).toMatchObject({ kind: "account_reset" });

    const authorCookie = cookieOf(await startSession(author.id));
    const invited = await call(coauthorsRoute.action as Handler, post(`/proposals/${proposalId}/coauthors`, { intent: "invite", email: "mieszkanka@demo.bo-gdynia.pl" }, authorCookie), { params: { id: proposalId } });
    expect(invited.status).toBe(302);
    const invitation = await newestMail("mieszkanka@demo.bo-gdynia.pl");
    expect(invitation.kind).toBe("coauthor_invite");
    const token = tokenIn(invitation.body, "invitations");
    const neighbourCookie = cookieOf(await startSession(neighbour.id));
    const answered = await call(invitationRoute.action as Handler, post(`/invitations/${token}`, { answer: "accept" }, neighbourCookie), { params: { token } });
    expect(answered.status).toBe(302);
    expect(await newestMail("mieszkaniec@demo.bo-gdynia.pl")).toMatchObject({ kind: "coauthor_accepted" });

    const mails = (await listOutbox(t.db, { limit: 500 })).filter((m) => m.createdAt >= startedAt);
    expect(new Set(mails.map((m) => m.kind))).toEqual(new Set(["account_verify", "account_exists", "account_reset", "coauthor_invite", "coauthor_accepted"]));
    for (const m of mails) {
      expect(m.body).not.toContain("evil.example");
      expect(linksIn(m.body).length).toBeGreaterThan(0);
      for (const link of linksIn(m.body)) expect(link.startsWith(`${PUBLIC}/`)).toBe(true);
    }
  });
});

describe("tokens at rest", () => {
  it("no table holds a raw token: only hashes, and the mail's text is erased once sent", async () => {
    await signUp(t.db, { email: "scan@example.pl", displayName: "Scan", password: "bardzo-dlugie-haslo", locale: "pl" }, PUBLIC);
    const verifyToken = tokenIn((await newestMail("scan@example.pl")).body, "verify-email");
    const inv = await inviteCoauthor(t.db, author, proposalId, "mieszkaniec02@demo.bo-gdynia.pl", PUBLIC);
    if (!inv.ok) throw new Error(inv.reason);
    const tokens = [verifyToken, inv.token];

    const dump = async (skip: string[] = []) => {
      const tables = (await t.db.introspection.getTables()).map((x) => x.name).filter((n) => !n.startsWith("kysely_") && !skip.includes(n));
      let all = "";
      for (const name of tables) all += JSON.stringify(await t.db.selectFrom(name as "users").selectAll().execute());
      return all;
    };
    // before sending, only the outbox has them (the mail still has to go out)
    const beforeSend = await dump(["outbox"]);
    for (const tok of tokens) {
      expect(beforeSend).not.toContain(tok);
    }
    expect(beforeSend).toContain(sha256(verifyToken));
    expect(beforeSend).toContain(sha256(inv.token));

    const sent: string[] = [];
    await deliverOutbox(t.db, { sendMail: async (m) => void sent.push(m.text) }, "bo@test");
    expect(sent.some((text) => text.includes(verifyToken))).toBe(true); // the recipient got the link
    const afterSend = await dump();
    for (const tok of tokens) expect(afterSend).not.toContain(tok);
  });

  it("a sent mail keeps its recipient, kind, subject and time, not its text", async () => {
    const m = await newestMail("scan@example.pl");
    expect(m).toMatchObject({ kind: "account_verify", body: "" });
    expect(m.sentAt).not.toBeNull();
    expect(m.subject.length).toBeGreaterThan(0);
  });

  it("unsent mail loses its text after 24 hours and is no longer tried", async () => {
    await signUp(t.db, { email: "stale@example.pl", displayName: "Stale", password: "bardzo-dlugie-haslo", locale: "pl" }, PUBLIC);
    expect((await newestMail("stale@example.pl")).body).toContain("/verify-email?token=");
    expect(await purgeOutboxBodies(t.db, new Date(Date.now() + UNSENT_BODY_TTL_MS - 60_000))).toBe(0);
    expect(await purgeOutboxBodies(t.db, new Date(Date.now() + UNSENT_BODY_TTL_MS + 60_000))).toBeGreaterThan(0);
    const m = await newestMail("stale@example.pl");
    expect(m.body).toBe("");
    expect(m.sentAt).toBeNull();
    let tried = 0;
    await deliverOutbox(t.db, { sendMail: async () => void tried++ }, "bo@test");
    expect(tried).toBe(0);
  });
});

describe("invitations expire", () => {
  it("refuses an invitation older than 14 days, on the page and when answered; the author may invite again", async () => {
    const email = "mieszkaniec03@demo.bo-gdynia.pl";
    const inv = await inviteCoauthor(t.db, author, proposalId, email, PUBLIC);
    if (!inv.ok) throw new Error(inv.reason);
    const later = new Date(Date.now() + INVITATION_TTL_MS + 60_000);
    const invitee: Actor = { id: "usr_demo_supporter_03", roles: [] };
    expect(await answerCoauthorInvitation(t.db, invitee, inv.token, true, PUBLIC, later)).toEqual({ ok: false, reason: "invitation_expired" });

    // the page, today, for an invitation sent 15 days ago
    await t.db.updateTable("proposal_coauthors").set({ invited_at: new Date(Date.now() - INVITATION_TTL_MS - 86_400_000).toISOString() }).where("email", "=", email).execute();
    const page = await call(invitationRoute.loader as Handler, get(`/invitations/${inv.token}`, cookieOf(await startSession(invitee.id))), { params: { token: inv.token } });
    expect(page).toMatchObject({ status: 410, body: { invitation: null, refusal: "workflow.error.invitation_expired" } });
    expect((await t.db.selectFrom("proposal_coauthors").select("accepted_at").where("email", "=", email).executeTakeFirstOrThrow()).accepted_at).toBeNull();

    const again = await inviteCoauthor(t.db, author, proposalId, email, PUBLIC);
    expect(again.ok).toBe(true);
  });
});

describe("rate limits on invitation links", () => {
  const refusal = (r: { body: unknown }) => JSON.stringify(r.body);

  it("invitation links: 30 opened or answered per person in 15 minutes", async () => {
    const cookie = cookieOf(await startSession("usr_demo_supporter_04"));
    const token = "d".repeat(43);
    for (let i = 0; i < 30; i++) expect((await call(invitationRoute.loader as Handler, get(`/invitations/${token}`, cookie), { params: { token } })).status).toBe(404);
    const refused = await call(invitationRoute.action as Handler, post(`/invitations/${token}`, { answer: "decline" }, cookie), { params: { token } });
    expect(refused.status).toBe(429);
    expect(refusal(refused)).toContain("auth.error.rate_limited?minutes=");
  });
});
