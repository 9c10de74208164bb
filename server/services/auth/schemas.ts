import { z } from "~/server/lib/zod";

export const obtainTokenSchema = z.object({ username: z.string().min(1), password: z.string().min(1) });
export const tokenPairSchema = z.object({
  refresh: z.string().describe("Refresh token (7 days by default)."),
  access: z.string().describe("Access token for `Authorization: Bearer` (24 hours by default)."),
});
export const refreshTokenSchema = z.object({ refresh: z.string().min(1) });
export const refreshedTokenSchema = z.object({
  access: z.string(),
  refresh: z.string().optional().describe("Only when refresh-token rotation is enabled."),
});
