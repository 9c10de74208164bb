import { z } from "zod";

/** Python's name for a JSON value's type, as DRF prints it in messages. */
export function pythonTypeName(value: unknown): string {
  if (value === null) return "NoneType";
  if (Array.isArray(value)) return "list";
  if (typeof value === "string") return "str";
  if (typeof value === "boolean") return "bool";
  if (typeof value === "number") return Number.isInteger(value) ? "int" : "float";
  return "dict";
}

type Issue = z.core.$ZodRawIssue;

const INTEGER_FORMATS = new Set(["safeint", "int32", "uint32", "int64", "uint64"]);

/** `z.number().int()` reports a string as "expected number": DRF still calls the field an integer. */
function isIntegerSchema(issue: Issue): boolean {
  const def = issue.inst?._zod.def as { format?: string; checks?: Array<{ _zod: { def: { format?: string } } }> } | undefined;
  return INTEGER_FORMATS.has(def?.format ?? "") || (def?.checks ?? []).some((check) => INTEGER_FORMATS.has(check._zod.def.format ?? ""));
}

function invalidType(issue: Issue & { expected?: string }): string | undefined {
  if (issue.input === undefined) return "This field is required.";
  if (issue.input === null) return "This field may not be null.";
  switch (issue.expected) {
    case "string":
      return "Not a valid string.";
    case "int":
      return "A valid integer is required.";
    case "number":
      return isIntegerSchema(issue) ? "A valid integer is required." : "A valid number is required.";
    case "boolean":
      return "Must be a valid boolean.";
    case "array":
      return `Expected a list of items but got type "${pythonTypeName(issue.input)}".`;
    case "object":
      return `Invalid data. Expected a dictionary, but got ${pythonTypeName(issue.input)}.`;
  }
  return undefined;
}

const formatMessages: Record<string, string> = {
  ipv4: "Enter a valid IPv4 address.",
  ipv6: "Enter a valid IPv6 address.",
  url: "Enter a valid URL.",
  email: "Enter a valid email address.",
};

/**
 * A value no branch of a union accepts: DRF has one field there, so one message. An IP address field
 * (IPv4 or IPv6) gets DRF's own; otherwise the last branch speaks (`"" | email` -> the email message).
 */
function invalidUnion(branches: ReadonlyArray<ReadonlyArray<{ message: string; code: string; format?: string }>>): string | undefined {
  const formats = new Set(branches.map((issues) => (issues.length === 1 && issues[0]!.code === "invalid_format" ? issues[0]!.format : undefined)));
  if (formats.size === 2 && formats.has("ipv4") && formats.has("ipv6")) return "Enter a valid IPv4 or IPv6 address.";
  return branches.at(-1)?.[0]?.message;
}

/** DRF's wording for every validation failure, so REST bodies and UI forms read the same. */
export function drfMessage(issue: Issue): string | undefined {
  const i = issue as Issue & Record<string, unknown>;
  switch (issue.code) {
    case "invalid_type":
      return invalidType(i);
    case "too_small":
      if (i.origin === "string") return i.minimum === 1 ? "This field may not be blank." : `Ensure this field has at least ${i.minimum} characters.`;
      if (i.origin === "array") return i.minimum === 1 ? "This list may not be empty." : `Ensure this field has at least ${i.minimum} elements.`;
      return `Ensure this value is greater than or equal to ${i.minimum}.`;
    case "too_big":
      if (i.origin === "string") return `Ensure this field has no more than ${i.maximum} characters.`;
      if (i.origin === "array") return `Ensure this field has no more than ${i.maximum} elements.`;
      return `Ensure this value is less than or equal to ${i.maximum}.`;
    case "invalid_value":
      if (issue.input === undefined) return "This field is required.";
      if (issue.input === null) return "This field may not be null.";
      return `"${String(issue.input)}" is not a valid choice.`;
    case "invalid_format":
      return formatMessages[String(i.format)] ?? "Enter a valid value.";
    case "invalid_union":
      return invalidUnion((i.errors ?? []) as Parameters<typeof invalidUnion>[0]);
  }
  return undefined;
}

z.config({ customError: drfMessage });

export { z };
