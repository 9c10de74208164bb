import { expect, it } from "vitest";
import { ipv4ToNumber } from "~/server/lib/ipv4";
import { planChunks } from "./chunks";

it("cuts a range into blocks that cover every address once, the last one shorter", () => {
  const chunks = planChunks({ ipFrom: "127.54.0.0", ipTo: "127.54.3.231", ports: [443, 8443] }, 256);
  expect(chunks).toHaveLength(4);
  expect(chunks.map((chunk) => chunk.addressCount)).toEqual([256, 256, 256, 232]);
  expect(chunks[3]!.firstAddress).toBe(ipv4ToNumber("127.54.3.0"));
  expect(chunks.every((chunk) => chunk.ports.join() === "443,8443")).toBe(true);
  expect(planChunks({ ipFrom: "127.54.9.9", ipTo: "127.54.9.9", ports: [443] }, 4096)).toEqual([{ firstAddress: ipv4ToNumber("127.54.9.9"), addressCount: 1, ports: [443] }]);
  expect(planChunks({ ipFrom: "127.60.0.0", ipTo: "127.60.255.255", ports: [443] }, 4096)).toHaveLength(16);
});
