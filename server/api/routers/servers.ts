import {
  deleteServer,
  ethernetInterfaceListConfig,
  ethernetInterfaceSchema,
  getServer,
  listEthernetInterfaces,
  listProcessors,
  listServerFirmwares,
  listServers,
  listStorages,
  processorListConfig,
  processorSchema,
  removeFromPoolResultSchema,
  removeServersFromPool,
  serverFirmwareListConfig,
  serverFirmwareSchema,
  serverIdsInput,
  serverQueryConfig,
  serverReplaceSchema,
  serverSchema,
  storageListConfig,
  storageSchema,
  updateServer,
} from "../../services/servers";
import { listOutputSchema, listQuerySchema, type ListConfig, type ListQuery } from "../../services/list";
import type { ServiceContext } from "../../services/context";
import type { z } from "~/server/lib/zod";
import { refreshServer } from "../../services/inventory";
import { idInput, resourceProcedures } from "../crud";
import { authedProcedure, createTRPCRouter, staffProcedure } from "../trpc";
import { POOL_MEMBERSHIP_ACCESS, SERVER_ACCESS } from "./access";

const tags = ["server"];

/** A list of one kind of part of a server: `/server/{id}/<part>`. */
function partProcedure<T extends z.ZodType>(
  part: string,
  summary: string,
  item: T,
  config: ListConfig,
  verb: (args: { ctx: ServiceContext; input: ListQuery & { id: number } }) => Promise<unknown>,
) {
  return authedProcedure
    .meta({ openapi: { method: "GET", path: `/server/{id}/${part}`, tags, summary, description: `A plain array unless \`page\` or \`page_size\` is given. ${SERVER_ACCESS}` } })
    .input(listQuerySchema(config).extend(idInput.shape))
    .output(listOutputSchema(item, config))
    .query(({ ctx, input }) => verb({ ctx: ctx.service, input: input as ListQuery & { id: number } }) as never);
}

export const serversRouter = createTRPCRouter({
  // Registered before the `{id}` routes: REST paths match in order and `/server/{id}` would take it.
  removeFromPool: staffProcedure
    .meta({
      openapi: {
        method: "POST",
        path: "/server/remove_from_pool",
        tags,
        summary: "Take servers out of their pools",
        description: `Each id is reported: removed (a server in no pool counts as removed), refused with the reason (a server in an active request stays where it is), or not found. ${POOL_MEMBERSHIP_ACCESS}`,
      },
    })
    .input(serverIdsInput)
    .output(removeFromPoolResultSchema)
    .mutation(({ ctx, input }) => removeServersFromPool({ ctx: ctx.service, input })),
  // Servers are registered from nodes, never posted: POST /api/server/ is a 405.
  ...resourceProcedures({
    path: "/server",
    tag: "server",
    model: "server",
    output: serverSchema,
    description: SERVER_ACCESS,
    list: { config: serverQueryConfig, verb: listServers },
    get: getServer,
    update: { replace: serverReplaceSchema, verb: updateServer },
    delete: deleteServer,
  }),
  processors: partProcedure("processors", "A server's processors", processorSchema, processorListConfig, listProcessors),
  ethernetInterfaces: partProcedure("ethernet_interfaces", "A server's ethernet interfaces (MAC, speed, link, addresses)", ethernetInterfaceSchema, ethernetInterfaceListConfig, listEthernetInterfaces),
  storages: partProcedure("storages", "A server's storage: controllers with their drives and volumes", storageSchema, storageListConfig, listStorages),
  firmwares: partProcedure("firmwares", "A server's firmware inventory, versions exactly as the BMC spells them", serverFirmwareSchema, serverFirmwareListConfig, listServerFirmwares),
  refresh: authedProcedure
    .meta({
      openapi: {
        method: "POST",
        path: "/server/{id}/refresh",
        tags,
        summary: "Re-read a server's inventory from its BMC",
        description: `Staff only. Synchronous: logs in with the credentials the node was registered with, re-reads every system of the BMC in one transaction and answers the server. A name the operator changed is kept. Failures answer 400 and set the node's status as registration does; another operation on the BMC is waited for briefly, then refused (400). ${SERVER_ACCESS}`,
      },
    })
    .input(idInput)
    .output(serverSchema)
    .mutation(({ ctx, input }) => refreshServer({ ctx: ctx.service, input })),
});
