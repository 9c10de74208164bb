import { requireStaff } from "../../services/permissions";
import { runScan, runScanInputSchema, runScanOutputSchema } from "../../services/scans";
import { authedProcedure, createTRPCRouter } from "../trpc";

// DRF's order: permission (403) before the body (400).
const staffOnly = authedProcedure.use(({ ctx, next }) => {
  requireStaff(ctx.service);
  return next();
});

export const scansRouter = createTRPCRouter({
  run: staffOnly
    .meta({
      openapi: {
        method: "POST",
        path: "/node_discovery/run_scan",
        tags: ["node_discovery"],
        summary: "Scan scan ranges for Redfish BMCs",
        description:
          'Staff only. Each range is "scanning" by the time this answers 202; poll it until its status changes ("ready" with `last_scan_found`, or "error" with `status_message`). A range already scanning refuses the whole request (400).',
      },
      successStatus: 202,
    })
    .input(runScanInputSchema)
    .output(runScanOutputSchema)
    .mutation(({ ctx, input }) => runScan({ ctx: ctx.service, input })),
});
