import { createHash, randomBytes } from "node:crypto";
import { apiToken, expect, keepScreenshot, signIn, test, uniqueName } from "../fixtures";
import { startImageServer, type FirmwareImage } from "./firmware-image-server";

let image: FirmwareImage;
let closeServer: () => Promise<void>;

test.beforeAll(async () => {
  ({ image, close: closeServer } = await startImageServer("R750_BIOS_2.19.1.bin"));
});
test.afterAll(() => closeServer());

test("staff register firmware by URL (a checksum error first) and by upload, then see the computed checksums", async ({ page }) => {
  const [bios, idrac] = [uniqueName("R750 BIOS"), uniqueName("R750 iDRAC")];
  await signIn(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Firmware" }).click();
  const table = page.getByRole("table", { name: "binaries" });
  await expect(table).toBeVisible();

  await page.getByRole("button", { name: "Register firmware" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill(bios);
  await dialog.getByLabel("Type").selectOption("bios");
  await dialog.getByLabel("Version").fill("2.19.1");
  await dialog.getByLabel("Manufacturer").fill("Dell");
  await dialog.getByLabel("Models").fill("PowerEdge R750, PowerEdge R750xa");
  await dialog.getByLabel("Location").fill(image.url);
  const checksum = dialog.getByLabel("Checksum (optional)");
  await checksum.fill("0".repeat(64));
  await dialog.getByRole("button", { name: "Register" }).click();
  await expect(checksum).toHaveAccessibleDescription(`Checksum mismatch: expected ${"0".repeat(64)}, the file's SHA-256 is ${image.sha256}.`);

  await checksum.fill(image.sha256.toUpperCase());
  await dialog.getByRole("button", { name: "Register" }).click();
  await expect(dialog).toBeHidden();
  const row = table.getByRole("row", { name: bios });
  await expect(row).toContainText("PowerEdge R750, PowerEdge R750xa");
  await expect(row).toContainText("96 KiB");
  await expect(row.getByTitle(image.sha256)).toHaveText(`${image.sha256.slice(0, 10)}…`);

  await row.getByRole("button", { name: `Edit ${bios}` }).click();
  await dialog.getByLabel("Models").fill("PowerEdge R750");
  await dialog.getByLabel("Release notes").fill("Fixes the fan curve.");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  await expect(row).not.toContainText("R750xa");

  const upload = randomBytes(300 * 1024);
  const uploadSha = createHash("sha256").update(upload).digest("hex");
  await page.getByRole("button", { name: "Register firmware" }).click();
  await dialog.getByText("Upload a file").click();
  await dialog.getByLabel("Name").fill(idrac);
  await dialog.getByLabel("Type").selectOption("bmc");
  await dialog.getByLabel("Version").fill("7.10.30.00");
  await dialog.getByLabel("Manufacturer").fill("Dell");
  await dialog.getByRole("button", { name: "Register" }).click();
  await expect(dialog.getByLabel("File", { exact: true })).toHaveAccessibleDescription("No file was submitted.");
  await dialog.getByLabel("File", { exact: true }).setInputFiles({ name: "iDRAC_7.10.30.00.d9", mimeType: "application/octet-stream", buffer: upload });
  await dialog.getByRole("button", { name: "Register" }).click();
  await expect(dialog).toBeHidden();
  const uploaded = table.getByRole("row", { name: idrac });
  await expect(uploaded.getByTitle(uploadSha)).toBeVisible();
  await expect(uploaded).toContainText("BMC");

  await page.getByLabel("Type").selectOption("bmc");
  await expect(page).toHaveURL(/firmware_type=bmc/);
  await expect(row).toHaveCount(0);
  await expect(uploaded).toBeVisible();
  await page.getByLabel("Type").selectOption("");
  await expect(row).toBeVisible();
  await keepScreenshot(page, "firmware");
});

test("non-staff read the catalog without write actions; the upload route refuses them and foreign pages", async ({ page, request }) => {
  const token = await apiToken(request);
  const operator = { username: `fw-reader-${Date.now()}`, password: "a-long-enough-password" };
  const created = await request.post("/api/users/", { headers: { authorization: `Bearer ${token}` }, data: operator });
  expect(created.status()).toBe(201);

  const form = { name: "x", firmware_type: "bios", version: "1", manufacturer: "Dell", file: { name: "x.bin", mimeType: "application/octet-stream", buffer: Buffer.from("x") } };
  await signIn(page);
  const withoutHeader = await page.request.post("/firmware/upload", { multipart: form });
  expect(withoutHeader.status()).toBe(403);
  expect(await withoutHeader.json()).toEqual({ detail: "CSRF Failed: CSRF token missing." });

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await signIn(page, operator);
  await page.goto("/firmware");
  await expect(page.getByRole("table", { name: "binaries" })).toBeVisible();
  await expect(page.getByTestId("row-count")).toHaveText(/\d+ (binary|binaries)/);
  await expect(page.getByRole("button", { name: "Register firmware" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Edit / })).toHaveCount(0);
  const refused = await page.request.post("/firmware/upload", { multipart: form, headers: { "x-rackpilot-upload": "1" } });
  expect(refused.status()).toBe(403);
  expect(await refused.json()).toEqual({ detail: "You do not have permission to perform this action." });
});
