/**
 * The environment, parsed once. Safe defaults in development; production refuses to start with
 * the development secrets and says which variable is missing.
 */
import { z } from "zod";
import { CITY } from "./domain/city";

const DEV_SESSION_SECRET = "dev-only-session-secret-change-me-please";
const DEV_IDENTITY_KEY = "dev-only-identity-key-change-me-please";

/** http(s)://host[:port], optionally with a trailing slash, nothing more. */
function isOrigin(v: string): boolean {
  try {
    const u = new URL(v);
    return (u.protocol === "https:" || u.protocol === "http:") && u.origin === v.replace(/\/$/, "");
  } catch {
    return false;
  }
}

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    /** A SQLite file (default) or PostgreSQL: postgres://user:password@host:5432/name (see the README). */
    DATABASE_URL: z.string().min(1).default("./data/bo.sqlite"),
    /** PostgreSQL only: connections per app process (db/client.ts reads it). */
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(500).optional(),
    HOST: z.string().default("127.0.0.1"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    /**
     * The public address (scheme, host, optional port): every link in every e-mail starts with it,
     * never with the request's Host header. Required in production; http://localhost:PORT otherwise.
     */
    PUBLIC_ORIGIN: z
      .string()
      .url()
      .refine(isOrigin, "must be an origin such as https://bo.gdynia.pl (http or https, no path)")
      .optional(),
    /** Where to report a vulnerability (mailto: or https: URL), published at /.well-known/security.txt. */
    SECURITY_CONTACT: z
      .string()
      .regex(/^(mailto:[^\s@]+@[^\s@]+|https:\/\/[^\s]+)$/, "must be a mailto: address or an https: URL")
      .optional(),
    SESSION_SECRET: z.string().min(32).default(DEV_SESSION_SECRET),
    IDENTITY_HASH_KEY: z.string().min(32).default(DEV_IDENTITY_KEY),
    SEED_DEMO: z
      .enum(["true", "false", "1", "0"])
      .optional()
      .transform((v) => (v === undefined ? undefined : v === "true" || v === "1")),
    SMTP_URL: z.string().url().optional(),
    MAIL_FROM: z.string().default(`${CITY.mailFromName} <bo@localhost>`),
    DEV_MAILBOX: z
      .enum(["true", "false", "1", "0"])
      .optional()
      .transform((v) => (v === undefined ? undefined : v === "true" || v === "1")),
    /** Where proposal attachments are stored (created when missing; keep it outside public/). */
    UPLOAD_DIR: z.string().min(1).default("./data/uploads"),
    /** Map tiles for the optional proposal point ({z}/{x}/{y}, optional {s}); also allowed by the CSP in server.js. */
    MAP_TILE_URL: z
      .string()
      .regex(/^https:\/\/[^\s"'<>]+\{z\}[^\s"'<>]*$/, "MAP_TILE_URL must be an https URL template with {z}, {x} and {y}")
      .default("https://tile.openstreetmap.org/{z}/{x}/{y}.png"),
    /** Bearer token for /metrics (Prometheus); without it /metrics answers 404. */
    METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== "production") return;
    if (!env.PUBLIC_ORIGIN)
      ctx.addIssue({ code: "custom", path: ["PUBLIC_ORIGIN"], message: "must be set in production to the public address, e.g. https://bo.gdynia.pl (links in e-mails are built from it)" });
    if (env.SESSION_SECRET === DEV_SESSION_SECRET)
      ctx.addIssue({ code: "custom", path: ["SESSION_SECRET"], message: "must be set to a secret of 32+ characters in production" });
    if (env.IDENTITY_HASH_KEY === DEV_IDENTITY_KEY)
      ctx.addIssue({ code: "custom", path: ["IDENTITY_HASH_KEY"], message: "must be set to a secret of 32+ characters in production" });
  });

export type Env = z.infer<typeof EnvSchema> & {
  seedDemo: boolean;
  devMailbox: boolean;
  /** PUBLIC_ORIGIN without a trailing slash, or http://localhost:PORT outside production. */
  publicOrigin: string;
};

let cached: Env | null = null;

/** Parses an environment (process.env by default); throws naming every missing or bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${lines}\nSee .env.example.`);
  }
  const env = parsed.data;
  return {
    ...env,
    seedDemo: env.SEED_DEMO ?? env.NODE_ENV !== "production",
    devMailbox: env.DEV_MAILBOX ?? env.NODE_ENV !== "production",
    publicOrigin: env.PUBLIC_ORIGIN ? new URL(env.PUBLIC_ORIGIN).origin : `http://localhost:${env.PORT}`,
  };
}

export function getEnv(): Env {
  return (cached ??= parseEnv(process.env));
}
