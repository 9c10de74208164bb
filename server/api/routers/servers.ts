import {
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
  serverFirmwareListConfig,
  serverFirmwareSchema,
  serverQueryConfig,
  serverSchema,
  storageListConfig,
  storageSchema,
} from "../../services/servers";
import { listOutputSchema, listQuerySchema, type ListConfig, type ListQuery } from "../../services/list";
import type { ServiceContext } from "../../services/context";
import type { z } from "~/server/lib/zod";
import { refreshServer } from "../../services/inventory";
import { idInput } from "../crud";
import { authedProcedure, createTRPCRouter } from "../trpc";

const tags = ["server"];
const ACCESS = " Staff see every server; other users see the servers in pools of their groups (404 for any other).";

/** A list of one kind of part of a server: `/server/{id}/<part>`. */
function partProcedure<T extends z.ZodType>(
  part: string,
  summary: string,
  item: T,
  config: ListConfig,
  verb: (args: { ctx: ServiceContext; input: ListQuery & { id: number } }) => Promise<unknown>,
) {
  return authedProcedure
    .meta({ openapi: { method: "GET", path: `/server/{id}/${part}`, tags, summary, description: `A plain array unless \`page\` or \`page_size\` is given.${ACCESS}` } })
    .input(listQuerySchema(config).extend(idInput.shape))
    .output(listOutputSchema(item, config))
    .query(({ ctx, input }) => verb({ ctx: ctx.service, input: input as ListQuery & { id: number } }) as never);
}

export const serversRouter = createTRPCRouter({
  list: authedProcedure
    .meta({ openapi: { method: "GET", path: "/server", tags, summary: "List server objects", description: `Registered servers with their inventory.${ACCESS}` } })
    .input(listQuerySchema(serverQueryConfig))
    .output(listOutputSchema(serverSchema, serverQueryConfig))
    .query(({ ctx, input }) => listServers({ ctx: ctx.service, input: input as ListQuery }) as never),
  get: authedProcedure
    .meta({ openapi: { method: "GET", path: "/server/{id}", tags, summary: "Retrieve a server", description: ACCESS.trim() } })
    .input(idInput)
    .output(serverSchema)
    .query(({ ctx, input }) => getServer({ ctx: ctx.service, input })),
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
        description: `Staff only. Synchronous: logs in with the credentials the node was registered with, re-reads every system of the BMC in one transaction and answers the server. A name the operator changed is kept. Failures answer 400 and set the node's status as registration does; another operation on the BMC is waited for briefly, then refused (400).${ACCESS}`,
      },
    })
    .input(idInput)
    .output(serverSchema)
    .mutation(({ ctx, input }) => refreshServer({ ctx: ctx.service, input })),
});
