import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { describeError } from "~/server/lib/describe-error";
import type { UserActor } from "../services/context";
import { BodyTooLargeError } from "../services/errors";
import { readBodyCapped } from "./body-limit";
import { createBearerContext } from "./context";
import { MAX_BATCH_SIZE } from "./limits";
import { appRouter } from "./root";

/**
 * The dashboard's API (`/api/trpc/...`): the next-auth session cookie, or a Bearer token for scripts.
 * The body is read with the same cap as the REST API's before tRPC sees it.
 */
export async function handleTrpcRequest(request: Request, sessionActor: () => Promise<UserActor | null>): Promise<Response> {
  let body: Buffer | undefined;
  try {
    body = request.method === "GET" || request.method === "HEAD" ? undefined : await readBodyCapped(request);
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    const shape = { message: "Request body too large.", code: -32013, data: { code: "PAYLOAD_TOO_LARGE", httpStatus: 413 } };
    return new Response(JSON.stringify({ error: shape }), { status: 413, headers: { "content-type": "application/json", ...error.headers } });
  }
  const capped = new Request(request.url, { method: request.method, headers: request.headers, body: body && new Uint8Array(body) });
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: capped,
    router: appRouter,
    maxBatchSize: MAX_BATCH_SIZE,
    createContext: async () => {
      const context = await createBearerContext(capped);
      return context.actor ? context : { ...context, actor: await sessionActor() };
    },
    onError: ({ error }) => {
      // describeError leaves out drizzle's query parameters, which can hold password hashes.
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC procedure failed\n${describeError(error.cause ?? error)}`);
    },
  });
}
