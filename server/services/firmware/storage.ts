import { createHash, randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { firmwareDir, firmwareSettings, incomingDir } from "./settings";

/** A file received in full (uploaded or downloaded), hashed, waiting in the incoming dir. */
export type ReceivedFile = { tempPath: string; sha256: string; size: number; filename: string };

export class FileTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`The file is larger than the limit of ${limit} bytes.`);
  }
}

/** A name safe in a URL path and a header: letters, digits, `.`, `_`, `-` (others become `_`). */
export function safeFileName(name: string | undefined): string {
  const base = (name ?? "").split(/[\\/]/).pop()!.replace(/[^A-Za-z0-9._-]/g, "_").replace(/^\.+/, "").slice(-128);
  return base || "firmware.bin";
}

/** Streams `source` to a temporary file while hashing it; refuses (and removes) anything over the size limit. */
export async function receiveFile(source: AsyncIterable<Uint8Array>, filename: string | undefined): Promise<ReceivedFile> {
  await mkdir(incomingDir(), { recursive: true });
  const tempPath = path.join(incomingDir(), randomUUID());
  const limit = firmwareSettings.maxBytes;
  const hash = createHash("sha256");
  let size = 0;
  async function* measured() {
    for await (const chunk of source) {
      size += chunk.byteLength;
      if (size > limit) throw new FileTooLargeError(limit);
      hash.update(chunk);
      yield chunk;
    }
  }
  try {
    await pipeline(measured, createWriteStream(tempPath, { flags: "wx" }));
  } catch (error) {
    await rm(tempPath, { force: true });
    throw error;
  }
  return { tempPath, sha256: hash.digest("hex"), size, filename: safeFileName(filename) };
}

export const storedPathOf = (sha256: string) => path.join("firmware", sha256);
export const storedFileLocation = (sha256: string) => path.join(firmwareDir(), sha256);

/** Moves a received file into the content-addressed store (replacing an identical copy is harmless). */
export async function keepFile(file: ReceivedFile): Promise<void> {
  await rename(file.tempPath, storedFileLocation(file.sha256));
}

export async function discardFile(file: ReceivedFile): Promise<void> {
  await rm(file.tempPath, { force: true });
}

/**
 * Removes what a crash left in the incoming dir. A file still being received is written to at least
 * every download deadline (and usually every few milliseconds), so only older files are taken.
 */
export async function sweepIncoming(): Promise<void> {
  const stale = Date.now() - Math.max(3600, firmwareSettings.downloadTimeoutSeconds) * 1000;
  const names = await readdir(incomingDir()).catch(() => [] as string[]);
  for (const name of names) {
    const file = path.join(incomingDir(), name);
    const info = await stat(file).catch(() => undefined);
    if (info?.isFile() && info.mtimeMs < stale) await rm(file, { force: true });
  }
}

export async function removeStoredFile(sha256: string): Promise<void> {
  await rm(storedFileLocation(sha256), { force: true });
}
