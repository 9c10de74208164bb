import { afterEach, describe, expect, it } from "vitest";
import { RedfishClient, withBmc } from "./client";
import { readInventory } from "./inventory";
import { CertificateMismatchError, CertificateUntrustedError } from "./errors";
import { clientOptionsForMockup } from "./testing/mockup-client";
import { certificateFor, startMockupServer, type MockRequest, type MockupServer } from "./testing/mockup-server";

const SESSIONS = "/redfish/v1/SessionService/Sessions";
const running: MockupServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.stop()));
});

async function serve(options: { rootRequiresAuth?: boolean; host?: string } = {}) {
  const server = await startMockupServer({ mockup: "public-rackmount1", host: options.host ?? "127.53.6.1", rootRequiresAuth: options.rootRequiresAuth });
  running.push(server);
  return server;
}

const isLogin = (request: MockRequest) => request.method === "POST" && request.path === SESSIONS;
const basicRequests = (server: MockupServer) => server.requests.filter((request) => /^basic /i.test(request.headers.authorization ?? ""));

/** A login that creates a real session on the mockup but answers it in a quirky way. */
function quirkyLogin(server: MockupServer, answer: (token: string, location: string) => { status: number; headers?: Record<string, string>; body?: unknown }) {
  server.override((request) => {
    if (!isLogin(request)) return undefined;
    const token = `t${server.sessions.size}${Date.now()}`;
    const location = `${SESSIONS}/${token}`;
    server.sessions.set(token, location);
    return answer(token, location);
  });
}

describe("session login quirks", () => {
  it("logs out through the body's @odata.id when the login has no Location", async () => {
    const server = await serve();
    quirkyLogin(server, (token, location) => ({ status: 200, headers: { "X-Auth-Token": token }, body: { "@odata.id": location } }));
    await withBmc(clientOptionsForMockup(server), async (client) => {
      expect(client.authMethod).toBe("session");
      await client.getResource("/redfish/v1/Systems");
    });
    expect(server.sessions.size).toBe(0);
    expect(basicRequests(server)).toHaveLength(0);
  });

  it("logs out through an absolute Location, sent to the BMC itself", async () => {
    const server = await serve();
    quirkyLogin(server, (token, location) => ({ status: 201, headers: { "X-Auth-Token": token, Location: `https://bmc.example.invalid${location}` } }));
    await withBmc(clientOptionsForMockup(server), (client) => client.getResource("/redfish/v1/Systems"));
    expect(server.sessions.size).toBe(0);
  });

  it("falls back to Basic auth when the login answers 204 with a token but no way to log out, or 200 without a token", async () => {
    for (const answer of [(token: string) => ({ status: 204, headers: { "X-Auth-Token": token } }), () => ({ status: 200 })]) {
      const server = await serve();
      server.override((request) => (isLogin(request) ? answer(`token-${Date.now()}`) : undefined));
      await withBmc(clientOptionsForMockup(server), async (client) => {
        expect(client.authMethod).toBe("basic");
        expect((await client.getResource("/redfish/v1/Systems/437XR1138R2")).SerialNumber).toBe("437XR1138R2");
      });
      expect(basicRequests(server).at(-1)?.path).toBe("/redfish/v1/Systems/437XR1138R2");
      expect(server.requests.filter((request) => request.headers["x-auth-token"])).toHaveLength(0);
      await server.stop();
    }
  });

  it("uses Basic auth on a BMC without a session service, and refuses a wrong Basic credential", async () => {
    const server = await serve();
    server.override((request) => (isLogin(request) ? { status: 405 } : undefined));
    const wrong = { id: "wrong", username: "admin", password: "nope" };
    await withBmc(clientOptionsForMockup(server, { credentials: [wrong, ...clientOptionsForMockup(server).credentials] }), async (client) => {
      expect(client.authMethod).toBe("basic");
      expect(client.credentialId).toBe(1);
    });
  });

  it("logs in before reading a service root that wants credentials", async () => {
    const server = await serve({ rootRequiresAuth: true });
    await withBmc(clientOptionsForMockup(server), async (client) => {
      expect(client.authMethod).toBe("session");
      expect(client.root.RedfishVersion).toBe("1.15.0");
    });
    expect(server.sessions.size).toBe(0);
  });

  it("logs in again once when the session disappears, and leaves none behind", async () => {
    const server = await serve();
    await withBmc(clientOptionsForMockup(server), async (client) => {
      server.sessions.clear();
      expect((await client.getResource("/redfish/v1/Managers/BMC")).FirmwareVersion).toBe("1.45.455b66-rev4");
      expect(server.sessions.size).toBe(1);
    });
    expect(server.sessions.size).toBe(0);
    expect(server.requests.filter(isLogin)).toHaveLength(2);
  });
});

