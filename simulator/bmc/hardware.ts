import type { Bmc } from "./bmc";

/** One DIMM socket: `cpu` and `slot` are 1-based, `n` runs over all sockets of the system. */
export interface DimmSlot {
  n: number;
  cpu: number;
  slot: number;
  present: boolean;
  /** Position among the populated sockets (the index of its serial in `identity.dimmSerials`). */
  dimm: number;
}

/**
 * Every DIMM socket of the model. The populated ones are spread evenly over each CPU's sockets, as
 * vendors' population guides ask (8 DIMMs on 16 sockets: every other one).
 */
export function dimmSlots(bmc: Bmc): DimmSlot[] {
  const { cpu, dimms } = bmc.modelSpec;
  const perCpu = dimms.slots / cpu.count;
  const populatedPerCpu = dimms.count / cpu.count;
  const stride = Number.isInteger(perCpu / populatedPerCpu) ? perCpu / populatedPerCpu : 0;
  let populated = 0;
  return Array.from({ length: dimms.slots }, (_, i) => {
    const slot = (i % perCpu) + 1;
    const present = stride > 0 ? (slot - 1) % stride === 0 : slot <= populatedPerCpu;
    return { n: i + 1, cpu: Math.floor(i / perCpu) + 1, slot, present, dimm: present ? populated++ : -1 };
  });
}

/** The DIMMs the Memory collection lists: every socket on iLO and XCC, only the populated ones elsewhere. */
export function listedDimms(bmc: Bmc): DimmSlot[] {
  const slots = dimmSlots(bmc);
  return bmc.profile.listsEmptyDimmSlots ? slots : slots.filter((slot) => slot.present);
}

export function dimmId(bmc: Bmc, slot: DimmSlot): string {
  return bmc.profile.ids.dimm(slot.cpu, slot.slot);
}

const SERIAL_CHARS = "0123456789ABCDEFGHJKLMNPRSTVWXYZ";

/** A part's serial number, derived from the BMC's seed on demand rather than stored. */
export function partSerial(bmc: Bmc, part: string, length = 12): string {
  return bmc.derive(`serial/${part}`).chars(SERIAL_CHARS, length);
}

/**
 * The host's address on its first port, leased by DHCP. It is data only (nothing is ever sent to
 * it), taken from the RFC 5737 documentation range.
 */
export function hostIpv4(bmc: Bmc, port: number): string | undefined {
  return port === 1 ? `198.51.100.${(bmc.index % 253) + 2}` : undefined;
}

/** The IPv6 link-local address a port derives from its MAC (modified EUI-64). */
export function linkLocal(mac: string): string {
  const bytes = mac.split(":").map((byte) => parseInt(byte, 16));
  bytes[0] ^= 2;
  const eui = [...bytes.slice(0, 3), 0xff, 0xfe, ...bytes.slice(3)];
  const groups = [0, 2, 4, 6].map((i) => ((eui[i] << 8) | eui[i + 1]).toString(16));
  return `fe80::${groups.join(":")}`;
}
