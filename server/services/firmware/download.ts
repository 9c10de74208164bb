import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { ValidationError } from "../errors";
import { firmwareSettings } from "./settings";
import { FileTooLargeError, receiveFile, type ReceivedFile } from "./storage";

const NETWORK_ERRORS: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ECONNRESET: "connection reset",
  ENOTFOUND: "host not found",
  EAI_AGAIN: "host not found",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  ETIMEDOUT: "connection timed out",
};

function reason(error: unknown, timeoutSeconds: number): string {
  if (error instanceof FileTooLargeError) return `the file is larger than the limit of ${error.limit} bytes`;
  const err = error as Error & { cause?: { code?: string; message?: string } };
  if (err.name === "TimeoutError" || err.name === "AbortError") return `no complete answer within ${timeoutSeconds} seconds`;
  const code = err.cause?.code;
  if (code) return NETWORK_ERRORS[code] ? `${NETWORK_ERRORS[code]} (${code})` : `${err.cause?.message ?? code}`;
  return err.message;
}

function lastPathSegment(url: string): string {
  const segment = new URL(url).pathname.split("/").pop() ?? "";
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

const failure = (why: string) => ValidationError.field("location", `Could not download the file: ${why}.`);

/** Downloads `url` once into the incoming dir (hashed, size-capped, one deadline for the whole transfer). */
export async function downloadFirmware(url: string): Promise<ReceivedFile> {
  const { downloadTimeoutSeconds: timeout, maxBytes } = firmwareSettings;
  const signal = AbortSignal.timeout(timeout * 1000);
  let response: Response;
  try {
    response = await fetch(url, { signal, redirect: "follow" });
  } catch (error) {
    throw failure(reason(error, timeout));
  }
  if (!response.ok || !response.body) {
    await response.body?.cancel();
    throw failure(`the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ""}`);
  }
  if (Number(response.headers.get("content-length")) > maxBytes) {
    await response.body.cancel();
    throw failure(reason(new FileTooLargeError(maxBytes), timeout));
  }
  const filename = lastPathSegment(response.url || url);
  try {
    return await receiveFile(Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>), filename);
  } catch (error) {
    throw failure(reason(error, timeout));
  }
}
