import { createUser, deleteUser, getUser, listUsers, updateUser, userCreateSchema, userListConfig, userReplaceSchema, userSchema } from "../../services/users";
import { requireStaff } from "../../services/permissions";
import { getCurrentUser } from "../../services/users/me";
import { crudProcedures } from "../crud";
import { authedProcedure, createTRPCRouter } from "../trpc";
import { z } from "~/server/lib/zod";

export const usersRouter = createTRPCRouter({
  // Registered before the `{id}` routes: REST paths match in order and `/users/{id}` would take `me`.
  me: authedProcedure
    .meta({ openapi: { method: "GET", path: "/users/me", tags: ["users"], summary: "The user the token belongs to" } })
    .input(z.object({}))
    .output(userSchema)
    .query(({ ctx }) => getCurrentUser({ ctx: ctx.service })),
  ...crudProcedures({
    path: "/users",
    tag: "users",
    model: "user",
    output: userSchema,
    list: { config: userListConfig(), verb: listUsers },
    get: getUser,
    create: { input: userCreateSchema, verb: createUser },
    update: { replace: userReplaceSchema, verb: updateUser },
    delete: deleteUser,
    writeAccess: requireStaff,
  }),
});
