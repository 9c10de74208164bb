import { handleTrpcRequest } from "~/server/api/trpc-handler";
import { currentSessionActor } from "~/server/auth/session";

export const dynamic = "force-dynamic";

const handler = (request: Request) => handleTrpcRequest(request, currentSessionActor);

export { handler as GET, handler as POST };
