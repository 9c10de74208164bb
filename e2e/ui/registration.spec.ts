import { findFreePort } from "../../db/bootstrap/free-port";
import { startFleet } from "../../simulator/index";
import { PROFILES } from "../../simulator/vendors/index";
import { apiToken, expect, keepScreenshot, signIn, test } from "../fixtures";

test("a scanned rack registers from the console, and a server's page shows what its BMC serves", async ({ page, request }) => {
  const port = await findFreePort("127.54.41.11");
  const fleet = await startFleet({ base: "127.54.41.11", port, seed: 41, bmcs: [{ vendor: "dell" }, { vendor: "hpe-ilo5" }, { vendor: "supermicro" }] });
  try {
    const [dell] = fleet.bmcs;
    const auth = { authorization: `Bearer ${await apiToken(request)}` };
    const profile = await request.post("/api/node_discovery/auth_profile/", { headers: auth, data: { node_classification: "E2E rack 41 BMCs" } });
    expect(profile.status()).toBe(201);
    const { id: profileId } = await profile.json();
    // The first credential is wrong: registration falls back to the second.
    for (const credential of [
      { username: "root", password: "not-the-password" },
      { username: dell!.username, password: dell!.password },
    ]) {
      expect((await request.post(`/api/node_discovery/auth_profile/${profileId}/credentials/`, { headers: auth, data: credential })).status()).toBe(201);
    }

    await signIn(page);
    await page.goto("/discovery");
    await page.getByRole("button", { name: "Add scan range" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Name").fill("E2E rack 41");
    await dialog.getByLabel("First address").fill("127.54.41.1");
    await dialog.getByLabel("Last address").fill("127.54.41.16");
    await dialog.getByLabel("Ports").fill(String(port));
    await dialog.getByRole("button", { name: "Add scan range" }).click();
    await expect(dialog).toBeHidden();
    const range = page.getByRole("table", { name: "scan ranges" }).getByRole("row", { name: /E2E rack 41/ });
    await range.getByRole("button", { name: "Scan E2E rack 41" }).click();
    await range.getByRole("link", { name: "3 nodes found in E2E rack 41" }).click({ timeout: 30_000 });

    const nodes = page.getByRole("table", { name: "nodes" });
    await expect(page.getByTestId("row-count")).toHaveText("3 nodes");
    await expect(nodes.getByRole("row", { name: /Discovered/ })).toHaveCount(3);
    await page.getByRole("checkbox", { name: "Select every node on this page" }).check();
    await page.getByRole("button", { name: "Register 3 selected" }).click();
    const register = page.getByRole("dialog", { name: "Register 3 nodes" });
    await register.getByLabel("Auth profile").selectOption({ label: "E2E rack 41 BMCs (2 credentials)" });
    await register.getByRole("button", { name: "Register" }).click();
    await expect(register).toBeHidden();
    await expect(page.getByTestId("registration-count")).toHaveText("3 of 3 done", { timeout: 30_000 });
    await expect(page.getByRole("region", { name: /^Registration #/ })).toContainText("Succeeded");
    await expect(nodes.getByRole("row", { name: /Registered/ })).toHaveCount(3);
    await keepScreenshot(page, "nodes-registered");

    await page.getByRole("link", { name: "Servers", exact: true }).click();
    await page.getByRole("searchbox", { name: "Search servers" }).fill(dell!.serial);
    await page.getByRole("table", { name: "servers" }).getByRole("link", { name: dell!.identity.hostName }).click();

    const model = PROFILES.dell.models.find((candidate) => candidate.name === dell!.model)!;
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(dell!.identity.hostName);
    const identity = page.getByRole("region", { name: "Identity" });
    await expect(identity).toContainText(dell!.serial);
    await expect(identity).toContainText(dell!.model);
    await expect(identity).toContainText("Dell (Dell Inc.)");
    await expect(page.getByRole("region", { name: "BMC" })).toContainText(dell!.firmware.bmc!);
    await expect(page.getByRole("region", { name: "BMC" })).toContainText("Registered");
    const hardware = page.getByRole("region", { name: "Hardware" });
    await expect(hardware).toContainText(dell!.firmware.bios!);
    await expect(hardware).toContainText(`${model.cpu.count} × ${model.cpu.model}`);
    await expect(hardware).toContainText(`${(model.dimms.count * model.dimms.sizeMiB) / 1024} GiB`);

    const parts = page.getByRole("region", { name: "Parts" });
    await expect(parts.getByRole("table", { name: "processors" })).toContainText(model.cpu.model);
    await expect(parts.getByTestId("row-count")).toHaveText(`${model.cpu.count} processors`);
    await keepScreenshot(page, "server-detail");

    await parts.getByRole("link", { name: "Network" }).click();
    await expect(page).toHaveURL(/\?tab=network$/);
    const nics = parts.getByRole("table", { name: "network interfaces" });
    for (const mac of dell!.identity.macs) await expect(nics).toContainText(mac);
    await expect(nics).toContainText("25 Gbit/s");

    await parts.getByRole("link", { name: "Storage" }).click();
    const storage = parts.getByRole("table", { name: "storage subsystems" });
    await expect(storage).toContainText(model.drives.model);
    for (const serial of dell!.identity.driveSerials) await expect(storage).toContainText(serial);

    await parts.getByRole("link", { name: "Firmware" }).click();
    const firmware = parts.getByRole("table", { name: "firmware entries" });
    await expect(firmware).toContainText(dell!.firmware.bios!);
    await parts.getByRole("combobox", { name: "Component" }).selectOption("bmc");
    await expect(page).toHaveURL(/component=bmc/);
    await expect(firmware).not.toContainText(dell!.firmware.bios!);
    await expect(firmware).toContainText(dell!.firmware.bmc!);
    await keepScreenshot(page, "server-firmware");

    await page.getByRole("button", { name: "Refresh from BMC" }).click();
    await expect(page.getByText("Inventory read from the BMC just now.")).toBeVisible({ timeout: 20_000 });
    // The registration and the refresh each logged out of the BMC.
    expect(dell!.sessions).toHaveLength(0);
  } finally {
    await fleet.stop();
  }
});
