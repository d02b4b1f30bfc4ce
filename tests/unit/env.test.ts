import { describe, expect, it } from "vitest";
import { parseEnv } from "~/env.server";

const production = {
  NODE_ENV: "production",
  SESSION_SECRET: "a-production-session-secret-0123456789",
  IDENTITY_HASH_KEY: "a-production-identity-key-0123456789ab",
};

describe("environment: PUBLIC_ORIGIN", () => {
  it("is required in production, and the refusal names it", () => {
    expect(() => parseEnv(production)).toThrow(/PUBLIC_ORIGIN: must be set in production/);
  });

  it("is the origin of every e-mailed link in production", () => {
    expect(parseEnv({ ...production, PUBLIC_ORIGIN: "https://bo.gdynia.pl/" }).publicOrigin).toBe("https://bo.gdynia.pl");
  });

  it("must be an origin: no path, http or https only", () => {
    expect(() => parseEnv({ ...production, PUBLIC_ORIGIN: "https://bo.gdynia.pl/app" })).toThrow(/PUBLIC_ORIGIN: must be an origin/);
    expect(() => parseEnv({ ...production, PUBLIC_ORIGIN: "javascript:alert(1)" })).toThrow(/PUBLIC_ORIGIN/);
  });

  it("defaults to localhost and the port in development, never to a request's Host", () => {
    expect(parseEnv({}).publicOrigin).toBe("http://localhost:3000");
    expect(parseEnv({ PORT: "8080" }).publicOrigin).toBe("http://localhost:8080");
  });
});
