import type { z } from "zod";
import type { FieldErrors } from "../services/errors";

const BLANK = "This field may not be blank.";

/**
 * DRF stops at a field's first failure of kind: a value of the wrong type, or a blank string, is
 * reported alone, because the validators never run. Zod still runs length checks on anything with
 * a length (a list given for a string), so those messages are dropped here.
 */
function drfMessages(issues: readonly z.core.$ZodIssue[]): string[] {
  const typeIssues = issues.filter((issue) => issue.code === "invalid_type");
  const kept = typeIssues.length ? typeIssues : issues.some((issue) => issue.message === BLANK) ? issues.filter((issue) => issue.message === BLANK) : issues;
  return [...new Set(kept.map((issue) => issue.message))];
}

/** Turns zod issues into DRF's nested `{field: ["message"]}` body; root issues become non_field_errors. */
export function zodIssuesToDrf(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const byPath = new Map<string, { path: string[]; issues: z.core.$ZodIssue[] }>();
  for (const issue of issues) {
    const path = issue.path.length ? issue.path.map(String) : ["non_field_errors"];
    const key = JSON.stringify(path);
    if (!byPath.has(key)) byPath.set(key, { path, issues: [] });
    byPath.get(key)!.issues.push(issue);
  }
  const body: FieldErrors = {};
  for (const { path, issues: fieldIssues } of byPath.values()) {
    let node = body as Record<string, unknown>;
    for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
    node[path[path.length - 1]!] = drfMessages(fieldIssues);
  }
  return body;
}
