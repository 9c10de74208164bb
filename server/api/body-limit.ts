import { BodyTooLargeError } from "../services/errors";
import { MAX_BODY_BYTES } from "./limits";

/**
 * A request body read as it arrives and refused (413) the moment it passes `limit` bytes, so an endless
 * or oversized body never sits in memory. A declared Content-Length over the limit is refused unread.
 */
export async function readBodyCapped(request: Request, limit = MAX_BODY_BYTES): Promise<Buffer> {
  if (Number(request.headers.get("content-length")) > limit) {
    await request.body?.cancel();
    throw new BodyTooLargeError();
  }
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    size += read.value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new BodyTooLargeError();
    }
    chunks.push(read.value);
  }
  return Buffer.concat(chunks);
}
