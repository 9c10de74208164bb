import type { TestApi } from "~/server/testing/api-server";
import { createTestNode } from "~/server/testing/inventory";
import { createTestProfile } from "~/server/testing/registration";
import { certificateSha256 } from "~/server/testing/scans";
import type { VendorKey } from "~/simulator/types";

export type SimulatedBmc = { address: string; port: number; vendor: VendorKey };
export type RegisteredServer = { id: number; vendor: VendorKey; address: string; port: number };

/**
 * Registers every BMC through the API, as an operator would (an auth profile, the nodes a scan would
 * have recorded with the fleet's certificate trusted, POST register), `concurrency` at a time.
 */
export async function registerBmcs(api: TestApi, token: string, bmcs: SimulatedBmc[], certificatePem: string, concurrency = 8): Promise<RegisteredServer[]> {
  const profile = await createTestProfile(api, token, [{ username: "root", password: "bmc_password" }]);
  const sha256 = certificateSha256(certificatePem);
  const registered: RegisteredServer[] = new Array(bmcs.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < bmcs.length; i = next++) {
      const bmc = bmcs[i]!;
      const node = await createTestNode(api.db, { ip: bmc.address, port: bmc.port, vendor: "", product: "", certificateSha256: sha256 });
      const answer = await api.request("POST", `/api/node/${node.id}/register/`, { token, json: { auth_profile: profile.id } });
      if (answer.status !== 200 && answer.status !== 201) throw new Error(`registering ${bmc.address}: ${answer.status} ${answer.text}`);
      registered[i] = { id: answer.body.id as number, vendor: bmc.vendor, address: bmc.address, port: bmc.port };
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return registered;
}
