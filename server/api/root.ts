import { groupsRouter } from "./routers/groups";
import { tokenRouter } from "./routers/token";
import { usersRouter } from "./routers/users";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  token: tokenRouter,
  users: usersRouter,
  groups: groupsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
