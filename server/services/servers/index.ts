export { deleteServer } from "./delete";
export { bmcUrl, readServerDto, serverBmcUrl, toServerDto } from "./dto";
export { findServerRow, getServer } from "./get";
export { listServers, serverListConfig, serverQueryConfig } from "./list";
export { assignServers, removeServersFromPool } from "./membership";
export * from "./parts";
export * from "./schemas";
export { findVisibleServer, serverScope } from "./scope";
export { updateServer } from "./update";
