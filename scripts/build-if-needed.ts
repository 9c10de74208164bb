import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const SOURCES = ["app", "server", "db", "workers", "next.config.mjs", "postcss.config.mjs", "package-lock.json"];

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(entry).map((name) => newestMtime(path.join(entry, name))));
}

/** `next build` when there is no production build or the sources changed since the last one. */
export function buildIfNeeded(): void {
  const buildId = ".next/BUILD_ID";
  const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  if (builtAt && Math.max(...SOURCES.map(newestMtime)) < builtAt) return;
  console.log(builtAt ? "Sources changed since the last build: rebuilding…" : "No production build yet: building (about a minute)…");
  const result = spawnSync(process.execPath, [nextBin(), "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) throw new Error("next build failed");
}

function nextBin(): string {
  return path.resolve("node_modules/next/dist/bin/next");
}
