import { createHmac } from "node:crypto";
import { SignJWT } from "jose";
import { afterEach, describe, expect, it, vi } from "vitest";
import { deriveKey } from "./keys";
import { issueToken, verifyToken } from "./tokens";

const now = () => Math.floor(Date.now() / 1000);
const sign = (claims: Record<string, unknown>, alg = "HS256", header: Record<string, unknown> = {}) =>
  new SignJWT(claims).setProtectedHeader({ alg, typ: "JWT", ...header }).sign(deriveKey("jwt"));
const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

describe("verifyToken", () => {
  it("accepts a token it issued, with its claims, for its type only", async () => {
    const token = await issueToken(42, "access");
    expect(await verifyToken(token, "access")).toMatchObject({ user_id: 42, token_type: "access", jti: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(await verifyToken(token, "refresh")).toBe("Token has wrong type");
  });

  it("calls a token past its exp expired, and one not yet valid (nbf) invalid", async () => {
    expect(await verifyToken(await sign({ user_id: 1, token_type: "access", exp: now() - 1 }), "access")).toBe("Token is expired");
    expect(await verifyToken(await sign({ user_id: 1, token_type: "access", exp: now() }), "access")).toBe("Token is expired");
    expect(await verifyToken(await sign({ user_id: 1, token_type: "access", exp: now() + 60, nbf: now() + 60 }), "access")).toBe("Token is invalid");
    expect(await verifyToken(await sign({ user_id: 1, token_type: "access", exp: "later" }), "access")).toBe("Token is invalid");
    expect(await verifyToken(await sign({ user_id: 1, token_type: "access", iat: "today" }), "access")).toBe("Token is invalid");
  });

  it("refuses any change to the header, payload or signature", async () => {
    const token = await issueToken(7, "access");
    const [header, payload, signature] = token.split(".") as [string, string, string];
    const forged = base64url({ ...JSON.parse(Buffer.from(payload, "base64url").toString()), user_id: 1 });
    const variants = [
      `${header}.${forged}.${signature}`,
      `${header}.${payload}.${signature.slice(0, -2)}${signature.endsWith("AA") ? "AB" : "AA"}`,
      `${header}.${payload}.${signature}A`,
      `${header}.${payload}.${signature}=`,
      `${header}.${payload}.`,
      `${base64url({ alg: "none", typ: "JWT" })}.${payload}.`,
      `${header}.${payload}`,
      `${token}.${signature}`,
      "not a token",
      "",
    ];
    for (const variant of variants) expect(await verifyToken(variant, "access"), variant).toBe("Token is invalid");
  });

  it("accepts HS256 only, and no critical header extensions", async () => {
    expect(await verifyToken(await sign({ user_id: 1, token_type: "access" }, "HS512"), "access")).toBe("Token is invalid");
    const critical = await sign({ user_id: 1, token_type: "access" }, "HS256", { crit: ["b64"], b64: true });
    expect(await verifyToken(critical, "access")).toBe("Token is invalid");
  });

  it("refuses a correctly signed payload that is not a claims object, or lacks user_id or token_type", async () => {
    const header = base64url({ alg: "HS256", typ: "JWT" });
    const signed = (payload: string) => `${header}.${payload}.${createHmac("sha256", deriveKey("jwt")).update(`${header}.${payload}`).digest("base64url")}`;
    for (const payload of [base64url([1, 2]), base64url("text"), Buffer.from("{oops").toString("base64url"), base64url({ token_type: "access" }), base64url({ user_id: "1", token_type: "access" })]) {
      expect(await verifyToken(signed(payload), "access")).toBe("Token is invalid");
    }
    expect(await verifyToken(signed(base64url({ user_id: 3, token_type: "access" })), "access")).toMatchObject({ user_id: 3 });
  });

  describe("a token verified before", () => {
    afterEach(() => {
      vi.useRealTimers();
      vi.unstubAllEnvs();
    });

    it("expires at its exp, and is not yet valid before its nbf, as on its first use", async () => {
      vi.useFakeTimers({ toFake: ["Date"] });
      const token = await sign({ user_id: 5, token_type: "access", nbf: now() + 10, exp: now() + 60 });
      expect(await verifyToken(token, "access")).toBe("Token is invalid");
      vi.setSystemTime(Date.now() + 20_000);
      expect(await verifyToken(token, "access")).toMatchObject({ user_id: 5 });
      vi.setSystemTime(Date.now() + 60_000);
      expect(await verifyToken(token, "access")).toBe("Token is expired");
    });

    it("is refused once the root secret changes", async () => {
      const token = await issueToken(6, "access");
      expect(await verifyToken(token, "access")).toMatchObject({ user_id: 6 });
      vi.stubEnv("RACKPILOT_SECRET", "another-secret-for-this-test-0123456789");
      expect(await verifyToken(token, "access")).toBe("Token is invalid");
      expect(await verifyToken(await issueToken(6, "access"), "access")).toMatchObject({ user_id: 6 });
    });
  });
});
