export { BmcBusyError, BmcLeaseLostError } from "./errors";
export { acquireBmcLease, leaseFromTake, leaseTake, NO_LEASE_PARK, preparedLeaseHeld, preparedLeaseTake, preparedLeasePark, withBmcLease, type BmcHolder, type BmcLease, type LeaseTake, type LeaseParkValues, type BmcOperation, type BmcOperationKind, type LeasedBmc, type LeaseOptions } from "./lease";
