import { redfishError } from "../http/errors";
import type { Reply, RequestContext } from "../http/reply";
import { isReply, readUpdateParameters, type UpdateParameters } from "./update-parameters";

interface Part {
  name?: string;
  filename?: string;
  data: Buffer;
}

export interface Upload<ApplyTime extends string = string> extends UpdateParameters<ApplyTime> {
  image: { data: Buffer; name: string };
  /** `Oem` of `UpdateParameters` (Supermicro's preserve-settings flags). */
  oem?: unknown;
}

const CRLF = Buffer.from("\r\n");
const HEADER_END = Buffer.from("\r\n\r\n");

/** The parts of a `multipart/form-data` body, or undefined when it is not well formed. */
export function parseMultipart(body: Buffer, boundary: string): Part[] | undefined {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Part[] = [];
  let at = body.indexOf(delimiter);
  if (at < 0) return undefined;
  for (;;) {
    at += delimiter.length;
    if (body.subarray(at, at + 2).toString("latin1") === "--") return parts;
    const next = body.indexOf(delimiter, at);
    if (next < 0) return undefined;
    const start = body.subarray(at, at + 2).equals(CRLF) ? at + 2 : at;
    const end = body.subarray(next - 2, next).equals(CRLF) ? next - 2 : next;
    const headerEnd = body.indexOf(HEADER_END, start);
    if (headerEnd < 0 || headerEnd > end) return undefined;
    const headers = body.subarray(start, headerEnd).toString("utf8");
    const disposition = /^content-disposition:(.*)$/im.exec(headers)?.[1] ?? "";
    parts.push({
      name: /\bname="([^"]*)"/i.exec(disposition)?.[1],
      filename: /\bfilename="([^"]*)"/i.exec(disposition)?.[1],
      data: body.subarray(headerEnd + HEADER_END.length, end),
    });
    at = next;
  }
}

/** Whether the request came without a Content-Length (Transfer-Encoding: chunked). */
export function isChunked(ctx: RequestContext): boolean {
  return /chunked/i.test(String(ctx.headers["transfer-encoding"] ?? ""));
}

/**
 * A DSP0266 multipart push: the `UpdateParameters` part (JSON: `Targets`,
 * `@Redfish.OperationApplyTime`, `ForceUpdate`, `Oem`) and the `UpdateFile` part (the image).
 */
export function readMultipartUpload<ApplyTime extends string>(ctx: RequestContext, action: string, applyTimes: readonly ApplyTime[]): Upload<ApplyTime> | Reply {
  const { profile } = ctx.bmc;
  const invalid = (detail: string) => redfishError(profile, 400, "ActionParameterValueError", { args: ["UpdateFile", action], detail });
  const boundary = /boundary="?([^";]+)"?/i.exec(String(ctx.headers["content-type"] ?? ""))?.[1];
  if (!/^multipart\/form-data/i.test(String(ctx.headers["content-type"] ?? "")) || !boundary) {
    return invalid("The push must be multipart/form-data with an UpdateParameters part and an UpdateFile part.");
  }
  const parts = parseMultipart(ctx.rawBody, boundary);
  if (!parts) return invalid("The multipart body is not well formed.");
  const file = parts.find((part) => part.name === "UpdateFile");
  const parametersPart = parts.find((part) => part.name === "UpdateParameters");
  if (!parametersPart) return redfishError(profile, 400, "ActionParameterMissing", { args: [action, "UpdateParameters"] });
  if (!file || file.data.length === 0) return redfishError(profile, 400, "ActionParameterMissing", { args: [action, "UpdateFile"] });
  let fields: unknown;
  try {
    fields = JSON.parse(parametersPart.data.toString("utf8"));
  } catch {
    return redfishError(profile, 400, "MalformedJSON");
  }
  if (typeof fields !== "object" || fields === null || Array.isArray(fields)) return redfishError(profile, 400, "MalformedJSON");
  const parameters = readUpdateParameters(profile, fields as Record<string, unknown>, action, applyTimes);
  if (isReply(parameters)) return parameters;
  return { ...parameters, image: { data: file.data, name: file.filename || "UpdateFile" }, oem: (fields as { Oem?: unknown }).Oem };
}
