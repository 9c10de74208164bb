export { createGroup } from "./create";
export { DEFAULT_GROUP_ID } from "./default-group";
export { deleteGroup } from "./delete";
export { getGroup } from "./get";
export { groupListConfig, groupScope, listGroups } from "./list";
export * from "./schemas";
export { updateGroup } from "./update";
