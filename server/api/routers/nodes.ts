import { acceptNodeCertificate, deleteNode, getNode, listNodes, nodeListConfig, nodeSchema } from "../../services/nodes";
import { z } from "~/server/lib/zod";
import { idInput, listProcedure, retrieveProcedure } from "../crud";
import { authedProcedure, createTRPCRouter } from "../trpc";

const tags = ["node"];
const ACCESS = "Staff see every node; other users see only the nodes of servers in their groups' pools (404 for any other). Writes are staff-only (403).";
const read = { path: "/node", tag: "node", model: "node", output: nodeSchema, list: { config: nodeListConfig, verb: listNodes }, description: ACCESS } as const;

export const nodesRouter = createTRPCRouter({
  list: listProcedure(read),
  get: retrieveProcedure({ ...read, get: getNode }),
  delete: authedProcedure
    .meta({
      openapi: { method: "DELETE", path: "/node/{id}", tags, summary: "Delete a node", description: `A node that still manages servers answers 400 naming them. ${ACCESS}` },
      successStatus: 204,
    })
    .input(idInput)
    .output(z.void())
    .mutation(async ({ ctx, input }) => {
      await deleteNode({ ctx: ctx.service, input });
    }),
  acceptCertificate: authedProcedure
    .meta({
      openapi: {
        method: "POST",
        path: "/node/{id}/accept_certificate",
        tags,
        summary: "Trust the TLS certificate the BMC presents now",
        description: `Reads the certificate live (no credentials are sent), records its SHA-256 as the trusted one and clears an \`error\` or \`unreachable\` status. A BMC that does not answer answers 400 and keeps its trusted certificate. ${ACCESS}`,
      },
    })
    .input(idInput)
    .output(nodeSchema)
    .mutation(({ ctx, input }) => acceptNodeCertificate({ ctx: ctx.service, input })),
});
