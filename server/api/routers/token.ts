import { obtainTokenSchema, refreshedTokenSchema, refreshTokenSchema, tokenPairSchema } from "../../services/auth/schemas";
import { obtainTokenPair, refreshAccessToken } from "../../services/auth/tokens";
import { createTRPCRouter, publicProcedure } from "../trpc";

// SimpleJWT's views: public, and they ignore any Authorization header.
export const tokenRouter = createTRPCRouter({
  obtain: publicProcedure
    .meta({ openapi: { method: "POST", path: "/token", tags: ["token"], summary: "Obtain an access and refresh token pair", protect: false } })
    .input(obtainTokenSchema)
    .output(tokenPairSchema)
    .mutation(({ ctx, input }) => obtainTokenPair({ db: ctx.db, input, client: ctx.client })),
  refresh: publicProcedure
    .meta({ openapi: { method: "POST", path: "/token/refresh", tags: ["token"], summary: "Obtain a new access token from a refresh token", protect: false } })
    .input(refreshTokenSchema)
    .output(refreshedTokenSchema)
    .mutation(({ ctx, input }) => refreshAccessToken({ db: ctx.db, input, client: ctx.client })),
});
