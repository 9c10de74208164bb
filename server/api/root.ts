import { firmwareRouter } from "./routers/firmware";
import { firmwareBaselinesRouter } from "./routers/firmware-baselines";
import { authProfilesRouter } from "./routers/auth-profiles";
import { groupsRouter } from "./routers/groups";
import { nodesRouter } from "./routers/nodes";
import { poolsRouter } from "./routers/pools";
import { scansRouter } from "./routers/scans";
import { scanRangesRouter } from "./routers/scan-ranges";
import { serversRouter } from "./routers/servers";
import { tokenRouter } from "./routers/token";
import { usersRouter } from "./routers/users";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  token: tokenRouter,
  users: usersRouter,
  groups: groupsRouter,
  pools: poolsRouter,
  scanRanges: scanRangesRouter,
  scans: scansRouter,
  authProfiles: authProfilesRouter,
  firmware: firmwareRouter,
  firmwareBaselines: firmwareBaselinesRouter,
  servers: serversRouter,
  nodes: nodesRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
