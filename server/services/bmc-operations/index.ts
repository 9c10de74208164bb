export { BmcBusyError, BmcLeaseLostError } from "./errors";
export { acquireBmcLease, withBmcLease, type BmcLease, type BmcOperation, type BmcOperationKind, type LeasedBmc, type LeaseOptions } from "./lease";
