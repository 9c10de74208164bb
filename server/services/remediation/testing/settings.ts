import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { startTestApi, type TestApi } from "~/server/testing/api-server";
import { createTestUser } from "~/server/testing/factories";

/** Target versions a BIOS and a BMC image are made with, per simulated vendor (each as that BMC spells it). */
export const BIOS_BMC_TARGETS: Record<string, { bios: string; bmc: string }> = {
  dell: { bios: "1.19.9", bmc: "7.99.00.00" },
  "hpe-ilo5": { bios: "U46 v2.99 (01/01/2026)", bmc: "iLO 5 v2.99" },
  "hpe-ilo4": { bios: "P89 v2.99 (01/01/2026)", bmc: "iLO 4 v2.82" },
  supermicro: { bios: "2.9", bmc: "01.09.99" },
  lenovo: { bios: "U8E199Z-9.99", bmc: "TGBT99Z-9.99" },
};

/**
 * The engine's settings for tests against a fast simulator: short polls and budgets, the worker
 * finding `run_at` jobs within 0.1 s, no nightly run. `overrides` win.
 */
export function useEngineSettings(dataDir: string, overrides: Record<string, string> = {}): void {
  Object.assign(process.env, {
    RACKPILOT_DATA_DIR: dataDir,
    RACKPILOT_WORKER_POLL_INTERVAL: "0.1",
    RACKPILOT_COMPLIANCE_NIGHTLY_HOUR: "off",
    RACKPILOT_REMEDIATION_FAULT_BUDGET: "60",
    RACKPILOT_UPDATE_TIMEOUTS: JSON.stringify({ "*": { poll: 0.1, task: 60, bmc_return: 60, graceful_restart: 10, power_on: 60 } }),
    ...overrides,
  });
}

export type EngineTest = { api: TestApi; dir: string; staff: string; stop: () => Promise<void> };

/**
 * What every engine test starts from: a data dir, the engine settings, the API on a fresh database
 * (it serves the firmware files BMCs pull: RACKPILOT_PUBLIC_URL points at it) and a staff token.
 * `stop()` closes it all and restores the environment.
 */
export async function startEngineTest(name: string, overrides: Record<string, string> = {}): Promise<EngineTest> {
  const saved = { ...process.env };
  const dir = await mkdtemp(path.join(tmpdir(), `rackpilot-${name}-`));
  useEngineSettings(dir, overrides);
  const api = await startTestApi();
  process.env.RACKPILOT_PUBLIC_URL = api.baseUrl;
  const staff = (await createTestUser(api.db, { isStaff: true })).token;
  return {
    api,
    dir,
    staff,
    stop: async () => {
      await api.close();
      await rm(dir, { recursive: true, force: true });
      process.env = saved;
    },
  };
}
