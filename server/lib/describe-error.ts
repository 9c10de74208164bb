const MAX_CAUSES = 5;
const STACK_LINES = 8;

// drizzle puts the query's parameters in its error message: they may hold password hashes or secrets.
function safeMessage(error: Error): string {
  if ("query" in error && "params" in error) return `Failed query: ${String(error.query)}`;
  return error.message;
}

/** One line for an operator (a status message): the error's message, never a failed query's values. */
export function errorSummary(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if ("query" in error && "params" in error) return `a database query failed (${error.cause instanceof Error ? error.cause.message : "no reason given"})`;
  return error.message;
}

/**
 * An unexpected error and its causes, for the server log: names, messages and stack frames, but
 * never the values a failed query was given.
 */
export function describeError(error: unknown): string {
  const lines: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && depth < MAX_CAUSES; depth++) {
    if (!(current instanceof Error)) {
      lines.push(`${depth ? "caused by " : ""}${typeof current}`);
      break;
    }
    lines.push(`${depth ? "caused by " : ""}${current.name}: ${safeMessage(current)}`);
    lines.push(...(current.stack ?? "").split("\n").filter((line) => line.startsWith("    at ")).slice(0, STACK_LINES));
    current = current.cause;
  }
  return lines.join("\n");
}
