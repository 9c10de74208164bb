import { firmwareRouter } from "./routers/firmware";
import { firmwareBaselinesRouter } from "./routers/firmware-baselines";
import { authProfilesRouter } from "./routers/auth-profiles";
import { complianceRouter } from "./routers/compliance";
import { groupsRouter } from "./routers/groups";
import { nodesRouter } from "./routers/nodes";
import { poolsRouter } from "./routers/pools";
import { registrationsRouter } from "./routers/registrations";
import { requestsRouter } from "./routers/requests";
import { scansRouter } from "./routers/scans";
import { scanRangesRouter } from "./routers/scan-ranges";
import { serversRouter } from "./routers/servers";
import { switchesRouter } from "./routers/switches";
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
  compliance: complianceRouter,
  servers: serversRouter,
  switches: switchesRouter,
  // Before nodes: `/node/register` must match ahead of `/node/{id}`.
  registrations: registrationsRouter,
  nodes: nodesRouter,
  requests: requestsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
