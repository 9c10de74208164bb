import { apiToken, expect, keepScreenshot, signIn, test, uniqueName } from "../fixtures";
import { withE2eDatabase } from "./e2e-database";

const R750 = { manufacturer: "Dell", manufacturer_reported: "Dell Inc.", model: "PowerEdge R750" };

test("a baseline's compliance view for a pool: tiles, the server x binary matrix with versions on hover, drift over time", async ({ page, request }) => {
  const [bios, idrac] = [uniqueName("R750 BIOS"), uniqueName("R750 iDRAC")];
  const token = await apiToken(request);
  const auth = { authorization: `Bearer ${token}` };
  const registered = await request.post("/api/firmware/", {
    headers: auth,
    multipart: { name: idrac, firmware_type: "bmc", version: "6.10.80.00", manufacturer: "Dell", file: { name: "iDRAC_6.10.80.00.d9", mimeType: "application/octet-stream", buffer: Buffer.from("idrac") } },
  });
  expect(registered.status()).toBe(201);
  const rack = await (await request.post("/api/pool/", { headers: auth, data: { name: "Compliance rack", group: 1 } })).json();
  const shelf = await (await request.post(`/api/pool/${rack.id}/create_sub_pool/`, { headers: auth, data: { name: "Compliance shelf" } })).json();
  const fleet = [
    { name: "c-r750-01", ...R750, bios_version: "1.10.0", pool: rack.id },
    { name: "c-r750-02", ...R750, bios_version: "1.12.2", pool: rack.id },
    { name: "c-r750-03", ...R750, bios_version: "", pool: shelf.id },
    { name: "c-dl380-04", manufacturer: "HPE", manufacturer_reported: "HPE", model: "ProLiant DL380 Gen10 Plus", bios_version: "U46 v1.56 (11/29/2021)", pool: rack.id },
    { name: "c-r750-elsewhere", ...R750, bios_version: "1.10.0", pool: null },
  ];
  await withE2eDatabase((sql) =>
    sql`insert into servers ${sql(fleet.map(({ pool, ...server }) => ({ ...server, bmc_firmware_version: "6.10.80.00", resource_pool_id: pool, inventory_updated_at: new Date() })))}`,
  );

  await signIn(page);
  await page.goto("/firmware");
  await page.getByRole("button", { name: "Register firmware" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByText("Upload a file").click();
  await dialog.getByLabel("Name").fill(bios);
  await dialog.getByLabel("Type").selectOption("bios");
  await dialog.getByLabel("Version").fill("1.12.2");
  await dialog.getByLabel("Manufacturer").fill("Dell");
  await dialog.getByLabel("Models").fill("PowerEdge R750");
  await dialog.getByLabel("File", { exact: true }).setInputFiles({ name: "BIOS_1.12.2.bin", mimeType: "application/octet-stream", buffer: Buffer.from("bios") });
  await dialog.getByRole("button", { name: "Register" }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Baselines" }).click();
  await page.getByRole("button", { name: "New baseline" }).click();
  await dialog.getByLabel("Name").fill("R750 compliance");
  await dialog.getByLabel("Manufacturer").fill("Dell");
  await dialog.getByRole("checkbox", { name: bios }).check();
  await dialog.getByRole("checkbox", { name: idrac }).check();
  await dialog.getByRole("button", { name: "Create baseline" }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole("link", { name: "Compliance of R750 compliance" }).click();
  await expect(page.getByRole("heading", { name: "Compliance: R750 compliance" })).toBeVisible();

  await page.getByLabel("A pool").check();
  await page.getByLabel("Pool", { exact: true }).selectOption({ label: "Compliance rack" });
  await expect(page).toHaveURL(new RegExp(`pool=${rack.id}`));
  await expect(page.getByTestId("total-servers")).toHaveText("4");
  const matrix = page.getByRole("table", { name: "compliance" });
  await expect(matrix.getByRole("row")).toHaveCount(5);
  await expect(matrix.getByRole("columnheader")).toContainText(["Server", "Overall", "BMC", "BIOS", "Inventory read"]);
  const first = matrix.getByRole("row", { name: /c-r750-01/ });
  // The first cell is the row's checkbox (Remediate the ticked servers); the overall status comes next.
  await expect(first.getByRole("cell").nth(1)).toContainText("Non-compliant");
  const biosCell = first.getByLabel("Current: 1.10.0 · Baseline: 1.12.2 · Non-compliant");
  await biosCell.hover();
  await expect(first.getByRole("tooltip")).toBeVisible();
  await expect(matrix.getByRole("row", { name: /c-r750-03/ })).toContainText("Unknown");
  await expect(matrix.getByRole("row", { name: /c-dl380-04/ })).toContainText("Not applicable");
  await expect(matrix).not.toContainText("c-r750-elsewhere");

  await page.getByRole("group", { name: "Summary" }).getByRole("button", { name: /Non-compliant/ }).click();
  await expect(page).toHaveURL(/status=non_compliant/);
  await expect(matrix.getByRole("row")).toHaveCount(2);

  const drift = page.getByRole("region", { name: "Drift over time" });
  await expect(drift).toContainText("No snapshots yet");
  await drift.getByRole("button", { name: "Take snapshot now" }).click();
  await expect(drift).toContainText("1 snapshot");
  await withE2eDatabase((sql) => sql`update servers set bios_version = '1.12.2' where name = 'c-r750-01'`);
  await drift.getByRole("button", { name: "Take snapshot now" }).click();
  await expect(drift).toContainText("2 snapshots");
  await expect(drift.getByTestId("drift-chart").locator(".recharts-area")).toHaveCount(4);
  const changes = drift.getByRole("list", { name: "Servers that changed status" });
  await expect(changes.getByRole("listitem")).toHaveText([/c-r750-01\s*Non-compliant\s*→\s*Compliant/]);
  await expect(page.getByRole("group", { name: "Summary" }).getByRole("button", { name: /^Compliant/ })).toContainText("2");
  await page.getByRole("group", { name: "Summary" }).getByRole("button", { name: /Non-compliant/ }).click();
  await expect(matrix.getByRole("row")).toHaveCount(5);
  await keepScreenshot(page, "compliance");
});
