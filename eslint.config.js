// Lint: TypeScript's recommended rules plus the layers of STYLE.md, one block per folder:
//   routes → services → domain + data → db. Client code never imports *.server modules or db/
//   (types excepted: they vanish from the bundle, so a view type is declared once, server side);
//   app/domain is pure (zod only); app/data holds queries only (db, domain, kysely, zod);
//   app/services take plain inputs (no Remix, conform, components or cookie sessions).
import tseslint from "typescript-eslint";

const serverOnly = {
  group: ["**/*.server", "**/*.server.ts", "~/db.server", "**/db/*", "../db/*", "../../db/*"],
  message: "Server-only code (*.server.ts, db/) must not be imported here: it would reach the browser bundle.",
  allowTypeImports: true,
};

const restrict = (...patterns) => ({ "@typescript-eslint/no-restricted-imports": ["error", { patterns }] });

export default tseslint.config(
  { ignores: ["build/**", "public/build/**", "node_modules/**", ".cache/**", "tests/.artifacts/**"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["app/components/**/*.{ts,tsx}", "app/i18n/**/*.{ts,tsx}", "app/entry.client.tsx"],
    ignores: ["**/*.server.ts"],
    rules: restrict(serverOnly),
  },
  {
    // routes guard, parse, call one thing and respond: queries live in app/data (STYLE.md)
    files: ["app/routes/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.property.name=/^(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto|selectNoFrom)$/]",
          message: "No SQL in routes: put the query in app/data/*.server.ts and call it.",
        },
        { selector: "TaggedTemplateExpression[tag.name='sql']", message: "No SQL in routes: put the query in app/data/*.server.ts and call it." },
      ],
      "@typescript-eslint/no-restricted-imports": ["error", { paths: [{ name: "kysely", message: "No SQL in routes: put the query in app/data/*.server.ts and call it." }] }],
    },
  },
  {
    // db/ is the schema, migrations and client: it imports nothing from app/ (the demo seed, which
    // builds the demo through the services, lives in app/cli)
    files: ["db/**/*.ts"],
    rules: restrict({ regex: "(^|/)app/|^~/", message: "db/ (schema, migrations, client) imports nothing from app/." }),
  },
  {
    files: ["app/domain/**/*.ts"],
    rules: restrict(
      {
        // anything but zod and other domain modules
        regex: "^(?!zod$|~/domain/|\\.{1,2}/)",
        message: "app/domain is pure TypeScript: it imports only zod and other domain modules.",
      },
      {
        regex: "(^|/)(data|services|routes|components|auth|http|i18n|cli|db)(/|$)|\\.server$",
        message: "app/domain is pure TypeScript: it imports only zod and other domain modules.",
      },
    ),
  },
  {
    files: ["app/data/**/*.ts"],
    rules: restrict({
      // the database (db/client, db/schema, db/like), domain types and rules, kysely, zod, node, sibling queries
      regex: "^(?!zod$|kysely$|node:|~/domain/|\\.\\./\\.\\./db/|\\./[a-z0-9-]+\\.server$)",
      message: "app/data holds queries only: it imports db/, app/domain, kysely, zod and other app/data modules.",
    }),
  },
  {
    files: ["app/services/**/*.ts"],
    rules: restrict(
      {
        regex: "^(@remix-run/|@conform-to/|react$|react-dom|~/components/|~/routes/|~/http/form$)",
        message: "Services take plain inputs and return results: parse forms, read requests and build responses in the route.",
      },
      {
        regex: "^~/(auth/(session|vote-session)\\.server|i18n/locale\\.server)$",
        allowTypeImports: true,
        message: "Services take plain inputs: the route reads the session and cookies and passes the user or locale in.",
      },
    ),
  },
);