describe("actions and TLS trust", () => {
  it("posts an action to the target the resource advertises, wherever it is", async () => {
    const server = await serve();
    const target = "/redfish/v1/Systems/437XR1138R2/Oem/Contoso/Actions/Reset.Now";
    server.replace("/redfish/v1/Systems/437XR1138R2", (system: Record<string, unknown>) => ({
      ...system,
      Actions: { "#ComputerSystem.Reset": { target } },
    }));
    server.override((request) => (request.method === "POST" && request.path === target && request.authorized ? { status: 204 } : undefined));
    await withBmc(clientOptionsForMockup(server), async (client) => {
      const system = await client.getResource("/redfish/v1/Systems/437XR1138R2");
      expect((await client.postAction(system, "#ComputerSystem.Reset", { ResetType: "ForceRestart" })).status).toBe(204);
    });
    expect(server.requests.find((request) => request.path === target)?.body).toEqual({ ResetType: "ForceRestart" });
  });

  it("sends a POST again when a kept-alive connection turns out closed before any answer", async () => {
    const server = await serve();
    const target = "/redfish/v1/Systems/437XR1138R2/Actions/ComputerSystem.Reset";
    let posts = 0;
    server.override((request) => (request.method === "POST" && request.path === target ? { status: ++posts === 1 ? 0 : 204 } : undefined));
    await withBmc(clientOptionsForMockup(server), async (client) => {
      const system = await client.getResource("/redfish/v1/Systems/437XR1138R2");
      expect((await client.postAction(system, "#ComputerSystem.Reset", { ResetType: "On" })).status).toBe(204);
    });
    expect(posts).toBe(2);
  });

  it("sends a string or Buffer body as it is, with the caller's Content-Type", async () => {
    const server = await serve();
    const target = "/redfish/v1/UpdateService/upload";
    server.override((request) => (request.method === "POST" && request.path === target ? { status: 202 } : undefined));
    await withBmc(clientOptionsForMockup(server), async (client) => {
      const response = await client.post(target, Buffer.from("RACKPILOT-FWIMG 1\n"), { headers: { "Content-Type": "application/octet-stream" } });
      expect(response.status).toBe(202);
    });
    const upload = server.requests.find((request) => request.path === target)!;
    expect(upload.body).toBe("RACKPILOT-FWIMG 1\n");
    expect(upload.headers["content-type"]).toBe("application/octet-stream");
  });

  it("talks to a BMC whose certificate the CA bundle verifies, and refuses one it does not verify before sending anything", async () => {
    const server = await serve();
    await withBmc(clientOptionsForMockup(server, { tls: { caBundle: server.certificate } }), (client) => client.getResource("/redfish/v1/Systems"));
    const before = server.requests.length;
    const otherCa = (await certificateFor("127.53.6.200")).cert;
    const error = await RedfishClient.connect(clientOptionsForMockup(server, { tls: { caBundle: otherCa } })).catch((e) => e);
    expect(error).toBeInstanceOf(CertificateUntrustedError);
    expect(error.message).toContain(`127.53.6.1:${server.port}`);
    expect(server.requests.length).toBe(before);
  });

  it("resumes the TLS session of its first checked connection for the others, and never across clients", async () => {
    const server = await serve();
    await withBmc(clientOptionsForMockup(server), readInventory);
    await withBmc(clientOptionsForMockup(server), (client) => client.getResource("/redfish/v1/Systems"));
    const [first, ...others] = server.connections;
    expect(first.resumed).toBe(false);
    expect(others.some((connection) => connection.resumed)).toBe(true);
    expect(server.connections.filter((connection) => !connection.resumed)).toHaveLength(2);
  });

  it("writes nothing to a BMC whose certificate changed", async () => {
    const server = await serve();
    const error = await RedfishClient.connect(clientOptionsForMockup(server, { tls: { pinnedSha256: `${"AB:".repeat(31)}AB` } })).catch((e) => e);
    expect(error).toBeInstanceOf(CertificateMismatchError);
    expect(error.expectedSha256).toBe("ab".repeat(32));
    expect(server.requests).toHaveLength(0);
  });
});
