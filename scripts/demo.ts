import { dataDir } from "~/server/config";
import { env, requireValidEnvironment } from "~/server/env";
import { buildIfNeeded } from "./build-if-needed";
import { DEMO_RACK, seedDemoRack, startDemoRack } from "./demo/rack";
import { serve } from "./serve";

// `npm run demo`: the product on its own data dir, with a simulated rack to discover.
process.env.RACKPILOT_DATA_DIR ||= ".rackpilot/demo";
process.env.RACKPILOT_ADMIN_PASSWORD ||= "rackpilot-demo";
requireValidEnvironment();
(process.env as Record<string, string>).NODE_ENV = "production";
buildIfNeeded();
const rack = await startDemoRack(dataDir());
await serve({ dev: false });
await seedDemoRack();

const url = `http://127.0.0.1:${env("PORT")}`;
console.log(`
Demo rack: ${rack.bmcs.length} simulated BMCs (Dell iDRAC9, HPE iLO 5, HPE iLO 4, Supermicro X12, Lenovo XCC) at
https://${DEMO_RACK.base}..${rack.bmcs.at(-1)!.address}:${DEMO_RACK.port}, account ${DEMO_RACK.username} / ${DEMO_RACK.password}.
Auth profile and scan range "${DEMO_RACK.name}" are ready. Log in at ${url}/login as ${env("RACKPILOT_ADMIN_USER")} / ${process.env.RACKPILOT_ADMIN_PASSWORD}
(the password of the first start of this data dir), then:
  1. Discovery > Scan ranges: press Scan on "${DEMO_RACK.name}" (a few seconds).
  2. Discovery > Nodes: select all, "Register selected", pick the auth profile.
  3. Servers: open one, browse its processors, network, storage and firmware.
Data: ${dataDir()} (delete it to start over). Ctrl-C stops everything.`);
