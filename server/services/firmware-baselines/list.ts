import { firmwareBaselines } from "~/db/schema";
import type { ServiceContext } from "../context";
import { mapPage, runList, type ListConfig, type ListQuery } from "../list";
import { toBaselineDtos, type BaselineRow } from "./dto";

export const baselineListConfig: ListConfig = {
  table: firmwareBaselines,
  primaryKey: firmwareBaselines.id,
  searchFields: [firmwareBaselines.name, firmwareBaselines.description],
  filters: {
    name: { kind: "text", column: firmwareBaselines.name, description: "Exact baseline name." },
  },
  ordering: {
    id: firmwareBaselines.id,
    name: firmwareBaselines.name,
    created_at: firmwareBaselines.createdAt,
    updated_at: firmwareBaselines.updatedAt,
  },
  // "Ordered by most recently created"; the id breaks ties within one transaction's timestamp.
  defaultOrdering: ["-created_at", "-id"],
  bareArrayUnlessPaged: true,
};

/** Baselines belong to no group: every authenticated user reads them all. */
export async function listBaselines({ ctx, input }: { ctx: ServiceContext; input: ListQuery }) {
  const page = await runList<BaselineRow>(baselineListConfig, input, { db: ctx.db, requestUrl: ctx.requestUrl });
  return mapPage(page, (rows) => toBaselineDtos(ctx.db, rows));
}
