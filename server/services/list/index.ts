export { listOutputSchema, listQuerySchema, pageSchema } from "./schemas";
export { mapPage, runList } from "./run";
export { scopedRelation } from "./scoped-relation";
export type { FilterSpec, ListConfig, ListQuery, Page } from "./types";
