/**
 * Creates the first administrator (or makes an existing account an administrator):
 *   npm run admin:create -- --email jan@gdynia.pl [--name "Jan Kowalski"] [--password ...]
 * Without --password a strong one is generated and printed once. Written to the audit log.
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { openDatabase } from "../../db/client";
import { migrateToLatest } from "../../db/migrate";
import { hashPassword, newId, randomToken } from "../auth/crypto.server";
import { insertAudit } from "../data/audit.server";
import { getUserByEmail, listUserRoles } from "../data/users.server";
import { DisplayNameSchema, EmailSchema, NewPasswordSchema } from "../domain/account";

const ArgsSchema = z.object({
  email: EmailSchema,
  name: DisplayNameSchema.default("Administrator"),
  password: NewPasswordSchema.optional(),
});

async function main() {
  const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" }, password: { type: "string" } } });
  const args = ArgsSchema.safeParse(values);
  if (!args.success) {
    console.error(`Usage: npm run admin:create -- --email EMAIL [--name NAME] [--password PASSWORD]\n${args.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n")}`);
    process.exit(2);
  }
  const { db, close } = openDatabase(process.env.DATABASE_URL ?? "./data/bo.sqlite");
  try {
    await migrateToLatest(db);
    const password = args.data.password ?? randomToken().slice(0, 20);
    const now = new Date().toISOString();
    const result = await db.transaction().execute(async (trx) => {
      const existing = await getUserByEmail(trx, args.data.email);
      const id = existing?.id ?? newId("usr");
      if (!existing) {
        await trx
          .insertInto("users")
          .values({ id, email: args.data.email, email_verified_at: now, password_hash: await hashPassword(password), display_name: args.data.name, locale: "pl", created_at: now, deleted_at: null })
          .execute();
      }
      const before = await listUserRoles(trx, id);
      if (before.some((g) => g.role === "admin" && g.scope === "*")) return { id, created: !existing, granted: false };
      await trx.insertInto("user_roles").values({ user_id: id, role: "admin", scope: "*", granted_by: null, granted_at: now }).execute();
      await insertAudit(trx, { actorUserId: null, actorRole: "cli", action: "role.grant", objectType: "user", objectId: id, before, after: await listUserRoles(trx, id), reason: "admin:create" });
      return { id, created: !existing, granted: true };
    });
    if (result.created) console.log(`Created ${args.data.email} as administrator.${args.data.password ? "" : `\nPassword (shown once): ${password}`}`);
    else console.log(result.granted ? `${args.data.email} is now an administrator.` : `${args.data.email} already is an administrator.`);
  } finally {
    await close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
