import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { authCredentials } from "~/db/schema";
import { CredentialDecryptionError, decryptCredentialPassword } from "~/server/auth/credential-crypto";
import { startTestApi, type TestApi } from "~/server/testing/api-server";
import { createTestUser } from "~/server/testing/factories";
import type { ServiceContext } from "../context";
import { PermissionDeniedError } from "../errors";
import { findProfileWithCredentials } from "./registration-credentials";

const credentialsOf = async (ctx: ServiceContext, profileId: number) => (await findProfileWithCredentials(ctx, profileId))?.credentials;

let api: TestApi;
let admin: string;
let user: string;
let userId: number;
const BASE = "/api/node_discovery/auth_profile/";
const PASSWORDS = ["your_bmc_password", "bmc_password", "calvin-Dell-default", "  spaced secret  ", "third-try-pw"];

// Every console line written while this file runs: no password may ever be among them.
const logged: string[] = [];
for (const level of ["log", "info", "warn", "error", "debug"] as const) {
  vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
    logged.push(args.map((arg) => (arg instanceof Error ? `${arg.message} ${arg.stack} ${String(arg.cause)}` : JSON.stringify(arg))).join(" "));
  });
}

beforeAll(async () => {
  api = await startTestApi();
  admin = (await createTestUser(api.db, { isStaff: true })).token;
  const plain = await createTestUser(api.db);
  user = plain.token;
  userId = plain.id;
});
afterAll(async () => {
  await api.close();
  for (const line of logged) for (const password of PASSWORDS) expect(line).not.toContain(password.trim());
});

const responses: Array<{ status: number; text: string }> = [];
async function call(method: string, path: string, json?: unknown, token = admin) {
  const response = await api.request(method, path, { token, json });
  responses.push(response);
  return response;
}
const newProfile = async (name: string) => (await call("POST", BASE, { node_classification: name, bmc: "redfish" })).body.id as number;
const system: () => ServiceContext = () => ({ actor: { kind: "system" }, db: api.db });

describe("the seed's credential examples", () => {
  it("adds credentials write-only and lists them as {id, username, created_at}", async () => {
    const profile = await newProfile("Dell Servers - DC1");
    const added = await call("POST", `${BASE}${profile}/credentials/`, { username: "admin", password: "your_bmc_password" });
    expect(added.status).toBe(201);
    expect(added.body).toEqual({ id: expect.any(Number), username: "admin", created_at: expect.stringMatching(/Z$/) });

    const listed = await call("GET", `${BASE}${profile}/credentials/`);
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual({ count: 1, next: null, previous: null, results: [added.body] });
    expect((await call("GET", `${BASE}${profile}/`)).body.credentials_count).toBe(1);
  });

  it("runs the walkthrough: profile id from the create response, then root / bmc_password", async () => {
    const profile = await newProfile("Dell DC Rack 5");
    const added = await call("POST", `${BASE}${profile}/credentials`, { username: "root", password: "bmc_password" });
    expect(added.status).toBe(201);
    expect(await credentialsOf(system(), profile)).toEqual([{ id: added.body.id, username: "root", password: "bmc_password" }]);
  });
});

