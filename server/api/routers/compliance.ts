import { complianceQuerySchema, complianceReportSchema, getCompliance, MATCH_KEYWORDS } from "../../services/compliance";
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

export const complianceRouter = createTRPCRouter({
  get: authedProcedure
    .meta({ openapi: { method: "GET", path: "/firmware_baseline/{id}/compliance", tags, summary: "Check a baseline's compliance", description: COMPLIANCE } })
    .input(complianceQuerySchema)
    .output(complianceReportSchema)
    .query(({ ctx, input }) => getCompliance({ ctx: ctx.service, input })),
});
