import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

const app = fileURLToPath(new URL("./app", import.meta.url));
// The integration suite runs a second time against PostgreSQL when a server is given
// (TEST_DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/postgres; each test file gets its own
// fresh database there). Without it the project is simply absent.
const pgUrl = process.env.TEST_DATABASE_URL;

export default defineConfig({
  resolve: { alias: { "~": app } },
  test: {
    projects: [
      {
        resolve: { alias: { "~": app } },
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node", testTimeout: 120_000 },
      },
      {
        resolve: { alias: { "~": app } },
        test: { name: "integration", include: ["tests/integration/**/*.test.ts"], environment: "node", testTimeout: 60_000 },
      },
      ...(pgUrl
        ? [
            {
              resolve: { alias: { "~": app } },
              test: {
                name: "integration-pg",
                include: ["tests/integration/**/*.test.ts"],
                environment: "node",
                testTimeout: 60_000,
                hookTimeout: 60_000,
                env: { BO_TEST_PG: "1", TEST_DATABASE_URL: pgUrl },
              },
            },
          ]
        : []),
      {
        resolve: { alias: { "~": app } },
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          environment: "node",
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          globalSetup: ["tests/e2e/global-setup.ts"],
        },
      },
    ],
  },
});
