import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { statSync } from "node:fs";
import path from "node:path";

/** Where clusters go when root's data dir is out of the postgres user's reach (the FHS place for state). */
const ROOT_CLUSTERS = "/var/lib/rackpilot";

function postgresUid(): number | undefined {
  try {
    return Number(execFileSync("id", ["-u", "postgres"], { stdio: ["ignore", "pipe", "ignore"] }).toString().trim());
  } catch {
    return undefined;
  }
}

/** Whether another user (the `postgres` account) can walk down to `dir`: every existing ancestor needs o+x (or to be its own). */
function reachableByPostgres(dir: string): boolean {
  const uid = postgresUid();
  for (let current = path.dirname(dir); ; current = path.dirname(current)) {
    try {
      const info = statSync(current);
      if (info.uid !== uid && !(info.mode & 0o001)) return false;
    } catch {
      // Not created yet: it will be created with the default (traversable) mode.
    }
    if (current === path.dirname(current)) return true;
  }
}

/**
 * Where the embedded cluster lives. Postgres refuses to run as root, so as root it runs as the `postgres`
 * user, which must reach the cluster's directory. When a private parent (like /root, mode 700) stands in
 * the way, the cluster goes under /var/lib/rackpilot instead, one directory per data dir; `moved` says so.
 */
export function clusterLocation(requested: string): { dir: string; moved: boolean } {
  const dir = path.resolve(requested);
  if (process.getuid?.() !== 0 || reachableByPostgres(dir)) return { dir, moved: false };
  const key = createHash("sha256").update(dir).digest("hex").slice(0, 12);
  return { dir: path.join(ROOT_CLUSTERS, `pg-${key}`), moved: true };
}
