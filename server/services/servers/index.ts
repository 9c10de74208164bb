export { bmcUrl, toServerDto, toServerDtos } from "./dto";
export { findServerRow, getServer } from "./get";
export { listServers, serverListConfig, serverQueryConfig } from "./list";
export * from "./parts";
export * from "./schemas";
export { findVisibleServer, serverScope } from "./scope";
