import { apiToken, expect, keepScreenshot, signIn, test } from "../fixtures";
import { startImageServer, type FirmwareImage } from "./firmware-image-server";

let image: FirmwareImage;
let closeServer: () => Promise<void>;

test.beforeAll(async () => {
  ({ image, close: closeServer } = await startImageServer("X12_BMC_1.05.bin", 4096));
});
test.afterAll(() => closeServer());

test("a baseline is built with the binary picker; its binaries cannot be deleted while it uses them", async ({ page, request }) => {
  const token = await apiToken(request);
  const registered = await request.post("/api/firmware/", {
    headers: { authorization: `Bearer ${token}` },
    data: { name: "X12 BMC", firmware_type: "bmc", version: "1.05.02", manufacturer: "Supermicro", models: ["X12DPi-NT6"], location: image.url },
  });
  expect(registered.status()).toBe(201);
  const binary = await registered.json();
  expect(binary.checksum).toBe(image.sha256);

  await signIn(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Baselines" }).click();
  await page.getByRole("button", { name: "New baseline" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill("X12 fleet");
  await dialog.getByLabel("Description").fill("What every X12 node should run.");
  await dialog.getByLabel("Manufacturer").fill("supermicro");
  await dialog.getByLabel("Model").fill("X12DPi-NT6");
  const choice = dialog.getByRole("checkbox", { name: /X12 BMC/ });
  await expect(dialog.getByRole("listitem")).toHaveCount(1);
  await choice.check();
  await expect(dialog).toContainText("1 selected");
  await dialog.getByLabel("Model").fill("no-such-model");
  await expect(dialog.getByRole("list", { name: "Selected binaries hidden by the filters" })).toContainText("X12 BMC 1.05.02");
  await dialog.getByRole("button", { name: "Create baseline" }).click();
  await expect(dialog).toBeHidden();

  const row = page.getByRole("table", { name: "baselines" }).getByRole("row", { name: /X12 fleet/ });
  await expect(row).toContainText("What every X12 node should run.");
  await expect(row.getByRole("cell").nth(2)).toHaveText("1");
  await expect(row).toContainText("admin");
  await keepScreenshot(page, "baselines");

  await page.goto("/firmware");
  await page.getByRole("button", { name: "Delete X12 BMC" }).click();
  const confirm = page.getByRole("dialog");
  await confirm.getByRole("button", { name: "Delete firmware" }).click();
  await expect(confirm.getByRole("alert")).toHaveText(`Firmware binary ${binary.id} is used by baselines: X12 fleet.`);
  await confirm.getByRole("button", { name: "Cancel" }).click();

  await page.goto("/baselines");
  await page.getByRole("button", { name: "Delete X12 fleet" }).click();
  await expect(confirm).toContainText("the firmware binaries stay in the catalog");
  await confirm.getByRole("button", { name: "Delete baseline" }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole("row", { name: /X12 fleet/ })).toHaveCount(0);
  const stillThere = await request.get(`/api/firmware/${binary.id}/`, { headers: { authorization: `Bearer ${token}` } });
  expect(stillThere.status()).toBe(200);
});
