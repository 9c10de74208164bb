import { readdirSync, readFileSync } from "node:fs";

// Linux /proc readers for benchmarks that measure other processes (the product's web and worker).
const TICKS_PER_SECOND = 100;

function statFields(pid: number): string[] | undefined {
  try {
    // The command name (field 2) may hold spaces: the fields after it start past its ")".
    return readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  } catch {
    return undefined;
  }
}

/** `pid` and every process below it (a server that forks helpers counts them), except the subtrees of `excluded`. */
export function processTree(pid: number, excluded: number[] = []): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    const child = Number(entry);
    const parent = Number.isInteger(child) ? Number(statFields(child)?.[1]) : NaN;
    if (!Number.isNaN(parent)) children.set(parent, [...(children.get(parent) ?? []), child]);
  }
  const tree: number[] = [];
  for (const queue = [pid]; queue.length; ) {
    const next = queue.pop()!;
    if (excluded.includes(next)) continue;
    tree.push(next);
    queue.push(...(children.get(next) ?? []));
  }
  return tree;
}

/** Resident set size in bytes (0 once the process is gone). */
export function rssBytes(pid: number): number {
  try {
    const line = readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmRSS:\s+(\d+) kB/m);
    return line ? Number(line[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** CPU seconds (user + system) of a process, with those of the children it has reaped. */
export function cpuSeconds(pid: number): number {
  const fields = statFields(pid);
  if (!fields) return 0;
  // utime, stime, cutime, cstime: fields 14-17 of stat, 11-14 after the command name.
  return [11, 12, 13, 14].reduce((sum, index) => sum + Number(fields[index]), 0) / TICKS_PER_SECOND;
}

/** CPU seconds of a process tree: its live members, and what each has reaped (PostgreSQL's exited backends). */
export function treeCpuSeconds(pid: number, excluded: number[] = []): number {
  return processTree(pid, excluded).reduce((sum, member) => sum + cpuSeconds(member), 0);
}

/** Samples the summed RSS of each named process tree every `intervalMs`, keeping each peak and the peak of the sum. */
export function sampleRss(roots: Record<string, number>, { excluded = [], intervalMs = 200 }: { excluded?: number[]; intervalMs?: number } = {}) {
  const peaks: Record<string, number> = Object.fromEntries(Object.keys(roots).map((name) => [name, 0]));
  let peakTotal = 0;
  let samples = 0;
  const sample = () => {
    let total = 0;
    for (const [name, pid] of Object.entries(roots)) {
      const rss = processTree(pid, excluded).reduce((sum, member) => sum + rssBytes(member), 0);
      peaks[name] = Math.max(peaks[name]!, rss);
      total += rss;
    }
    peakTotal = Math.max(peakTotal, total);
    samples += 1;
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return { peaks, peakTotal, samples };
    },
  };
}
