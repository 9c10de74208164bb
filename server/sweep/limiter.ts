import { readFileSync } from "node:fs";

/** A counting semaphore: at most `size` holders at once, the others wait in order. */
export class Limiter {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(readonly size: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active++;
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}

/** This process's soft limit on open files (Linux `/proc/self/limits`), or the common default of 1024. */
export function openFileLimit(): number {
  try {
    const line = readFileSync("/proc/self/limits", "utf8")
      .split("\n")
      .find((text) => text.startsWith("Max open files"));
    const field = line?.split(/\s{2,}/)[1];
    if (field === "unlimited") return Number.MAX_SAFE_INTEGER;
    const soft = Number(field);
    return Number.isFinite(soft) && soft > 0 ? soft : 1024;
  } catch {
    return 1024;
  }
}

/** Sockets a sweep may hold at once: the setting, within half the open-file limit (the rest serves the database, probes and HTTP). */
export function sweepWidth(configured: number, fileLimit = openFileLimit()): number {
  return Math.max(1, Math.min(configured, Math.floor(fileLimit / 2)));
}
