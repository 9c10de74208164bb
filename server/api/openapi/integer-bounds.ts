/** Zod documents every `z.number().int()` with ±2^53-1 bounds: noise to a reader and to SDK generators. */
export function stripSafeIntegerBounds(node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach(stripSafeIntegerBounds);
    return;
  }
  if (!node || typeof node !== "object") return;
  const record = node as Record<string, unknown>;
  if (record.type === "integer") {
    if (record.minimum === Number.MIN_SAFE_INTEGER) delete record.minimum;
    if (record.maximum === Number.MAX_SAFE_INTEGER) delete record.maximum;
  }
  Object.values(record).forEach(stripSafeIntegerBounds);
}
