/**
 * A streaming multipart/form-data reader (RFC 7578): parts come one at a time and a file part's bytes
 * are yielded as they arrive, so an upload of gigabytes never sits in memory.
 */
export type MultipartPart = {
  name: string;
  filename?: string;
  /** The part's bytes; read them before asking for the next part (unread bytes are skipped). */
  data: AsyncIterable<Uint8Array>;
};

export class MultipartError extends Error {}

const MAX_HEADER_BYTES = 16 * 1024;
const CRLF = Buffer.from("\r\n");
const HEADER_END = Buffer.from("\r\n\r\n");

export function multipartBoundary(contentType: string): string | undefined {
  const match = /;\s*boundary=(?:"([^"]+)"|([^\s;]+))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}

function dispositionParam(header: string, param: string): string | undefined {
  const match = new RegExp(`;\\s*${param}="((?:[^"\\\\]|\\\\.)*)"`, "i").exec(header) ?? new RegExp(`;\\s*${param}=([^;\\s]+)`, "i").exec(header);
  return match?.[1]?.replace(/\\(.)/g, "$1");
}

function parseHeaders(block: string): Omit<MultipartPart, "data"> {
  const disposition = block.split("\r\n").find((line) => /^content-disposition:/i.test(line));
  const name = disposition && dispositionParam(disposition, "name");
  if (name === undefined) throw new MultipartError("a part has no Content-Disposition name");
  return { name, filename: dispositionParam(disposition!, "filename") };
}

export async function* multipartParts(body: AsyncIterable<Uint8Array>, boundary: string): AsyncGenerator<MultipartPart> {
  const source = body[Symbol.asyncIterator]();
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  // A leading CRLF makes the first boundary look like every later one.
  let buffer: Buffer = CRLF;
  let partDone = true;

  const pull = async (): Promise<void> => {
    const next = await source.next();
    if (next.done) throw new MultipartError("the body ended before the closing boundary");
    buffer = Buffer.concat([buffer, next.value]);
  };
  const readUntil = async (marker: Buffer, limit: number): Promise<Buffer> => {
    let index: number;
    while ((index = buffer.indexOf(marker)) < 0) {
      if (buffer.length > limit) throw new MultipartError("no boundary or part headers where expected");
      await pull();
    }
    const before = buffer.subarray(0, index);
    buffer = buffer.subarray(index + marker.length);
    return before;
  };
  /** The next piece of the current part's body, or null once its closing delimiter is consumed. */
  const nextBodyChunk = async (): Promise<Buffer | null> => {
    while (!partDone) {
      const index = buffer.indexOf(delimiter);
      if (index >= 0) {
        const chunk = buffer.subarray(0, index);
        buffer = buffer.subarray(index + delimiter.length);
        partDone = true;
        return chunk;
      }
      // Keep a possible partial delimiter at the end for the next round.
      const safe = buffer.length - (delimiter.length - 1);
      if (safe > 0) {
        const chunk = buffer.subarray(0, safe);
        buffer = buffer.subarray(safe);
        return chunk;
      }
      await pull();
    }
    return null;
  };

  await readUntil(delimiter, MAX_HEADER_BYTES);
  for (;;) {
    while (buffer.length < 2) await pull();
    if (buffer.subarray(0, 2).toString() === "--") return;
    const headers = parseHeaders((await readUntil(HEADER_END, MAX_HEADER_BYTES)).toString("utf8"));
    partDone = false;
    yield {
      ...headers,
      data: {
        async *[Symbol.asyncIterator]() {
          for (let chunk = await nextBodyChunk(); chunk; chunk = await nextBodyChunk()) if (chunk.length) yield chunk;
        },
      },
    };
    while (await nextBodyChunk()) {
      // Skip whatever the consumer left unread.
    }
  }
}
