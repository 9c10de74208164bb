import {
  baselineUpdateInputSchema,
  cancelRequest,
  createBaselineUpdate,
  createFirmwareUpdate,
  createRequestOutputSchema,
  firmwareUpdateInputSchema,
  getRequest,
  listRequests,
  requestDetailSchema,
  requestQueryConfig,
  requestSchema,
} from "../../services/requests";
import { idInput, listProcedure, retrieveProcedure } from "../crud";
import { authedProcedure, createTRPCRouter } from "../trpc";
import { REQUEST_ACCESS } from "./access";

const tags = ["requests"];
const CREATE = `Answers 201 with the request (\`dry_run\`: with the plan, creating nothing). Every refusal is a 400 naming what is wrong: unknown ids, a binary not ready, a protected server, a server not compatible with any binary, a server already in an active request (naming it). ${REQUEST_ACCESS}`;
const read = {
  path: "/requests",
  tag: "requests",
  model: "request",
  output: requestSchema,
  list: { config: requestQueryConfig, verb: listRequests },
  description: REQUEST_ACCESS,
} as const;

export const requestsRouter = createTRPCRouter({
  // Registered before the `{id}` routes: REST paths match in order.
  createBaselineUpdate: authedProcedure
    .meta({
      openapi: {
        method: "POST",
        path: "/requests/firmware_baseline_update",
        tags,
        summary: "Remediate servers or a pool to a firmware baseline",
        description: `Give \`servers\` or \`pool\` (every unprotected server in it and its sub-pools the baseline applies to). Only components that are not compliant are updated unless \`force_reinstall\`. ${CREATE}`,
      },
      successStatus: 201,
    })
    .input(baselineUpdateInputSchema)
    .output(createRequestOutputSchema)
    .mutation(({ ctx, input }) => createBaselineUpdate({ ctx: ctx.service, input })),
  createFirmwareUpdate: authedProcedure
    .meta({
      openapi: { method: "POST", path: "/requests/firmware_update", tags, summary: "Update servers with one firmware binary", description: CREATE },
      successStatus: 201,
    })
    .input(firmwareUpdateInputSchema)
    .output(createRequestOutputSchema)
    .mutation(({ ctx, input }) => createFirmwareUpdate({ ctx: ctx.service, input })),
  list: listProcedure(read),
  get: retrieveProcedure({ ...read, output: requestDetailSchema, get: getRequest }),
  cancel: authedProcedure
    .meta({
      openapi: {
        method: "POST",
        path: "/requests/{id}/cancel",
        tags,
        summary: "Cancel a request",
        description: `Nothing new starts; flashes a BMC already accepted finish (a flash is never interrupted); the request then ends \`cancelled\`. Answers the request; a request that has ended is a 400. Staff cancel any request, other users their own. ${REQUEST_ACCESS}`,
      },
    })
    .input(idInput)
    .output(requestDetailSchema)
    .mutation(({ ctx, input }) => cancelRequest({ ctx: ctx.service, input })),
});
