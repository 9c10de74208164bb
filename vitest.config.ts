import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

export default defineConfig({
  resolve: { alias: { "~": fileURLToPath(new URL("./", import.meta.url)) } },
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", ".next/**", "e2e/**"],
    globalSetup: ["./db/testing/global-setup.ts"],
    pool: "forks",
    env: { RACKPILOT_SECRET: "test-only-secret-0123456789abcdef", RACKPILOT_DATA_DIR: ".rackpilot/test" },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
