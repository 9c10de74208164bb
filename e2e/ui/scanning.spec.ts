import { findFreePort } from "../../db/bootstrap/free-port";
import { startFleet } from "../../simulator/index";
import { expect, keepScreenshot, signIn, test } from "../fixtures";

test("scanning a loopback range shows live progress, then the simulated BMCs as nodes", async ({ page }) => {
  const port = await findFreePort("127.54.40.11");
  // Four BMCs of four profiles, and one that accepts connections but never answers: the scan waits
  // out its probe timeout, long enough to watch the progress.
  const fleet = await startFleet({ base: "127.54.40.11", port, seed: 40, bmcs: [{ count: 4, vendor: "mixed" }, { vendor: "lenovo", faults: { hang: true } }] });
  try {
    await signIn(page);
    await page.goto("/discovery");
    await page.getByRole("button", { name: "Add scan range" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Name").fill("E2E rack 40");
    await dialog.getByLabel("First address").fill("127.54.40.1");
    await dialog.getByLabel("Last address").fill("127.54.40.32");
    await dialog.getByLabel("Ports").fill(String(port));
    await dialog.getByRole("button", { name: "Add scan range" }).click();
    await expect(dialog).toBeHidden();

    const row = page.getByRole("table", { name: "scan ranges" }).getByRole("row", { name: /E2E rack 40/ });
    await row.getByRole("button", { name: "Scan E2E rack 40" }).click();
    await expect(row).toContainText("Scanning");
    await expect(row.getByRole("progressbar", { name: "Scan of E2E rack 40" })).toBeVisible();
    await expect(row).toContainText(/of 32 addresses probed/);
    await expect(row.getByRole("button", { name: "Scan E2E rack 40" })).toHaveCount(0);
    await keepScreenshot(page, "scan-progress");

    await expect(row).toContainText("Ready", { timeout: 30_000 });
    await expect(row.getByRole("progressbar")).toHaveCount(0);
    await row.getByRole("link", { name: "4 nodes found in E2E rack 40" }).click();

    await expect(page).toHaveURL(/\/discovery\/nodes\?scan_range=\d+/);
    const nodes = page.getByRole("table", { name: "nodes" });
    await expect(page.getByTestId("row-count")).toHaveText("4 nodes");
    for (const bmc of fleet.bmcs.slice(0, 4)) {
      const node = nodes.getByRole("row", { name: new RegExp(`https://${bmc.address.replaceAll(".", "\\.")}:${port}`) });
      await expect(node).toContainText("Discovered");
      await expect(node.getByRole("button", { name: /^Copy the SHA-256 of the certificate/ })).toBeVisible();
    }
    await expect(nodes).toContainText("Dell");
    await expect(nodes).not.toContainText("127.54.40.15");
    await keepScreenshot(page, "nodes");

    await page.getByRole("combobox", { name: "Vendor" }).selectOption("HPE");
    await expect(page).toHaveURL(/vendor=HPE/);
    await expect(page.getByTestId("row-count")).toHaveText("2 nodes");

    // A selection scans again; the same four nodes, never duplicated.
    await page.getByRole("link", { name: "Scan ranges" }).click();
    await row.getByRole("checkbox", { name: "Select E2E rack 40" }).check();
    await page.getByRole("button", { name: "Scan 1 selected" }).click();
    await expect(row).toContainText("Scanning");
    await expect(row).toContainText("Ready", { timeout: 30_000 });
    await expect(row.getByRole("link", { name: "4 nodes found in E2E rack 40" })).toBeVisible();
  } finally {
    await fleet.stop();
  }
});
