export { refreshEveryRegisteredServer, type RefreshEveryServerResult } from "./refresh-all";
export { storeFirmwareReading } from "./refresh-firmware";
export { findServerToRefresh, refreshServer } from "./refresh";
export { findNodeToRegister, registerNode } from "./register";
export { registerBmc, type Registration } from "./register-bmc";
export { loadRegistrationProfile, type RegistrationProfile } from "./profile";
export * from "./schemas";
