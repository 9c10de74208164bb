import { readFileSync } from "node:fs";
import semver from "semver";
import { expect, it } from "vitest";

// An optional binary for 32-bit Windows only (sharp, for Next's image optimisation, which Rackpilot does
// not use): npm skips it where its engines do not match, and nothing else installs on that platform anyway.
const KNOWN_EXCEPTIONS = new Set(["@img/sharp-win32-ia32"]);

type Lockfile = { packages: Record<string, { version?: string; engines?: Record<string, string> | string[] }> };

it("every Node version package.json's engines allows is allowed by every locked dependency", () => {
  const ours = (JSON.parse(readFileSync("package.json", "utf8")) as { engines: { node: string } }).engines.node;
  const lock = JSON.parse(readFileSync("package-lock.json", "utf8")) as Lockfile;
  const conflicts = Object.entries(lock.packages)
    .filter(([name, entry]) => name && !KNOWN_EXCEPTIONS.has(name.replace(/^.*node_modules\//, "")) && !Array.isArray(entry.engines) && entry.engines?.node)
    .filter(([, entry]) => !semver.subset(ours, (entry.engines as Record<string, string>).node!, { includePrerelease: false }))
    .map(([name, entry]) => `${name.replace(/^.*node_modules\//, "")}@${entry.version} wants node ${(entry.engines as Record<string, string>).node}`);
  expect(conflicts).toEqual([]);
});
