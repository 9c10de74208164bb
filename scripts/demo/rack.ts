import path from "node:path";
import { eq } from "drizzle-orm";
import { getDb } from "~/db/client";
import { authProfiles, scanRanges } from "~/db/schema";
import { addCredential, createAuthProfile } from "~/server/services/auth-profiles";
import type { ServiceContext } from "~/server/services/context";
import { createScanRange } from "~/server/services/scan-ranges/create";
import { startFleet, type Fleet } from "~/simulator";

/** The demo rack: 24 simulated BMCs, the five vendor profiles in turn, on 127.77.0.1-24 port 8443. */
export const DEMO_RACK = {
  name: "Demo rack (simulated)",
  base: "127.77.0.1",
  last: "127.77.0.32",
  port: 8443,
  count: 24,
  username: "root",
  password: "bmc_password",
} as const;

/**
 * Starts the rack's BMCs. Their key and certificate live in the data dir, so a restarted demo presents
 * the certificate its nodes trusted on first sight (a new one would put every node in `error`).
 */
export function startDemoRack(dataDir: string): Promise<Fleet> {
  return startFleet({
    base: DEMO_RACK.base,
    port: DEMO_RACK.port,
    count: DEMO_RACK.count,
    vendor: "mixed",
    seed: 2026,
    username: DEMO_RACK.username,
    password: DEMO_RACK.password,
    certificateDir: path.join(dataDir, "demo-rack"),
    // Quicker than real hardware, so updates and power actions can be watched in a demo.
    timings: { taskMs: 5000, powerMs: 1000, bmcRestartMs: 5000 },
  });
}

/** The auth profile holding the rack's credentials and the scan range covering it, created once. */
export async function seedDemoRack(): Promise<{ profileCreated: boolean; rangeCreated: boolean }> {
  const ctx: ServiceContext = { actor: { kind: "system" }, db: getDb() };
  const [profile] = await ctx.db.select().from(authProfiles).where(eq(authProfiles.nodeClassification, DEMO_RACK.name));
  if (!profile) {
    const created = await createAuthProfile({ ctx, input: { node_classification: DEMO_RACK.name, bmc: "redfish" } });
    await addCredential({ ctx, input: { id: created.id, username: DEMO_RACK.username, password: DEMO_RACK.password } });
  }
  const [range] = await ctx.db.select().from(scanRanges).where(eq(scanRanges.name, DEMO_RACK.name));
  if (!range) await createScanRange({ ctx, input: { name: DEMO_RACK.name, ip_from: DEMO_RACK.base, ip_to: DEMO_RACK.last, ports: [DEMO_RACK.port] } });
  return { profileCreated: !profile, rangeCreated: !range };
}
