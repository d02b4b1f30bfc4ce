// Lint: TypeScript's recommended rules plus the import boundaries of STYLE.md —
// client code never imports *.server modules or db/, and app/domain stays pure (zod only).
import tseslint from "typescript-eslint";

const serverOnly = {
  group: ["**/*.server", "**/*.server.ts", "~/db.server", "**/db/*", "../db/*", "../../db/*"],
  message: "Server-only code (*.server.ts, db/) must not be imported here: it would reach the browser bundle.",
};

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
    rules: { "no-restricted-imports": ["error", { patterns: [serverOnly] }] },
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
      "no-restricted-imports": ["error", { paths: [{ name: "kysely", message: "No SQL in routes: put the query in app/data/*.server.ts and call it." }] }],
    },
  },
  {
    files: ["app/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            serverOnly,
            {
              group: ["react", "react-dom", "@remix-run/*", "kysely", "better-sqlite3", "node:*", "~/data/*", "~/services/*", "~/routes/*"],
              message: "app/domain is pure TypeScript: no framework, database or Node imports (zod only).",
            },
          ],
        },
      ],
    },
  },
);
