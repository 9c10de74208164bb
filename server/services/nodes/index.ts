export { acceptNodeCertificate } from "./accept-certificate";
export { deleteNode } from "./delete";
export { toNodeDto, toNodeDtos } from "./dto";
export { findNodeRow, getNode } from "./get";
export { listNodes, nodeListConfig } from "./list";
export { nodeLabel, stateAfterProbe } from "./probed";
export { markNodesUnreachable, recordProbedNodes } from "./record-probes";
export * from "./schemas";
export { findVisibleNode, nodeScope } from "./scope";
