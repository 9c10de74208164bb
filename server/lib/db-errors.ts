const UNIQUE_VIOLATION = "23505";

/** Whether a query failed on the named unique constraint (drizzle wraps the driver's error as `cause`). */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let current = error; current instanceof Error; current = current.cause) {
    const pg = current as Error & { code?: string; constraint_name?: string };
    if (pg.code === UNIQUE_VIOLATION) return pg.constraint_name === constraint;
  }
  return false;
}
