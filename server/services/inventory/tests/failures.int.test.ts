import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFreePort } from "~/db/bootstrap/free-port";
import { startFleet, type BmcHandle, type Fleet } from "~/simulator";
import { startTestApi, type TestApi } from "~/server/testing/api-server";
import { createTestUser } from "~/server/testing/factories";
import { createTestNode } from "~/server/testing/inventory";
import { createNodeFor, createTestProfile, expectServerMatchesSimulator } from "~/server/testing/registration";
import { eventually } from "~/server/testing/scans";

let api: TestApi;
let fleet: Fleet;
let staff: string;
let right: { id: number; credentialIds: number[] };

const WRONG = { username: "root", password: "calvin" };

beforeAll(async () => {
  // Each request 1 s at most, each registration 5 s: a hanging BMC ends in seconds.
  Object.assign(process.env, { RACKPILOT_BMC_REQUEST_TIMEOUT: "1", RACKPILOT_REGISTER_TIMEOUT: "5" });
  api = await startTestApi();
  staff = (await createTestUser(api.db, { isStaff: true })).token;
  fleet = await startFleet({
    base: "127.58.2.1",
    seed: 582,
    timings: { sessionTimeoutMs: 60_000 },
    bmcs: [
      { vendor: "dell" },
      { vendor: "lenovo" },
      { vendor: "supermicro", faults: { errorRate: 1 } },
      { vendor: "dell", faults: { resetRate: 1 } },
      { vendor: "hpe-ilo5", faults: { hang: true } },
      { vendor: "hpe-ilo5", faults: { latencyMs: 100 } },
      { vendor: "hpe-ilo4" },
    ],
  });
  right = await createTestProfile(api, staff, [WRONG, { username: "root", password: "bmc_password" }], "Wrong then right");
});
afterAll(() => Promise.all([fleet.stop(), api.close()]));

const register = (nodeId: number, profile = right.id) => api.request("POST", `/api/node/${nodeId}/register/`, { token: staff, json: { auth_profile: profile } });
const nodeOf = async (id: number) => (await api.request("GET", `/api/node/${id}/`, { token: staff })).body;

/** Registers and answers the 400, the node afterwards and how long it took. */
async function failingRegistration(bmc: BmcHandle | { address: string; port: number }, profile = right.id) {
  const node = "sessions" in bmc ? await createNodeFor(api, fleet, bmc) : await createTestNode(api.db, { ip: bmc.address, port: bmc.port, certificateSha256: "c".repeat(64) });
  const started = Date.now();
  const response = await register(node.id, profile);
  return { response, elapsedMs: Date.now() - started, node: await nodeOf(node.id) };
}

describe("credentials", () => {
  it("falls back to the second credential, records it, and starts with it next time", async () => {
    const bmc = fleet.bmcs[0]!;
    const node = await createNodeFor(api, fleet, bmc);
    const response = await register(node.id);
    expect(response.status).toBe(200);
    await expectServerMatchesSimulator(api, staff, response.body.id, bmc);
    const [row] = await api.db.query.nodes.findMany({ where: (nodes, { eq }) => eq(nodes.id, node.id) });
    expect(row).toMatchObject({ authProfileId: right.id, credentialId: right.credentialIds[1] });
    // One refused login now locks the account: only a registration that starts with the winner succeeds.
    bmc.setFaults({ lockout: { attempts: 1, durationMs: 60_000 } });
    try {
      expect((await register(node.id)).status).toBe(200);
    } finally {
      bmc.clearFaults();
    }
    expect(bmc.sessions).toEqual([]);
  });

  it("answers 400 naming the BMC when no credential of the profile is accepted, node error", async () => {
    const wrong = await createTestProfile(api, staff, [WRONG, { username: "admin", password: "admin" }], "All wrong");
    const bmc = fleet.bmcs[1]!;
    const { response, node } = await failingRegistration(bmc, wrong.id);
    const detail = `BMC ${bmc.address}:${bmc.port} accepted no credential of auth profile "All wrong" (id ${wrong.id}): all 2 of its credentials were refused.`;
    expect(response).toMatchObject({ status: 400, body: { detail } });
    expect(node).toMatchObject({ status: "error", status_message: detail, server: null });
    expect(bmc.sessions).toEqual([]);
  });
});

describe("trust", () => {
  it("refuses a BMC whose certificate changed: 400, node error, the trusted fingerprint kept", async () => {
    const bmc = fleet.bmcs[6]!;
    const trusted = "d".repeat(64);
    const node = await createNodeFor(api, fleet, bmc, { certificateSha256: trusted });
    const response = await register(node.id);
    expect(response.status).toBe(400);
    expect(response.body.detail).toMatch(new RegExp(`^BMC ${bmc.address}:${bmc.port} presents a different TLS certificate .* no credentials were sent`));
    expect(await nodeOf(node.id)).toMatchObject({ status: "error", status_message: response.body.detail, certificate_sha256: trusted });
    expect(bmc.sessions).toEqual([]);
  });
});

describe("faults end in a clear node status within bounded time", () => {
  it("nothing listening: unreachable", async () => {
    const address = "127.58.2.100";
    const { response, node, elapsedMs } = await failingRegistration({ address, port: await findFreePort(address) });
    expect(response.status).toBe(400);
    expect(response.body.detail).toMatch(/^BMC 127\.58\.2\.100:\d+ refused the connection/);
    expect(node).toMatchObject({ status: "unreachable", status_message: response.body.detail });
    expect(elapsedMs).toBeLessThan(10_000);
  });

  it("every answer a 500: error, naming the status", async () => {
    const { response, node, elapsedMs } = await failingRegistration(fleet.bmcs[2]!);
    expect(response.status).toBe(400);
    expect(response.body.detail).toContain("500");
    expect(node).toMatchObject({ status: "error", status_message: response.body.detail });
    expect(elapsedMs).toBeLessThan(10_000);
  });

  it("every connection reset: unreachable", async () => {
    const { response, node, elapsedMs } = await failingRegistration(fleet.bmcs[3]!);
    expect(response.body.detail).toContain("dropped the connection");
    expect(node).toMatchObject({ status: "unreachable", status_message: response.body.detail });
    expect(elapsedMs).toBeLessThan(10_000);
  });

  it("a BMC that accepts connections and never answers: unreachable once the time is up", async () => {
    const { response, node, elapsedMs } = await failingRegistration(fleet.bmcs[4]!);
    expect(response.status).toBe(400);
    expect(response.body.detail).toMatch(/did not answer in time/);
    expect(node).toMatchObject({ status: "unreachable" });
    expect(elapsedMs).toBeLessThan(8_000);
  });

  it("a session that expires mid-crawl: logs in again, registers, and leaves no session", async () => {
    const bmc = fleet.bmcs[5]!;
    const node = await createNodeFor(api, fleet, bmc);
    const registering = register(node.id);
    await eventually(async () => (bmc.sessions.length ? true : undefined), 5_000, "the registration to log in");
    bmc.expireSessions();
    const response = await registering;
    expect(response.status).toBe(200);
    await expectServerMatchesSimulator(api, staff, response.body.id, bmc);
    expect(bmc.sessions).toEqual([]);
  });
});