describe("passwords at rest", () => {
  it("stores AES-GCM ciphertext with a key id, never the plaintext", async () => {
    const profile = await newProfile("At rest");
    const added = await call("POST", `${BASE}${profile}/credentials/`, { username: "root", password: "calvin-Dell-default" });
    const [row] = await api.db.select().from(authCredentials).where(eq(authCredentials.id, added.body.id));
    expect(row!.keyId).toMatch(/^[0-9a-f]{8}$/);
    expect(row!.passwordCiphertext.length).toBeGreaterThan("calvin-Dell-default".length);
    expect(row!.passwordCiphertext.includes(Buffer.from("calvin-Dell-default"))).toBe(false);
    expect(row!.passwordCiphertext.toString("latin1")).not.toContain("calvin");
    expect(decryptCredentialPassword(row!)).toBe("calvin-Dell-default");
  });

  it("fails loudly, without the password, when a stored ciphertext was tampered with", async () => {
    const profile = await newProfile("Tampered");
    const added = await call("POST", `${BASE}${profile}/credentials/`, { username: "root", password: "third-try-pw" });
    const [row] = await api.db.select().from(authCredentials).where(eq(authCredentials.id, added.body.id));
    const forged = Buffer.from(row!.passwordCiphertext);
    forged[forged.length - 1] = forged[forged.length - 1]! ^ 0xff;
    await api.db.update(authCredentials).set({ passwordCiphertext: forged }).where(eq(authCredentials.id, row!.id));
    await expect(credentialsOf(system(), profile)).rejects.toThrow(CredentialDecryptionError);
    expect((await call("GET", `${BASE}${profile}/credentials/`)).status).toBe(200);
  });
});

describe("credential order, validation and deletion", () => {
  it("keeps the order registration tries them in, across deletions", async () => {
    const profile = await newProfile("Ordered");
    const ids: number[] = [];
    for (const [username, password] of [["first", "pw-1"], ["second", "  spaced secret  "], ["third", "pw-3"]] as const) {
      ids.push((await call("POST", `${BASE}${profile}/credentials/`, { username, password })).body.id);
    }
    expect((await call("DELETE", `${BASE}${profile}/credentials/${ids[0]}/`)).status).toBe(204);
    await call("POST", `${BASE}${profile}/credentials/`, { username: "fourth", password: "pw-4" });
    const usernames = (await call("GET", `${BASE}${profile}/credentials/`)).body.results.map((c: { username: string }) => c.username);
    expect(usernames).toEqual(["second", "third", "fourth"]);
    expect(await credentialsOf(system(), profile)).toEqual([
      { id: ids[1], username: "second", password: "  spaced secret  " },
      { id: ids[2], username: "third", password: "pw-3" },
      { id: expect.any(Number), username: "fourth", password: "pw-4" },
    ]);
    const paged = await call("GET", `${BASE}${profile}/credentials/?page_size=2&page=2`);
    expect(paged.body).toMatchObject({ count: 3, next: null });
    expect(paged.body.results.map((c: { username: string }) => c.username)).toEqual(["fourth"]);
  });

  it("validates username and password like DRF", async () => {
    const profile = await newProfile("Validated");
    expect((await call("POST", `${BASE}${profile}/credentials/`, {})).body).toEqual({ username: ["This field is required."], password: ["This field is required."] });
    expect((await call("POST", `${BASE}${profile}/credentials/`, { username: " ", password: "" })).body).toEqual({
      username: ["This field may not be blank."],
      password: ["This field may not be blank."],
    });
    expect((await call("POST", `${BASE}${profile}/credentials/`, { username: "root", password: null })).body).toEqual({ password: ["This field may not be null."] });
  });

  it("404s for a missing profile or a credential of another profile", async () => {
    const mine = await newProfile("Mine");
    const theirs = await newProfile("Theirs");
    const theirCredential = (await call("POST", `${BASE}${theirs}/credentials/`, { username: "u", password: "pw-x" })).body.id;
    const wrongProfile = await call("DELETE", `${BASE}${mine}/credentials/${theirCredential}/`);
    expect(wrongProfile.status).toBe(404);
    expect(wrongProfile.body).toEqual({ detail: "No Credential matches the given query." });
    expect((await call("GET", `${BASE}${theirs}/credentials/`)).body.count).toBe(1);
    for (const [method, json] of [["GET", undefined], ["POST", { username: "u", password: "pw-y" }]] as const) {
      expect((await call(method, `${BASE}999999/credentials/`, json)).body).toEqual({ detail: "No AuthProfile matches the given query." });
    }
    expect(await findProfileWithCredentials(system(), 999999)).toBeUndefined();
  });

  it("deletes a profile's credentials with it", async () => {
    const profile = await newProfile("Cascade");
    await call("POST", `${BASE}${profile}/credentials/`, { username: "u", password: "pw-z" });
    expect((await call("DELETE", `${BASE}${profile}/`)).status).toBe(204);
    expect(await api.db.$count(authCredentials, eq(authCredentials.authProfileId, profile))).toBe(0);
  });
});

