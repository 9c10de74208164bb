import type { Bmc } from "../bmc/bmc";
import { partSerial } from "../bmc/hardware";
import { ok, type RequestContext } from "../http/reply";
import type { Route } from "../http/router";
import { collection, enabled, resource } from "./odata";
import { link, type Paths } from "./paths";

/** The host is drawing power (readings fall when it is off). */
const hostOn = (bmc: Bmc) => bmc.power === "On" || bmc.power === "PoweringOff";

function chassis(ctx: RequestContext, paths: Paths) {
  const { bmc } = ctx;
  const { profile } = bmc;
  // iLO 4 has no DMTF NetworkAdapters or PCIeDevices under its chassis.
  const adapters = profile.key !== "hpe-ilo4" && {
    NetworkAdapters: link(bmc, paths.networkAdapters),
    PCIeDevices: link(bmc, paths.pcieDevices),
  };
  return resource(ctx, "Chassis", paths.chassis, {
    Id: profile.ids.chassis,
    Name: "Computer System Chassis",
    ChassisType: "RackMount",
    Manufacturer: profile.manufacturer,
    Model: bmc.model,
    SKU: bmc.identity.sku,
    SerialNumber: bmc.identity.serial,
    PartNumber: partSerial(bmc, "chassis-part", 10),
    AssetTag: "",
    PowerState: bmc.power === "Off" || bmc.power === "PoweringOn" ? "Off" : "On",
    IndicatorLED: "Off",
    Status: { ...enabled, HealthRollup: "OK" },
    Power: link(bmc, paths.power),
    Thermal: link(bmc, paths.thermal),
    ...adapters,
    Links: {
      ComputerSystems: [link(bmc, paths.system)],
      ManagedBy: [link(bmc, paths.manager)],
      ManagersInChassis: [link(bmc, paths.manager)],
    },
    Oem: profile.oem.chassis?.(bmc),
  });
}

/** Power supplies (with their firmware) and the consumption the chassis reports. */
function power(ctx: RequestContext, paths: Paths) {
  const { bmc } = ctx;
  const { psu } = bmc.profile.hardware;
  const consumed = hostOn(bmc) ? 180 + bmc.derive("power").int(140) : 12;
  const member = (i: number) => `${paths.power}#/PowerSupplies/${i}`;
  return resource(ctx, "Power", paths.power, {
    Id: "Power",
    Name: "Power",
    PowerControl: [
      {
        "@odata.id": `${paths.power}#/PowerControl/0`,
        MemberId: "0",
        Name: "System Power Control",
        PowerConsumedWatts: consumed,
        PowerCapacityWatts: psu.watts * 2,
        PowerMetrics: { IntervalInMin: 20, AverageConsumedWatts: consumed, MinConsumedWatts: Math.max(consumed - 30, 0), MaxConsumedWatts: consumed + 45 },
        Status: enabled,
      },
    ],
    PowerSupplies: [0, 1].map((i) => ({
      "@odata.id": member(i),
      MemberId: String(i),
      Name: psu.name(i + 1),
      Manufacturer: psu.manufacturer,
      Model: psu.model,
      PartNumber: psu.partNumber,
      SerialNumber: partSerial(bmc, `psu/${i}`, 14),
      FirmwareVersion: psu.firmware,
      PowerSupplyType: "AC",
      LineInputVoltageType: "ACMidLine",
      LineInputVoltage: 230,
      PowerCapacityWatts: psu.watts,
      LastPowerOutputWatts: Math.round(consumed / 2),
      Status: enabled,
    })),
    Redundancy: [
      {
        "@odata.id": `${paths.power}#/Redundancy/0`,
        MemberId: "0",
        Name: "PowerSupply Redundancy",
        Mode: "N+m",
        MinNumNeeded: 1,
        MaxNumSupported: 2,
        RedundancySet: [link(bmc, member(0)), link(bmc, member(1))],
        Status: enabled,
      },
    ],
  });
}

/** Fans and temperatures, in the vendor's names and units. */
function thermal(ctx: RequestContext, paths: Paths) {
  const { bmc } = ctx;
  const { fans, temperatures } = bmc.profile.hardware;
  const on = hostOn(bmc);
  const sensor = (i: number, name: string, celsius: number, context: string, critical: number) => ({
    "@odata.id": `${paths.thermal}#/Temperatures/${i}`,
    MemberId: String(i),
    Name: name,
    SensorNumber: i + 1,
    ReadingCelsius: on ? celsius : 22,
    UpperThresholdCritical: critical,
    UpperThresholdFatal: critical + 10,
    PhysicalContext: context,
    Status: enabled,
  });
  const cpus = Array.from({ length: bmc.modelSpec.cpu.count }, (_, i) => sensor(i + 1, temperatures.cpu(i + 1), 41 + i * 3, "CPU", 90));
  return resource(ctx, "Thermal", paths.thermal, {
    Id: "Thermal",
    Name: "Thermal",
    Fans: Array.from({ length: fans.count }, (_, i) => ({
      "@odata.id": `${paths.thermal}#/Fans/${i}`,
      MemberId: String(i),
      Name: fans.name(i + 1),
      FanName: fans.name(i + 1),
      PhysicalContext: "SystemBoard",
      Reading: on ? fans.reading + (fans.unit === "RPM" ? i * 60 : 0) : 0,
      ReadingUnits: fans.unit,
      Status: enabled,
    })),
    Temperatures: [
      sensor(0, temperatures.inlet, 23, "Intake", 42),
      ...cpus,
      sensor(cpus.length + 1, temperatures.system, 34, "SystemBoard", 75),
    ],
  });
}

export function chassisRoutes(paths: Paths): Route[] {
  return [
    {
      method: "GET",
      pattern: paths.chassisCollection,
      handler: (ctx) => ok(collection(ctx, "Chassis", paths.chassisCollection, "Chassis Collection", [paths.chassis])),
    },
    { method: "GET", pattern: paths.chassis, handler: (ctx) => ok(chassis(ctx, paths)) },
    { method: "GET", pattern: paths.power, handler: (ctx) => ok(power(ctx, paths)) },
    { method: "GET", pattern: paths.thermal, handler: (ctx) => ok(thermal(ctx, paths)) },
  ];
}
