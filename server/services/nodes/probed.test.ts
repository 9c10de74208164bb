import { describe, expect, it } from "vitest";
import { stateAfterProbe, type KnownNode } from "./probed";

const OLD = "a".repeat(64);
const NEW = "b".repeat(64);
const known = (overrides: Partial<KnownNode> = {}): KnownNode => ({
  ip: "127.54.0.1",
  port: 443,
  status: "discovered",
  statusMessage: "",
  certificateSha256: OLD,
  hasServers: false,
  ...overrides,
});

describe("stateAfterProbe", () => {
  it("trusts the first certificate of a new node", () => {
    expect(stateAfterProbe(undefined, NEW)).toEqual({ status: "discovered", statusMessage: "", certificateSha256: NEW });
  });

  it("keeps a registered node registered, and a discovered one discovered", () => {
    expect(stateAfterProbe(known({ status: "registered", hasServers: true }), OLD).status).toBe("registered");
    expect(stateAfterProbe(known(), OLD)).toEqual({ status: "discovered", statusMessage: "", certificateSha256: OLD });
  });

  it("brings an unreachable node back to what its servers make it", () => {
    expect(stateAfterProbe(known({ status: "unreachable", statusMessage: "gone", hasServers: true }), OLD)).toEqual({ status: "registered", statusMessage: "", certificateSha256: OLD });
    expect(stateAfterProbe(known({ status: "unreachable", statusMessage: "gone" }), OLD).status).toBe("discovered");
  });

  it("puts a node whose certificate changed in error, keeping the trusted fingerprint and naming both", () => {
    const state = stateAfterProbe(known({ status: "registered", hasServers: true }), NEW);
    expect(state.status).toBe("error");
    expect(state.certificateSha256).toBe(OLD);
    expect(state.statusMessage).toContain(`BMC 127.54.0.1:443 presents a different TLS certificate (SHA-256 ${NEW}) than the trusted one (SHA-256 ${OLD})`);
  });

  it("leaves another error (refused credentials) to the registration that can clear it", () => {
    expect(stateAfterProbe(known({ status: "error", statusMessage: "no credential accepted" }), OLD)).toEqual({ status: "error", statusMessage: "no credential accepted", certificateSha256: OLD });
  });

  it("adopts a certificate for a node that had none recorded", () => {
    expect(stateAfterProbe(known({ certificateSha256: null }), NEW).certificateSha256).toBe(NEW);
  });
});
