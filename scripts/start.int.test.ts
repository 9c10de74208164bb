import { spawn } from "node:child_process";
import { expect, it } from "vitest";

it("npm start stops at once with one clear message when a setting is invalid (before building or touching the database)", async () => {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: { ...process.env, RACKPILOT_LOGIN_FAILURE_LIMIT: "ten", RACKPILOT_DATA_DIR: ".rackpilot/test-invalid-env", PORT: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  clearTimeout(timer);
  expect(code).toBe(1);
  expect(output).toContain('RACKPILOT_LOGIN_FAILURE_LIMIT="ten": expected a whole number');
  expect(output).not.toMatch(/building| {4}at /);
});
