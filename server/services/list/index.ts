export { listOutputSchema, listQuerySchema, pageSchema } from "./schemas";
export { linguistic, mapPage, runList } from "./run";
export type { FilterSpec, ListConfig, ListQuery, Page } from "./types";