describe("who may do what", () => {
  it("lets only staff read, add or delete credentials", async () => {
    const profile = await newProfile("Guarded");
    const credential = (await call("POST", `${BASE}${profile}/credentials/`, { username: "root", password: "pw-g" })).body.id;
    const forbidden = { detail: "You do not have permission to perform this action." };
    expect((await call("GET", `${BASE}${profile}/credentials/`, undefined, user)).body).toEqual(forbidden);
    expect((await call("GET", `${BASE}${profile}/credentials/`)).body.results.map((c: { id: number }) => c.id)).toEqual([credential]);
    expect((await call("POST", `${BASE}${profile}/credentials/`, { username: "x", password: "pw-h" }, user)).body).toEqual(forbidden);
    // Permission before the profile before the body, as DRF checks them.
    expect((await call("POST", `${BASE}999999/credentials/`, {}, user)).status).toBe(403);
    expect((await call("POST", `${BASE}999999/credentials/`, {})).body).toEqual({ detail: "No AuthProfile matches the given query." });
    const deleted = await call("DELETE", `${BASE}${profile}/credentials/${credential}/`, undefined, user);
    expect(deleted.status).toBe(403);
    expect(deleted.body).toEqual(forbidden);
    expect((await call("GET", `${BASE}${profile}/`)).body.credentials_count).toBe(1);
  });

  it("gives plaintext credentials to the system and staff, never to other users", async () => {
    const profile = await newProfile("Registration");
    await call("POST", `${BASE}${profile}/credentials/`, { username: "root", password: "pw-r" });
    const userActor = { kind: "user" as const, userId, username: "u", isStaff: false, groupIds: [1] };
    await expect(credentialsOf({ actor: userActor, db: api.db }, profile)).rejects.toThrow(PermissionDeniedError);
    const staffActor = { ...userActor, isStaff: true };
    expect(await credentialsOf({ actor: staffActor, db: api.db }, profile)).toEqual([{ id: expect.any(Number), username: "root", password: "pw-r" }]);
  });
});

describe("no secret leaves the API", () => {
  it("never returns a password, ciphertext or key id in any response", async () => {
    await call("GET", BASE);
    const successes = responses.filter((response) => response.status < 300);
    expect(successes.length).toBeGreaterThan(20);
    // Validation errors name the password field, but no response ever holds a password's value.
    for (const { text } of successes) expect(text).not.toMatch(/password|ciphertext|key_id/i);
    for (const { text } of responses) for (const password of PASSWORDS) expect(text).not.toContain(password.trim());
  });

  it("documents no password in any auth profile response schema, and the password as write-only input", async () => {
    const document = (await api.request("GET", "/api/schema/?format=json", { token: admin })).body as {
      paths: Record<string, Record<string, { responses?: unknown; requestBody?: unknown }>>;
      components?: { schemas?: Record<string, unknown> };
    };
    const paths = Object.entries(document.paths).filter(([path]) => path.includes("auth_profile"));
    expect(paths.map(([path]) => path)).toContain("/api/node_discovery/auth_profile/{id}/credentials/");
    for (const [, operations] of paths) {
      for (const operation of Object.values(operations)) {
        let text = JSON.stringify(operation.responses ?? {});
        for (const [, name] of text.matchAll(/#\/components\/schemas\/([^"]+)/g)) text += JSON.stringify(document.components?.schemas?.[name!]);
        expect(text).not.toMatch(/password|ciphertext/i);
      }
    }
    const body = JSON.stringify(document.paths["/api/node_discovery/auth_profile/{id}/credentials/"]!.post!.requestBody);
    expect(body).toMatch(/"password":\{[^}]*"writeOnly":true/);
  });
});
