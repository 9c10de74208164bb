import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, it } from "vitest";
import { pools } from "~/db/schema";
import { insertFirmwareBinary } from "~/server/services/firmware/test-factories";
import { startTestApi, type TestApi } from "~/server/testing/api-server";
import { createTestUser } from "~/server/testing/factories";
import { createTestServer } from "~/server/testing/inventory";

const script = path.join(import.meta.dirname, "seed-pool-walkthrough.sh");
let api: TestApi;
let token: string;
const ids: Record<string, number> = {};

/** The walkthrough names baseline 1 and pool 5: a fresh database gives them those ids. */
beforeAll(async () => {
  api = await startTestApi();
  const user = await createTestUser(api.db, { isStaff: true, groups: [] });
  token = (await api.request("POST", "/api/token/", { json: { username: user.username, password: user.password } })).body.access;
  const dell = { manufacturer: "Dell", models: ["PowerEdge R750"] };
  const r750 = [
    (await insertFirmwareBinary(api.db, { ...dell, firmwareType: "bios", version: "1.12.2" })).id,
    (await insertFirmwareBinary(api.db, { ...dell, firmwareType: "bmc", version: "6.10.80.00" })).id,
  ];
  const create = (json: object) => api.request("POST", "/api/firmware_baseline/", { token, json });
  expect((await create({ name: "Dell R750 Production Q1 2026", description: "BIOS 1.12.2, iDRAC 6.10.80.00", firmware_binaries: r750 })).body.id).toBe(1);
  expect((await create({ name: "HPE DL380 Gen10 Plus", description: "Production firmware baseline for HPE ProLiant DL380 Gen10 Plus." })).body.id).toBe(2);
  for (const name of ["Rack 1", "Rack 2", "Rack 3", "Rack 4", "Rack 5"]) ids[name] = (await api.db.insert(pools).values({ name, groupId: 1 }).returning())[0]!.id;
  expect(ids["Rack 5"]).toBe(5);
  const shelf = (await api.db.insert(pools).values({ name: "Rack 5 shelf", groupId: 1, parentId: 5 }).returning())[0]!.id;
  const server = async (name: string, resourcePoolId: number, versions: { biosVersion: string; bmcFirmwareVersion: string }) =>
    (ids[name] = (await createTestServer(api.db, { name, manufacturer: "Dell Inc.", model: "PowerEdge R750", resourcePoolId, ...versions })).id);
  await server("r750-node01", 5, { biosVersion: "1.10.0", bmcFirmwareVersion: "6.10.80.00" });
  await server("r750-node02", 5, { biosVersion: "1.12.2", bmcFirmwareVersion: "6.10.80.00" });
  await server("r750-node03", shelf, { biosVersion: "1.12.2", bmcFirmwareVersion: "6.10.30.00" });
  await server("r750-rack1", ids["Rack 1"]!, { biosVersion: "1.10.0", bmcFirmwareVersion: "6.10.80.00" });
});
afterAll(() => api.close());

/** jq prints each top-level value from column 0: split the stream where one ends and the next begins. */
const jsonStream = (output: string) => JSON.parse(`[${output.trim().replace(/^\}\n\{/gm, "},\n{")}]`);

it("passes seed 000's pool walkthrough, steps 2 and 3, as curl + jq exactly as written", async () => {
  const { stdout } = await promisify(execFile)("bash", [script], { env: { ...process.env, MOJOHOST: api.baseUrl, TOKEN: token } });
  const [newest, oldest, compliance, ...rest] = jsonStream(stdout);
  expect(rest).toEqual([]);
  expect([newest, oldest]).toEqual([
    { id: 2, name: "HPE DL380 Gen10 Plus", description: "Production firmware baseline for HPE ProLiant DL380 Gen10 Plus." },
    { id: 1, name: "Dell R750 Production Q1 2026", description: "BIOS 1.12.2, iDRAC 6.10.80.00" },
  ]);
  expect(compliance).toEqual({
    summary: { total_servers: 3, compliant: 1, non_compliant: 2, unknown: 0, not_applicable: 0 },
    non_compliant_servers: [
      { server_id: ids["r750-node01"], server_name: "r750-node01", overall_status: "non_compliant" },
      { server_id: ids["r750-node03"], server_name: "r750-node03", overall_status: "non_compliant" },
    ],
  });
});
