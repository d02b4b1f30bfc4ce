/**
 * The mail sender (#17): workers claim outbox rows before sending, so two workers (two app nodes)
 * racing on one database send every mail exactly once; a failed send waits (exponential back-off),
 * is retried and then succeeds; a claim left by a dead worker expires and is taken over; a mail
 * failing MAX_MAIL_ATTEMPTS times is given up and recorded. Runs on SQLite, and on PostgreSQL in the
 * integration-pg project (FOR UPDATE SKIP LOCKED).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { openDatabase, type OpenedDb } from "../../db/client";
import { claimOutbox, insertOutbox } from "~/data/outbox.server";
import { MAX_MAIL_ATTEMPTS } from "~/domain/mail-retry";
import { deliverOutbox, NO_SMTP_WARNING, startOutboxSender, type MailTransport } from "~/services/mailer.server";
import { createTestDb, type TestDb } from "../support/db";

let t: TestDb;
let second: OpenedDb;

beforeAll(async () => {
  t = await createTestDb();
  second = openDatabase(t.path); // another connection (pool) to the same database, as a second node has
});
afterAll(async () => {
  await second?.close();
  await t.cleanup();
});
beforeEach(async () => {
  await t.db.deleteFrom("outbox").execute();
});

async function queue(n: number, at = new Date()) {
  for (let i = 0; i < n; i++) {
    await insertOutbox(t.db, { id: `mail_${String(i).padStart(4, "0")}`, to: `r${i}@example.pl`, kind: "follow_status", subject: `S${i}`, body: `B${i}` }, new Date(at.getTime() - 60_000 + i));
  }
}

const row = (id: string) => t.db.selectFrom("outbox").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

describe("two workers racing", () => {
  it("send every mail exactly once", async () => {
    await queue(120);
    const sends = new Map<string, string[]>();
    const transport = (name: string): MailTransport => ({
      sendMail: async (m) => {
        sends.set(m.to, [...(sends.get(m.to) ?? []), name]);
        await new Promise((r) => setTimeout(r, Math.random() * 3));
      },
    });
    const run = async (db: OpenedDb["db"], name: string) => {
      let total = 0;
      for (;;) {
        const n = await deliverOutbox(db, transport(name), "bo@test", { worker: name });
        if (n === 0) return total;
        total += n;
      }
    };
    const [a, b] = await Promise.all([run(t.db, "worker-a"), run(second.db, "worker-b")]);
    expect(a + b).toBe(120);
    expect(sends.size).toBe(120);
    for (const [, by] of sends) expect(by).toHaveLength(1);
    // both took part (on both engines the second worker finds rows the first has not claimed)
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(0);
    const left = await t.db.selectFrom("outbox").select("id").where("sent_at", "is", null).execute();
    expect(left).toEqual([]);
  });

  it("a claim holds against another worker until it expires; then it is taken over", async () => {
    await queue(3);
    const now = new Date();
    const until = new Date(now.getTime() + 60_000);
    expect(await claimOutbox(t.db, "dead-worker", 10, now, until)).toHaveLength(3);
    expect(await claimOutbox(second.db, "worker-b", 10, now, until)).toHaveLength(0);
    const later = new Date(until.getTime() + 1);
    const taken = await claimOutbox(second.db, "worker-b", 10, later, new Date(later.getTime() + 60_000));
    expect(taken.map((m) => m.id)).toEqual(["mail_0000", "mail_0001", "mail_0002"]);
  });
});

describe("failures", () => {
  it("a failed send waits, is retried after the back-off and then succeeds", async () => {
    await queue(1);
    let clock = new Date();
    let fail = true;
    const tries: Date[] = [];
    const transport: MailTransport = {
      sendMail: async () => {
        tries.push(clock);
        if (fail) throw new Error("421 try again later");
      },
    };
    const opts = { worker: "w", now: () => clock };
    expect(await deliverOutbox(t.db, transport, "bo@test", opts)).toBe(0);
    let r = await row("mail_0000");
    expect(r).toMatchObject({ attempts: 1, last_error: "421 try again later", sent_at: null, claimed_by: null });
    const retryAt = new Date(r.next_attempt_at!);
    expect(retryAt.getTime()).toBeGreaterThan(clock.getTime());

    // before the back-off is over, nothing is tried
    clock = new Date(retryAt.getTime() - 1000);
    expect(await deliverOutbox(t.db, transport, "bo@test", opts)).toBe(0);
    expect(tries).toHaveLength(1);

    // the second failure waits longer
    clock = retryAt;
    expect(await deliverOutbox(t.db, transport, "bo@test", opts)).toBe(0);
    r = await row("mail_0000");
    expect(r.attempts).toBe(2);
    const secondWait = new Date(r.next_attempt_at!).getTime() - clock.getTime();
    expect(secondWait).toBeGreaterThan(retryAt.getTime() - tries[0]!.getTime());

    fail = false;
    clock = new Date(r.next_attempt_at!);
    expect(await deliverOutbox(t.db, transport, "bo@test", opts)).toBe(1);
    r = await row("mail_0000");
    expect(r.sent_at).not.toBeNull();
    expect(r.body_text).toBe("");
    expect(tries).toHaveLength(3);
  });

  it(`gives up after ${MAX_MAIL_ATTEMPTS} failures and records the last error`, async () => {
    await queue(1);
    let clock = new Date();
    const transport: MailTransport = { sendMail: async () => Promise.reject(new Error("550 mailbox unavailable")) };
    const err = vi.spyOn(console, "error").mockImplementation(() => {});
    for (let i = 0; i < MAX_MAIL_ATTEMPTS + 3; i++) {
      await deliverOutbox(t.db, transport, "bo@test", { worker: "w", now: () => clock });
      clock = new Date(clock.getTime() + 7 * 3600_000);
    }
    err.mockRestore();
    const r = await row("mail_0000");
    expect(r).toMatchObject({ attempts: MAX_MAIL_ATTEMPTS, last_error: "550 mailbox unavailable", sent_at: null, next_attempt_at: null });
    expect(await claimOutbox(t.db, "w", 10, clock, new Date(clock.getTime() + 1000))).toEqual([]);
  });

  it("sends a notification's one-click unsubscribe headers (RFC 8058)", async () => {
    await insertOutbox(t.db, { id: "mail_unsub", to: "f@example.pl", kind: "follow_status", subject: "S", body: "B", unsubscribeUrl: "https://bo.test/unsubscribe?t=abc" });
    const got: Array<Record<string, string> | undefined> = [];
    await deliverOutbox(t.db, { sendMail: async (m) => void got.push(m.headers) }, "bo@test");
    expect(got).toEqual([{ "List-Unsubscribe": "<https://bo.test/unsubscribe?t=abc>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" }]);
    expect((await row("mail_unsub")).unsubscribe_url).toBeNull();
  });
});

describe("start", () => {
  it("production without SMTP_URL warns clearly, once; development and a configured SMTP do not", () => {
    const warn = vi.fn();
    startOutboxSender(t.db, undefined, "bo@test", { production: true, warn })();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toBe(NO_SMTP_WARNING);
    expect(NO_SMTP_WARNING).toMatch(/SMTP_URL is not set/);
    startOutboxSender(t.db, undefined, "bo@test", { production: false, warn })();
    startOutboxSender(t.db, "smtp://127.0.0.1:1", "bo@test", { production: true, warn })();
    expect(warn).toHaveBeenCalledTimes(1);
  });
});
