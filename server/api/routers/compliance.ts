import {
  complianceQuerySchema,
  complianceReportSchema,
  getCompliance,
  getComplianceSnapshot,
  historyListConfig,
  historyScopeParams,
  listComplianceHistory,
  MATCH_KEYWORDS,
  recordSnapshot,
  snapshotCreateSchema,
  snapshotDetailSchema,
  snapshotSchema,
} from "../../services/compliance";
import { listOutputSchema, listQuerySchema, type ListQuery } from "../../services/list";
import { z } from "~/server/lib/zod";
import { idInput } from "../crud";
import { authedProcedure, createTRPCRouter } from "../trpc";

const tags = ["firmware_baseline"];
const keywords = Object.entries(MATCH_KEYWORDS)
  .map(([type, words]) => `\`${type}\`: ${words!.join(", ")}`)
  .join("; ");

const COMPLIANCE = [
  "Compares each server's installed firmware with the baseline's binaries. Without `server` or `pool`, checks every compatible server (its manufacturer and model fit at least one binary); `pool` covers the pool and all its sub-pools.",
  "Matching: `bios` against the server's BIOS version; `bmc` against its BMC firmware version; other types against the server's firmware inventory, only entries that are installed (not Dell's `Previous-`/`Available-` images, `Status.State` Enabled or unset):",
  `by keyword in the entry's name or software id (${keywords}); \`nic\` and \`other\` binaries by their name, contained in the entry's name. Keywords and names ignore case.`,
  "Versions compare as exact strings (`1.2` is not `1.2.0`). Manufacturers compare as vendors (`Dell Inc.` is `Dell`, `HP` is `HPE`); models ignore case, and a binary with no models fits every model of its vendor.",
  "Users who are not staff see only the servers in their groups' pools, in the list and in the summary.",
].join(" ");

const HISTORY =
  "Snapshots of this baseline's compliance, newest first: when, why (manual, nightly, remediation), what they covered, the counts by status and the servers that changed status since the previous snapshot recording them. " +
  "Users who are not staff count only their servers. With `pool` or `server`, each snapshot counts only those servers, so the nightly fleet-wide snapshots give every pool and server its own history.";

const historyInput = listQuerySchema(historyListConfig).extend(idInput.shape).extend(historyScopeParams);

export const complianceRouter = createTRPCRouter({
  get: authedProcedure
    .meta({ openapi: { method: "GET", path: "/firmware_baseline/{id}/compliance", tags, summary: "Check a baseline's compliance", description: COMPLIANCE } })
    .input(complianceQuerySchema)
    .output(complianceReportSchema)
    .query(({ ctx, input }) => getCompliance({ ctx: ctx.service, input })),
  snapshot: authedProcedure
    .meta({
      openapi: { method: "POST", path: "/firmware_baseline/{id}/compliance/snapshot", tags, summary: "Record the baseline's compliance now", description: "Stores the summary and each server's overall status, for the history. Covers every compatible server unless `server` or `pool` (with its sub-pools) is given. Any user may take one; the counts in the answer are those of the servers they may see." },
      successStatus: 201,
    })
    .input(snapshotCreateSchema)
    .output(snapshotSchema)
    .mutation(({ ctx, input }) => recordSnapshot({ ctx: ctx.service, input })),
  history: authedProcedure
    .meta({ openapi: { method: "GET", path: "/firmware_baseline/{id}/compliance/history", tags, summary: "The baseline's compliance history", description: HISTORY } })
    .input(historyInput)
    .output(listOutputSchema(snapshotSchema, historyListConfig))
    .query(({ ctx, input }) => listComplianceHistory({ ctx: ctx.service, input: input as ListQuery & typeof input }) as never),
  snapshotDetail: authedProcedure
    .meta({ openapi: { method: "GET", path: "/firmware_baseline/{id}/compliance/history/{snapshot_id}", tags, summary: "One compliance snapshot and what changed", description: "The snapshot's counts and the servers whose overall status differs from the previous snapshot recording them. `pool` and `server` restrict it as in the history list." } })
    .input(idInput.extend({ snapshot_id: z.number().int().describe("The snapshot's id.") }).extend(historyScopeParams))
    .output(snapshotDetailSchema)
    .query(({ ctx, input }) => getComplianceSnapshot({ ctx: ctx.service, input })),
});
