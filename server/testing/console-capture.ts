import { format } from "node:util";
import { vi } from "vitest";

const METHODS = ["log", "info", "warn", "error", "debug", "trace"] as const;

/**
 * Records every console line (as it would be printed) instead of printing it, so a test can assert
 * what reached the log. `restore()` puts the console back.
 */
export function captureConsole() {
  const lines: string[] = [];
  const spies = METHODS.map((method) =>
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      lines.push(...format(...args).split("\n"));
    }),
  );
  return {
    lines,
    restore: () => {
      for (const spy of spies) spy.mockRestore();
    },
  };
}
