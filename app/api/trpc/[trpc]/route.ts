import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { createBearerContext } from "~/server/api/context";
import { appRouter } from "~/server/api/root";
import { currentSessionActor } from "~/server/auth/session";
import { describeError } from "~/server/lib/describe-error";

export const dynamic = "force-dynamic";

// The dashboard's API: the next-auth session cookie, or a Bearer token for scripts.
const handler = (request: Request) =>
  fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    createContext: async () => {
      const context = await createBearerContext(request);
      return context.actor ? context : { ...context, actor: await currentSessionActor() };
    },
    onError: ({ error }) => {
      // describeError leaves out drizzle's query parameters, which can hold password hashes.
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC procedure failed\n${describeError(error.cause ?? error)}`);
    },
  });

export { handler as GET, handler as POST };
