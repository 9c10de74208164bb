/** "127.0.0.1" -> 2130706433: IPv4 addresses as numbers, for ranges and their arithmetic. */
export const ipv4ToNumber = (ip: string) => ip.split(".").reduce((total, octet) => total * 256 + Number(octet), 0);

export const numberToIpv4 = (value: number) => `${value >>> 24}.${(value >>> 16) & 255}.${(value >>> 8) & 255}.${value & 255}`;
