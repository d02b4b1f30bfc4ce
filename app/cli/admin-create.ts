/**
 * Creates the first administrator (or makes an existing account an administrator):
 *   npm run admin:create -- --email jan@gdynia.pl [--name "Jan Kowalski"] [--password ...]
 * Without --password a strong one is generated and printed once. Written to the audit log.
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { openDatabase } from "../../db/client";
import { migrateToLatest } from "../../db/migrate";
import { randomToken } from "../auth/crypto.server";
import { createVerifiedAccount } from "../services/accounts.server";
import { grantAdministratorFromCli } from "../services/roles.server";
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
    const account = await createVerifiedAccount(db, { email: args.data.email, displayName: args.data.name, password, locale: "pl" }, "admin:create");
    const grant = await grantAdministratorFromCli(db, account.id, "admin:create");
    if (!grant.ok) throw new Error(grant.reason);
    const result = { created: account.created, granted: grant.granted };
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
