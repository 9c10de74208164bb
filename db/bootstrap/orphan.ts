import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Who runs the cluster: the process that started it, and the URL other Rackpilot processes may share. */
type Owner = { pid: number; url: string };

const ownerFile = (clusterDir: string) => path.join(clusterDir, "rackpilot-owner.json");

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function read<T>(file: string, parse: (text: string) => T): T | undefined {
  try {
    return parse(readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}

const postmasterPid = (clusterDir: string) => read(path.join(clusterDir, "postmaster.pid"), (text) => Number(text.split("\n")[0]) || undefined);

/** A cluster another live Rackpilot process started (`npm start` while `npm run worker` starts): share it. */
export function runningOwner(clusterDir: string): Owner | undefined {
  const owner = read(ownerFile(clusterDir), (text) => JSON.parse(text) as Owner);
  const postmaster = postmasterPid(clusterDir);
  return owner && postmaster && alive(postmaster) && alive(owner.pid) && owner.pid !== process.pid ? owner : undefined;
}

export function recordOwner(clusterDir: string, url: string): void {
  writeFileSync(ownerFile(clusterDir), JSON.stringify({ pid: process.pid, url } satisfies Owner), { mode: 0o600 });
}

export function forgetOwner(clusterDir: string): void {
  rmSync(ownerFile(clusterDir), { force: true });
}

/**
 * A postmaster whose owner died (kill -9, a crash) keeps running with nobody to stop it. Stop it with a
 * fast shutdown (SIGINT: clients disconnected, everything flushed, nothing lost) before starting our own.
 */
export async function stopOrphan(clusterDir: string, log: (line: string) => void): Promise<void> {
  const pid = postmasterPid(clusterDir);
  if (!pid || !alive(pid) || runningOwner(clusterDir)) return;
  log(`Stopping the embedded PostgreSQL (pid ${pid}) left running by a Rackpilot process that died.`);
  process.kill(pid, "SIGINT");
  for (let waited = 0; alive(pid); waited += 100) {
    if (waited > 60_000) throw new Error(`The orphaned embedded PostgreSQL (pid ${pid}) did not stop within a minute: stop it, then start again.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
