import { firmwareRouter } from "./routers/firmware";
import { firmwareBaselinesRouter } from "./routers/firmware-baselines";
import { groupsRouter } from "./routers/groups";
import { tokenRouter } from "./routers/token";
import { usersRouter } from "./routers/users";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  token: tokenRouter,
  users: usersRouter,
  groups: groupsRouter,
  firmware: firmwareRouter,
  firmwareBaselines: firmwareBaselinesRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
