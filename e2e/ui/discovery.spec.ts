import type { Response } from "@playwright/test";
import { apiToken, expect, keepScreenshot, signIn, test } from "../fixtures";

test("a scan range with a bad address shows the error under that field, then saves", async ({ page }) => {
  await signIn(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Discovery" }).click();
  await expect(page.getByRole("link", { name: "Scan ranges" })).toHaveAttribute("aria-current", "page");
  await page.getByRole("button", { name: "Add scan range" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill("Lab BMCs e2e");
  await dialog.getByLabel("First address").fill("127.50.5.300");
  await dialog.getByLabel("Last address").fill("127.50.5.1");
  await dialog.getByLabel("Ports").fill("443, 8443");
  await dialog.getByRole("button", { name: "Add scan range" }).click();
  await expect(dialog.getByLabel("First address")).toHaveAccessibleDescription("Enter a valid IPv4 address.");
  await expect(dialog.getByLabel("First address")).toHaveAttribute("aria-invalid", "true");

  // Both addresses valid but in the wrong order: only the server can tell, and it names ip_to.
  await dialog.getByLabel("First address").fill("127.50.5.20");
  await dialog.getByRole("button", { name: "Add scan range" }).click();
  await expect(dialog.getByLabel("Last address")).toHaveAccessibleDescription("Ensure this address is not lower than ip_from.");
  await expect(dialog.getByLabel("First address")).not.toHaveAttribute("aria-invalid", "true");

  await dialog.getByLabel("First address").fill("127.50.5.1");
  await dialog.getByLabel("Last address").fill("127.50.5.20");
  await dialog.getByLabel("Ports").fill("443, 99999");
  await dialog.getByRole("button", { name: "Add scan range" }).click();
  await expect(dialog.getByLabel("Ports")).toHaveAccessibleDescription("Ensure this value is less than or equal to 65535.");
  await dialog.getByLabel("Ports").fill("443, 8443");
  await dialog.getByRole("button", { name: "Add scan range" }).click();
  await expect(dialog).toBeHidden();

  const row = page.getByRole("table", { name: "scan ranges" }).getByRole("row", { name: /Lab BMCs e2e/ });
  await expect(row).toContainText("127.50.5.1 – 127.50.5.20");
  await expect(row).toContainText("20 addresses");
  await expect(row).toContainText("443, 8443");
  await expect(row).toContainText("Ready");
  await expect(row).toContainText("never");
  await keepScreenshot(page, "scan-ranges");

  await page.getByRole("combobox", { name: "Status" }).selectOption("error");
  await expect(page).toHaveURL(/status=error/);
  await expect(page.getByText("No scan range has this status.")).toBeVisible();
  await page.getByRole("combobox", { name: "Status" }).selectOption("");
  await expect(row).toBeVisible();

  await page.getByRole("button", { name: "Delete Lab BMCs e2e" }).click();
  await expect(dialog).toContainText("Discovery stops looking at 127.50.5.1 – 127.50.5.20.");
  await dialog.getByRole("button", { name: "Delete scan range" }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toHaveCount(0);
});

test("an auth profile gets a credential whose password never reaches the page", async ({ page }) => {
  const password = "e2e-Bmc-Secret-7x!q";
  const trpcBodies: Promise<string>[] = [];
  page.on("response", (response: Response) => {
    if (response.url().includes("/api/trpc/")) trpcBodies.push(response.text().catch(() => ""));
  });
  await signIn(page);
  await page.goto("/discovery");
  await page.getByRole("link", { name: "Auth profiles" }).click();
  await expect(page).toHaveURL(/\/discovery\/auth-profiles$/);
  await page.getByRole("button", { name: "Add auth profile" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Node classification").fill("Dell Servers - DC1 e2e");
  await dialog.getByRole("button", { name: "Add auth profile" }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole("table", { name: "auth profiles" }).getByRole("row", { name: /Dell Servers - DC1 e2e/ });
  await expect(row).toContainText("Redfish");
  await expect(row.getByRole("cell").nth(2)).toHaveText("0");

  await row.getByRole("button", { name: "Credentials of Dell Servers - DC1 e2e" }).click();
  const panel = page.getByRole("region", { name: "Credentials of Dell Servers - DC1 e2e" });
  await expect(panel).toContainText("No credentials yet");
  await expect(panel).toContainText("Passwords are stored encrypted and never shown again.");
  await expect(page).toHaveURL(/profile=\d+/);
  await panel.getByLabel("BMC username").fill("root");
  await panel.getByLabel("BMC password").fill(password);
  await expect(panel.getByLabel("BMC password")).toHaveAttribute("type", "password");
  await panel.getByRole("button", { name: "Add credential" }).click();
  const credentials = panel.getByRole("list", { name: "Credentials" });
  await expect(credentials).toContainText("root");
  await expect(panel.getByLabel("BMC password")).toHaveValue("");
  await expect(panel.getByLabel("BMC username")).toHaveValue("");
  await expect(row.getByRole("cell").nth(2)).toHaveText("1");

  await panel.getByLabel("BMC username").fill("admin");
  await panel.getByLabel("BMC password").fill(`${password}-2`);
  await panel.getByRole("button", { name: "Add credential" }).click();
  await expect(credentials.getByRole("listitem")).toHaveCount(2);
  await expect(credentials.getByRole("listitem").first()).toContainText("root");
  expect(await page.content()).not.toContain(password);
  await keepScreenshot(page, "auth-profiles");

  // The panel is part of the URL; after a reload it lists the user names and still no password.
  await page.reload();
  await expect(credentials).toContainText("admin");
  expect(await page.content()).not.toContain(password);

  await credentials.getByRole("button", { name: "Delete credential root" }).click();
  await expect(dialog).toContainText("Registration stops trying root on Dell Servers - DC1 e2e nodes");
  await dialog.getByRole("button", { name: "Delete credential" }).click();
  await expect(dialog).toBeHidden();
  await expect(credentials.getByRole("listitem")).toHaveCount(1);
  await expect(credentials).not.toContainText("root");
  await expect(row.getByRole("cell").nth(2)).toHaveText("1");

  const bodies = await Promise.all(trpcBodies);
  expect(bodies.some((body) => body.includes('"username":"admin"'))).toBe(true);
  for (const body of bodies) expect(body).not.toContain(password);
});

test("non-staff users read scan ranges and auth profiles without any write action", async ({ page, request }) => {
  const token = await apiToken(request);
  const auth = { authorization: `Bearer ${token}` };
  const user = { username: "e2e-viewer", password: "Wide-Rack-Lantern-42" };
  expect((await request.post("/api/users/", { headers: auth, data: user })).status()).toBe(201);
  expect((await request.post("/api/node_discovery/scan_range/", { headers: auth, data: { name: "Viewer range e2e", ip_from: "127.50.6.1", ip_to: "127.50.6.9" } })).status()).toBe(201);
  const profile = await request.post("/api/node_discovery/auth_profile/", { headers: auth, data: { node_classification: "Viewer profile e2e" } });
  expect(profile.status()).toBe(201);
  const { id } = await profile.json();
  expect((await request.post(`/api/node_discovery/auth_profile/${id}/credentials/`, { headers: auth, data: { username: "viewer-bmc", password: "never-shown-1" } })).status()).toBe(201);

  await signIn(page, user);
  await page.goto("/discovery");
  await expect(page.getByRole("row", { name: /Viewer range e2e/ })).toContainText("443");
  await expect(page.getByText("Staff manage and scan ranges.")).toBeVisible();
  await expect(page.getByRole("button", { name: /Add scan range|Edit|Delete|Scan/ })).toHaveCount(0);
  await expect(page.getByRole("checkbox")).toHaveCount(0);

  await page.goto("/discovery/auth-profiles");
  await page.getByRole("button", { name: "Credentials of Viewer profile e2e" }).click();
  const panel = page.getByRole("region", { name: "Credentials of Viewer profile e2e" });
  await expect(panel).toContainText("viewer-bmc");
  await expect(page.getByRole("button", { name: /Add|Edit|Delete/ })).toHaveCount(0);
  await expect(panel.getByLabel("BMC password")).toHaveCount(0);
});
