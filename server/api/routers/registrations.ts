import { findNodeToRegister, registerNode, registerNodeInputSchema } from "../../services/inventory";
import { requireStaff } from "../../services/permissions";
import { bulkRegisterInputSchema, getRegistrationBatch, registrationBatchSchema, startBulkRegistration } from "../../services/registrations";
import { serverSchema } from "../../services/servers";
import { idInput } from "../crud";
import { lookupBeforeBody } from "../lookup-first";
import { authedProcedure, createTRPCRouter } from "../trpc";

const tags = ["node"];
const BUSY = "One operation at a time per BMC: while another one (a registration, a refresh, a remediation) holds it, this waits a few seconds (`RACKPILOT_BMC_LOCK_WAIT`), then answers 400 naming it.";
const OUTCOMES =
  'Wrong credentials everywhere: 400 naming the BMC, node "error". Unreachable or timed out: 400, node "unreachable". A certificate other than the trusted one: 400, node "error", no credential sent.';

/**
 * Mounted before the nodes router: REST paths match in order, and `/node/{id}` would otherwise take
 * `/node/register` (and answer 405).
 */
export const registrationsRouter = createTRPCRouter({
  start: lookupBeforeBody({ access: requireStaff })
    .meta({
      openapi: {
        method: "POST",
        path: "/node/register",
        tags,
        summary: "Register many nodes in the background",
        description: `Staff only. Give \`nodes\` (ids) or \`scan_range\` (its nodes not registered yet), and \`auth_profile\`. Answers 202 with the batch; poll \`GET /api/node/register/{id}/\` until \`status\` is no longer "pending" or "running". Finished batches stay readable for \`RACKPILOT_REGISTRATION_RETENTION_DAYS\` (7 by default). ${BUSY}`,
      },
      successStatus: 202,
    })
    .input(bulkRegisterInputSchema)
    .output(registrationBatchSchema)
    .mutation(({ ctx, input }) => startBulkRegistration({ ctx: ctx.service, input })),
  get: authedProcedure
    .meta({ openapi: { method: "GET", path: "/node/register/{id}", tags, summary: "Read a bulk registration", description: "Staff only. Progress and one result per node." } })
    .input(idInput)
    .output(registrationBatchSchema)
    .query(({ ctx, input }) => getRegistrationBatch({ ctx: ctx.service, input })),
  registerNode: lookupBeforeBody({ lookup: (ctx, id) => findNodeToRegister(ctx, id) })
    .meta({
      openapi: {
        method: "POST",
        path: "/node/{id}/register",
        tags,
        summary: "Register a node",
        description: `Staff only. Tries each credential of the auth profile in order (the one this BMC accepted last first), reads the inventory, creates or updates the server (one per system of the BMC) and answers 200 with the (first) server once done. ${OUTCOMES} ${BUSY}`,
      },
    })
    .input(registerNodeInputSchema)
    .output(serverSchema)
    .mutation(({ ctx, input }) => registerNode({ ctx: ctx.service, input })),
});
