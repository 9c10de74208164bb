import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { absoluteRequestUrl, acceptIncomingHeaders, CLIENT_ADDRESS_HEADER, clientAddress } from "~/server/api/context";
import { authOptions } from "~/server/auth/next-auth";
import { startTestApi, type TestApi } from "~/server/testing/api-server";
import { createTestUser } from "~/server/testing/factories";

vi.hoisted(() => {
  process.env.RACKPILOT_LOGIN_FAILURE_LIMIT = "3";
  process.env.RACKPILOT_TRUST_PROXY = "true";
});

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
  await createTestUser(api.db, { username: "behind-proxy" });
});
afterAll(() => {
  process.env.RACKPILOT_TRUST_PROXY = "true";
  return api.close();
});

const headers = (forwardedFor: string | undefined, extra: Record<string, string> = {}) =>
  new Headers({ [CLIENT_ADDRESS_HEADER]: "127.0.0.1", ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}), ...extra });

describe("the client address behind a trusted proxy", () => {
  it("is the address the last trusted proxy appended, not what the client wrote in front of it", () => {
    expect(clientAddress(headers("127.9.9.9, 127.0.8.1"))).toBe("127.0.8.1");
    process.env.RACKPILOT_TRUST_PROXY = "2";
    expect(clientAddress(headers("127.9.9.9, 127.0.8.1, 127.0.8.254"))).toBe("127.0.8.1");
    expect(clientAddress(headers("127.0.8.1"))).toBe("127.0.8.1");
    process.env.RACKPILOT_TRUST_PROXY = "false";
    expect(clientAddress(headers("127.9.9.9, 127.0.8.1"))).toBe("127.0.0.1");
    process.env.RACKPILOT_TRUST_PROXY = "true";
    expect(clientAddress(headers(undefined))).toBe("127.0.0.1");
  });

  it("a client rotating a forged X-Forwarded-For is still one client to the REST throttle", async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      const response = await api.request("POST", "/api/token/", {
        json: { username: "behind-proxy", password: "wrong" },
        headers: { "x-forwarded-for": `127.9.9.${attempt}, 127.0.8.7` },
      });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });

  it("the browser login keys its throttle the same way", async () => {
    const provider = authOptions().providers[0] as unknown as { options: { authorize: (credentials: unknown, req: unknown) => Promise<unknown> } };
    const attempt = (forwardedFor: string) =>
      provider.options
        .authorize({ username: "behind-proxy", password: "wrong" }, { headers: Object.fromEntries(headers(forwardedFor)) })
        .then(() => "refused", (error: Error) => error.name);
    const client = [];
    for (let i = 0; i < 4; i++) client.push(await attempt(`127.9.9.${i}, 127.0.8.20`));
    expect(client).toEqual(["refused", "refused", "refused", "ThrottledError"]);
    // Another client behind the same proxy (same socket address) is not throttled.
    expect(await attempt("127.0.8.21")).toBe("refused");
  });

  it("forwarded host and scheme headers from an untrusted client never reach the app", () => {
    const incoming = () => ({ host: "127.0.0.1:3000", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https", [CLIENT_ADDRESS_HEADER]: "127.9.9.9" });
    process.env.RACKPILOT_TRUST_PROXY = "false";
    const untrusted: Record<string, string | undefined> = incoming();
    acceptIncomingHeaders(untrusted, "127.0.0.1");
    expect(untrusted).toEqual({ host: "127.0.0.1:3000", [CLIENT_ADDRESS_HEADER]: "127.0.0.1" });
    process.env.RACKPILOT_TRUST_PROXY = "true";
    const trusted: Record<string, string | undefined> = incoming();
    acceptIncomingHeaders(trusted, "127.0.0.1");
    expect(trusted).toEqual({ ...incoming(), [CLIENT_ADDRESS_HEADER]: "127.0.0.1" });
  });

  it("X-Forwarded-Proto and Host count only when the proxy is trusted", () => {
    const request = (trusted: string) => {
      process.env.RACKPILOT_TRUST_PROXY = trusted;
      return absoluteRequestUrl(new Request("http://127.0.0.1:3000/api/pool/?page=2", { headers: headers(undefined, { "x-forwarded-proto": "https" }) }));
    };
    expect(request("true")).toBe("https://127.0.0.1:3000/api/pool/?page=2");
    expect(request("false")).toBe("http://127.0.0.1:3000/api/pool/?page=2");
  });
});
