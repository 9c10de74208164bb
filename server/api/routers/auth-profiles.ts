import {
  addCredential,
  authProfileCreateSchema,
  authProfileListConfig,
  authProfileReplaceSchema,
  authProfileSchema,
  createAuthProfile,
  credentialCreateSchema,
  credentialListConfig,
  credentialPathSchema,
  credentialSchema,
  deleteAuthProfile,
  deleteCredential,
  findAuthProfileRow,
  getAuthProfile,
  listAuthProfiles,
  listCredentials,
  updateAuthProfile,
} from "../../services/auth-profiles";
import { listOutputSchema, listQuerySchema, type ListQuery } from "../../services/list";
import { z } from "~/server/lib/zod";
import { requireStaff } from "../../services/permissions";
import { crudProcedures, idInput } from "../crud";
import { lookupBeforeBody } from "../lookup-first";
import { authedProcedure, createTRPCRouter } from "../trpc";

const CREDENTIALS = "/node_discovery/auth_profile/{id}/credentials";
const tags = ["node_discovery"];

/** DRF's order for the credential writes: staff (403), then the profile (404), then the body (400). */
const credentialWrite = lookupBeforeBody({ access: requireStaff, lookup: findAuthProfileRow });

export const authProfilesRouter = createTRPCRouter({
  ...crudProcedures({
    path: "/node_discovery/auth_profile",
    tag: "node_discovery",
    model: "auth profile",
    output: authProfileSchema,
    list: { config: authProfileListConfig, verb: listAuthProfiles },
    get: getAuthProfile,
    create: { input: authProfileCreateSchema, verb: createAuthProfile },
    update: { replace: authProfileReplaceSchema, verb: updateAuthProfile },
    delete: deleteAuthProfile,
    writeAccess: requireStaff,
  }),
  listCredentials: authedProcedure
    .meta({ openapi: { method: "GET", path: CREDENTIALS, tags, summary: "List a profile's credentials (usernames only, in the order registration tries them)" } })
    .input(listQuerySchema(credentialListConfig).extend(idInput.shape))
    .output(listOutputSchema(credentialSchema, credentialListConfig))
    .query(({ ctx, input }) => listCredentials({ ctx: ctx.service, input: input as ListQuery & { id: number } }) as never),
  addCredential: credentialWrite
    .meta({ openapi: { method: "POST", path: CREDENTIALS, tags, summary: "Add a credential pair (the password is write-only)" }, successStatus: 201 })
    .input(credentialCreateSchema)
    .output(credentialSchema)
    .mutation(({ ctx, input }) => addCredential({ ctx: ctx.service, input })),
  deleteCredential: credentialWrite
    .meta({ openapi: { method: "DELETE", path: `${CREDENTIALS}/{credential_id}`, tags, summary: "Delete a credential" }, successStatus: 204 })
    .input(credentialPathSchema)
    .output(z.void())
    .mutation(async ({ ctx, input }) => {
      await deleteCredential({ ctx: ctx.service, input });
    }),
});
