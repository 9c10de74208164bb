import type { z } from "zod";
import type { FieldErrors } from "../services/errors";

/** Turns zod issues into DRF's nested `{field: ["message"]}` body; root issues become non_field_errors. */
export function zodIssuesToDrf(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const body: FieldErrors = {};
  for (const issue of issues) {
    const path = issue.path.length ? issue.path.map(String) : ["non_field_errors"];
    let node = body as Record<string, unknown>;
    for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
    const leaf = path[path.length - 1]!;
    const messages = (node[leaf] ??= []) as string[];
    if (Array.isArray(messages) && !messages.includes(issue.message)) messages.push(issue.message);
  }
  return body;
}
