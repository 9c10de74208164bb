import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pools, servers } from "~/db/schema";
import { startTestApi, type TestApi } from "~/server/testing/api-server";
import { createTestUser } from "~/server/testing/factories";
import { createTestServer } from "~/server/testing/inventory";

const SCRIPT = "server/api/rest/tests/seed-walkthrough-steps-6-7.sh";

let api: TestApi;
let token: string;
let powerEdges: number[];

beforeAll(async () => {
  api = await startTestApi();
  token = (await createTestUser(api.db, { username: "admin", isStaff: true, groups: [1] })).token;
  // What steps 1-5 would register: twelve Dell PowerEdge servers and three HPE ones.
  powerEdges = [];
  for (let i = 0; i < 12; i++) powerEdges.push((await createTestServer(api.db, { name: `r750-${i}`, model: i % 2 ? "PowerEdge R750" : "PowerEdge R650" })).id);
  for (let i = 0; i < 3; i++) await createTestServer(api.db, { name: `dl380-${i}`, manufacturer: "HPE", model: "ProLiant DL380 Gen10" });
});
afterAll(() => api.close());

describe("the seed's walkthrough, steps 6-7, as a curl + jq script", () => {
  it("creates the pool in group 1, assigns the ten newest PowerEdge servers, and shows them", async () => {
    const { stdout } = await promisify(execFile)("bash", [SCRIPT], { env: { ...process.env, MOJOHOST: api.baseUrl, TOKEN: token } });
    const poolId = Number(/^Created pool: (\d+)$/m.exec(stdout)?.[1]);
    const [pool] = await api.db.select().from(pools).where(eq(pools.id, poolId));
    expect(pool).toMatchObject({ name: "Production - Rack 5", description: "Dell PowerEdge servers in DC Rack 5", groupId: 1 });

    const newest = powerEdges.slice(-10).reverse();
    const assigning = /^Assigning servers: (\[[^\]]*\])/m.exec(stdout)?.[1];
    expect(JSON.parse(assigning!)).toEqual(newest);
    expect(stdout).toContain(JSON.stringify({ assigned: newest, already_in_pool: [], not_found: [] }));
    const inPool = await api.db.select({ id: servers.id }).from(servers).where(eq(servers.resourcePoolId, poolId));
    expect(inPool.map((row) => row.id).sort((a, b) => a - b)).toEqual([...newest].sort((a, b) => a - b));

    expect(stdout).toContain(`{\n  "name": "Production - Rack 5",\n  "servers_count": 10,\n  "description": "Dell PowerEdge servers in DC Rack 5"\n}`);
    const listed = [...stdout.matchAll(/^\{\n {2}"id": (\d+),\n {2}"name": "([^"]+)",\n {2}"model": "(PowerEdge R[67]50)",\n {2}"manufacturer": "Dell",\n {2}"power_state": "On"\n\}$/gm)];
    expect(listed.map((match) => Number(match[1]))).toEqual([...newest].sort((a, b) => a - b));
    const untouched = await api.db.select({ pool: servers.resourcePoolId }).from(servers).where(inArray(servers.id, powerEdges.slice(0, 2)));
    expect(untouched).toEqual([{ pool: null }, { pool: null }]);
  });
});
