// The sweep thread's entry point: plain JavaScript, because a worker thread does not inherit the
// TypeScript loader (tsx) of the process that starts it. It registers tsx, then loads the thread.
import { register } from "tsx/esm/api";

register();
await import("./thread-worker.ts");
