import { defineConfig } from "@playwright/test";

export const E2E_PORT = Number(process.env.E2E_PORT) || 3100;
export const E2E_ADMIN = { username: "admin", password: "e2e-admin-password" };

// Debian's chromium (apt-get install chromium): Playwright's own browser download cannot work here.
export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  webServer: {
    // A production build served by our own server, on a fresh embedded database each run.
    command: `rm -rf .rackpilot/e2e-${E2E_PORT} && npx tsx scripts/start.ts`,
    url: `http://127.0.0.1:${E2E_PORT}/login`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "ignore",
    env: {
      PORT: String(E2E_PORT),
      HOST: "127.0.0.1",
      RACKPILOT_DATA_DIR: `.rackpilot/e2e-${E2E_PORT}`,
      RACKPILOT_ADMIN_USER: E2E_ADMIN.username,
      RACKPILOT_ADMIN_PASSWORD: E2E_ADMIN.password,
      // Where simulated BMCs download firmware from during a remediation.
      RACKPILOT_PUBLIC_URL: `http://127.0.0.1:${E2E_PORT}`,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
