import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { passwordWork } from "~/server/auth/passwords";
import { startTestApi, type TestApi } from "~/server/testing/api-server";
import { createTestUser } from "~/server/testing/factories";

vi.hoisted(() => {
  process.env.RACKPILOT_LOGIN_FAILURE_LIMIT = "5";
  process.env.RACKPILOT_LOGIN_FAILURE_WINDOW = "120";
  // The per-username slow-down stays short here; bench/login-throttle.ts runs the defaults.
  process.env.RACKPILOT_LOGIN_USERNAME_MAX_DELAY = "0.2";
  process.env.RACKPILOT_PASSWORD_HASH_CONCURRENCY = "2";
});

let api: TestApi;
let user: Awaited<ReturnType<typeof createTestUser>>;
beforeAll(async () => {
  api = await startTestApi();
  user = await createTestUser(api.db, { username: "burst-target" });
});
afterAll(() => api.close());

const wrong = { username: "burst-target", password: "not-the-password" };

async function verificationsDuring(work: () => Promise<unknown>): Promise<number> {
  const before = passwordWork().verifications;
  await work();
  return passwordWork().verifications - before;
}

describe("a burst of wrong passwords from one client", () => {
  it("over REST: 200 concurrent attempts get at most the limit verified, the rest 429", async () => {
    let statuses: number[] = [];
    const verified = await verificationsDuring(async () => {
      const responses = await Promise.all(Array.from({ length: 200 }, () => api.request("POST", "/api/token/", { json: wrong, from: "127.0.3.1" })));
      statuses = responses.map((response) => response.status);
    });
    expect(verified).toBeLessThanOrEqual(5);
    expect(statuses.filter((status) => status === 401).length).toBe(verified);
    expect(statuses.filter((status) => status === 429).length).toBe(200 - verified);
  });

  it("through tRPC: a batch past the batch limit is refused whole, and batches within it are throttled like REST", async () => {
    const batch = (count: number) => {
      const paths = Array.from({ length: count }, () => "token.obtain").join(",");
      const body = JSON.stringify(Object.fromEntries(Array.from({ length: count }, (_, i) => [i, wrong])));
      return api.request("POST", `/api/trpc/${paths}?batch=1`, { body, headers: { "content-type": "application/json" }, from: "127.0.3.3" });
    };
    let huge: Awaited<ReturnType<typeof batch>> | undefined;
    expect(await verificationsDuring(async () => (huge = await batch(200)))).toBe(0);
    expect(huge!.status).toBe(400);

    let codes: string[] = [];
    const verified = await verificationsDuring(async () => {
      const responses = await Promise.all(Array.from({ length: 10 }, () => batch(20)));
      codes = responses.flatMap((response) => (response.body as Array<{ error: { data: { code: string } } }>).map((item) => item.error.data.code));
    });
    expect(codes).toHaveLength(200);
    expect(verified).toBeLessThanOrEqual(5);
    expect(codes.filter((code) => code === "UNAUTHORIZED").length).toBe(verified);
    expect(codes.filter((code) => code === "TOO_MANY_REQUESTS").length).toBe(200 - verified);
  });

  it("the right password still works for another client, right after the bursts against the same username", async () => {
    const response = await api.request("POST", "/api/token/", { json: { username: "burst-target", password: user.password }, from: "127.0.3.2" });
    expect(response.status).toBe(200);
    expect(Object.keys(response.body).sort()).toEqual(["access", "refresh"]);
  });

  it("never hashes more passwords at once than RACKPILOT_PASSWORD_HASH_CONCURRENCY", async () => {
    const clients = Array.from({ length: 12 }, (_, i) => `127.0.4.${i + 1}`);
    await Promise.all(clients.map((from) => api.request("POST", "/api/token/", { json: { username: `nobody-${from}`, password: "x" }, from })));
    expect(passwordWork().peakConcurrent).toBeGreaterThanOrEqual(1);
    expect(passwordWork().peakConcurrent).toBeLessThanOrEqual(2);
  });
});
