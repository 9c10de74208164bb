/** Schema versions of a 2019-2023 era BMC; vendors override the few that differ. */
const MODERN_VERSIONS: Record<string, string> = {
  ServiceRoot: "v1_5_0",
  ComputerSystem: "v1_13_0",
  Processor: "v1_7_0",
  Memory: "v1_7_0",
  EthernetInterface: "v1_5_1",
  Storage: "v1_9_0",
  StorageController: "v1_2_0",
  Drive: "v1_9_0",
  Volume: "v1_5_0",
  Chassis: "v1_14_0",
  Manager: "v1_10_0",
  UpdateService: "v1_8_0",
  SoftwareInventory: "v1_3_0",
  TaskService: "v1_1_4",
  Task: "v1_4_3",
  SessionService: "v1_1_8",
  Session: "v1_3_0",
  AccountService: "v1_7_0",
  ManagerAccount: "v1_7_0",
};

export function modernTypes(overrides: Record<string, string> = {}): (name: string) => string {
  const versions = { ...MODERN_VERSIONS, ...overrides };
  return (name) => (name.endsWith("Collection") ? `#${name}.${name}` : `#${name}.${versions[name] ?? "v1_0_0"}.${name}`);
}
