import { describe, expect, it } from "vitest";
import { checkEnvironment, env, EnvironmentError } from "./env";

describe("env", () => {
  it("parses a set value and falls back to the default when unset or empty", () => {
    expect(env("RACKPILOT_LOGIN_FAILURE_LIMIT", { RACKPILOT_LOGIN_FAILURE_LIMIT: "25" })).toBe(25);
    expect(env("RACKPILOT_LOGIN_FAILURE_LIMIT", {})).toBe(10);
    expect(env("RACKPILOT_LOGIN_FAILURE_LIMIT", { RACKPILOT_LOGIN_FAILURE_LIMIT: "" })).toBe(10);
    expect(env("RACKPILOT_FIRMWARE_DOWNLOAD_TIMEOUT", { RACKPILOT_FIRMWARE_DOWNLOAD_TIMEOUT: "0.5" })).toBe(0.5);
    expect(env("RACKPILOT_ROTATE_REFRESH_TOKENS", { RACKPILOT_ROTATE_REFRESH_TOKENS: "true" })).toBe(true);
    expect(env("RACKPILOT_PREVIOUS_SECRETS", { RACKPILOT_PREVIOUS_SECRETS: " a , b,," })).toEqual(["a", "b"]);
  });

  it("reads the proxy setting as a hop count", () => {
    expect(env("RACKPILOT_TRUST_PROXY", {})).toBe(0);
    expect(env("RACKPILOT_TRUST_PROXY", { RACKPILOT_TRUST_PROXY: "true" })).toBe(1);
    expect(env("RACKPILOT_TRUST_PROXY", { RACKPILOT_TRUST_PROXY: "2" })).toBe(2);
    expect(() => env("RACKPILOT_TRUST_PROXY", { RACKPILOT_TRUST_PROXY: "yes please" })).toThrow(EnvironmentError);
  });

  it("refuses a bad value instead of silently using the default", () => {
    expect(() => env("RACKPILOT_LOGIN_FAILURE_LIMIT", { RACKPILOT_LOGIN_FAILURE_LIMIT: "ten" })).toThrow(
      'Invalid setting RACKPILOT_LOGIN_FAILURE_LIMIT="ten": expected a whole number',
    );
    expect(() => env("RACKPILOT_WORKER_CONCURRENCY", { RACKPILOT_WORKER_CONCURRENCY: "0" })).toThrow("greater than 0");
  });

  it("checkEnvironment names every bad value at once and returns unknown RACKPILOT_ names", () => {
    let message = "";
    try {
      checkEnvironment({ RACKPILOT_LOGIN_FAILURE_LIMIT: "-1", RACKPILOT_WORKER: "sometimes", RACKPILOT_PUBLIC_URL: "ftp://x" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('RACKPILOT_LOGIN_FAILURE_LIMIT="-1"');
    expect(message).toContain('RACKPILOT_WORKER="sometimes": expected in-process or external');
    expect(message).toContain('RACKPILOT_PUBLIC_URL="ftp://x"');
    expect(checkEnvironment({ RACKPILOT_LOGIN_FAILURE_LIMT: "5", RACKPILOT_WORKER: "external", PATH: "/bin" })).toEqual(["RACKPILOT_LOGIN_FAILURE_LIMT"]);
  });
});
