export { createUser } from "./create";
export { deleteUser } from "./delete";
export { getUser } from "./get";
export { listUsers, userListConfig } from "./list";
export * from "./schemas";
export { updateUser } from "./update";
