/**
 * The signed cookie that carries a voter between identification and casting
 * (app/auth/vote-session.server.ts): only values we signed are read, expiry holds even for a value
 * read before, and the page cache's variant says nothing about who the voter is.
 */
import { describe, expect, it } from "vitest";
import { castMarkerCookie, readCastMarker, readVoteState, receiptCookie, voteStateCookie, voteStepVariant } from "~/auth/vote-session.server";

const state = { programmeId: "ed_2026_bo", voterId: "vtr_123", ageBand: "30-39", birthDate: { year: 1990, month: 5, day: 14 }, onBehalf: "self" as const };
const valueOf = (setCookie: string) => setCookie.split(";")[0]!.split("=").slice(1).join("=");
const asRequest = (value: string) => new Request("http://bo.test/vote/bo/ballot", { headers: { Cookie: `lang=pl; bo_vote=${value}` } });

describe("voting cookie", () => {
  const now = Date.UTC(2026, 10, 22, 12, 0, 0);
  const value = valueOf(voteStateCookie(state, now));

  it("reads back what was signed", () => {
    expect(readVoteState(asRequest(value), now + 1000)).toMatchObject({ ...state, v: 1 });
  });

  it("refuses a value with a changed payload or signature", () => {
    const [payload, mac] = value.split(".");
    const other = Buffer.from(JSON.stringify({ ...state, voterId: "vtr_999", v: 1, exp: Math.floor(now / 1000) + 1800 })).toString("base64url");
    expect(readVoteState(asRequest(`${other}.${mac}`), now)).toBeNull();
    expect(readVoteState(asRequest(`${payload}.${mac!.slice(0, -2)}AA`), now)).toBeNull();
    expect(readVoteState(asRequest(payload!), now)).toBeNull();
  });

  it("refuses an expired value, also one that was read while it was valid", () => {
    expect(readVoteState(asRequest(value), now + 29 * 60_000)).not.toBeNull();
    expect(readVoteState(asRequest(value), now + 31 * 60_000)).toBeNull();
  });

  it("gives the page cache the programme and parent/self only, and nothing for bad values", () => {
    expect(voteStepVariant(`bo_vote=${value}`, now)).toBe("ed_2026_bo|self");
    const guardian = valueOf(voteStateCookie({ ...state, onBehalf: "guardian" }, now));
    expect(voteStepVariant(`lang=uk; bo_vote=${guardian}`, now)).toBe("ed_2026_bo|guardian");
    expect(voteStepVariant(`bo_vote=${value}x`, now)).toBeNull();
    expect(voteStepVariant(`bo_vote=${value}`, now + 31 * 60_000)).toBeNull();
    expect(voteStepVariant(undefined, now)).toBeNull();
    expect(voteStepVariant("lang=pl", now)).toBeNull();
  });
});

describe("the 'ballot cast' marker (Back after casting)", () => {
  const now = Date.UTC(2026, 10, 22, 12, 0, 0);
  const marker = valueOf(castMarkerCookie("ed_2026_bo", now));
  const req = (value: string) => new Request("http://bo.test/vote/bo/ballot", { headers: { Cookie: `lang=pl; bo_voted=${value}` } });

  it("says a ballot of that programme was cast, for half an hour, and holds nothing but the programme", () => {
    expect(readCastMarker(req(marker), "ed_2026_bo", now + 1000)).toBe(true);
    expect(readCastMarker(req(marker), "ed_2026_children", now + 1000)).toBe(false);
    expect(readCastMarker(req(marker), "ed_2026_bo", now + 31 * 60_000)).toBe(false);
    expect(Object.keys(JSON.parse(Buffer.from(marker.split(".")[0]!, "base64url").toString("utf8"))).sort()).toEqual(["cast", "exp"]);
  });

  it("is not forged from another signed cookie, a changed payload or no cookie", () => {
    const other = Buffer.from(JSON.stringify({ cast: "ed_2026_children", exp: Math.floor(now / 1000) + 1800 })).toString("base64url");
    expect(readCastMarker(req(`${other}.${marker.split(".")[1]}`), "ed_2026_children", now)).toBe(false);
    expect(readCastMarker(req(valueOf(voteStateCookie(state, now))), "ed_2026_bo", now)).toBe(false);
    expect(readCastMarker(req(valueOf(receiptCookie("ABCD-EFGH-JKMN-PQRS-T"))), "ed_2026_bo", now)).toBe(false);
    expect(readCastMarker(new Request("http://bo.test/vote/bo"), "ed_2026_bo", now)).toBe(false);
    // and a marker is never a voter's state
    expect(readVoteState(new Request("http://bo.test/vote/bo", { headers: { Cookie: `bo_vote=${marker}` } }), now)).toBeNull();
  });
});
