export { BmcBusyError, BmcLeaseLostError } from "./errors";
export { acquireBmcLease, NO_LEASE_PARK, preparedLeasePark, withBmcLease, type BmcLease, type LeaseParkValues, type BmcOperation, type BmcOperationKind, type LeasedBmc, type LeaseOptions } from "./lease";
