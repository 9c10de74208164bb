import { findFreePort } from "../../db/bootstrap/free-port";
import { certificateSha256 } from "../../server/testing/scans";
import { makeImage, startFleet } from "../../simulator/index";
import type { APIRequestContext } from "@playwright/test";
import { apiToken, expect, keepScreenshot, signIn, test } from "../fixtures";
import { withE2eDatabase } from "./e2e-database";

const TARGET = { bios: "1.98.0", bmc: "7.10.00.00" };

/** Simulated Dell BMCs registered as a scan and registration would, in a new pool, and the catalog's BIOS and BMC binaries for them. */
async function registeredRack(request: APIRequestContext, { base, seed, name }: { base: string; seed: number; name: string }) {
  const port = await findFreePort(base);
  const fleet = await startFleet({
    base,
    port,
    count: 2,
    vendor: "dell",
    seed,
    username: "root",
    password: "calvin",
    timings: { taskMs: 300, powerMs: 100, bmcRestartMs: 600 },
  });
  const auth = { authorization: `Bearer ${await apiToken(request)}` };
  const post = async (path: string, data: unknown) => {
    const response = await request.post(path, { headers: auth, data });
    expect(response.ok(), `${path}: ${await response.text()}`).toBe(true);
    return response.json();
  };
  const profile = await post("/api/node_discovery/auth_profile/", { node_classification: name, bmc: "redfish" });
  await post(`/api/node_discovery/auth_profile/${profile.id}/credentials/`, { username: "root", password: "calvin" });
  const nodeIds = await withE2eDatabase(async (sql) => {
    const rows =
      await sql`insert into nodes ${sql(fleet.bmcs.map((bmc) => ({ ip: bmc.address, port, vendor: "", product: "", certificate_sha256: certificateSha256(fleet.certificate!) })))} returning id`;
    return rows.map((row) => Number(row.id));
  });
  const serverIds: number[] = [];
  for (const id of nodeIds) serverIds.push((await post(`/api/node/${id}/register/`, { auth_profile: profile.id })).id);
  const pool = await post("/api/pool/", { name, group: 1 });
  await post(`/api/pool/${pool.id}/assign_servers/`, { servers: serverIds });
  const binaries: Record<string, number> = {};
  for (const [type, version] of Object.entries(TARGET)) {
    const image = makeImage({ vendor: "dell", type: type as "bios", version, name: `Dell ${type} ${version}` });
    const response = await request.post("/api/firmware/", {
      headers: auth,
      multipart: {
        name: `${name} ${type}`,
        firmware_type: type,
        version,
        manufacturer: "Dell",
        file: { name: `${type}-${version}.bin`, mimeType: "application/octet-stream", buffer: image },
      },
    });
    expect(response.status()).toBe(201);
    binaries[type] = (await response.json()).id;
  }
  return { fleet, auth, post, serverIds, pool, binaries };
}

test("from the compliance view, remediate a pool: the plan first, then live progress to 100%, then the matrix turns compliant", async ({ page, request }) => {
  test.setTimeout(180_000);
  const { fleet, auth, post, serverIds, pool, binaries } = await registeredRack(request, { base: "127.66.20.1", seed: 6620, name: "Remediation rack" });
  try {
    const baseline = await post("/api/firmware_baseline/", { name: "Remediation rack Q1", firmware_binaries: [binaries.bios, binaries.bmc] });

    await signIn(page);
    await page.goto(`/baselines/${baseline.id}/compliance?pool=${pool.id}`);
    const matrix = page.getByRole("table", { name: "compliance" });
    await expect(matrix.getByRole("row")).toHaveCount(3);
    await expect(page.getByTestId("total-servers")).toHaveText("2");
    for (const row of await matrix.getByRole("row").all()) if (!(await row.getByRole("columnheader").count())) await expect(row).toContainText("Non-compliant");

    await page.getByRole("button", { name: "Remediate this pool" }).click();
    const dialog = page.getByRole("dialog", { name: "Remediate this pool" });
    await expect(dialog.getByTestId("plan-summary")).toHaveText("2 of 2 servers to update");
    const plan = dialog.getByRole("table", { name: "plan" });
    await expect(plan).toContainText(`BMC`);
    await expect(plan).toContainText(`→ ${TARGET.bmc}`);
    await expect(plan).toContainText(`→ ${TARGET.bios}`);
    await keepScreenshot(page, "remediation-plan");
    await dialog.getByRole("button", { name: "Start update of 2 servers" }).click();

    await expect(page).toHaveURL(/\/requests\/\d+$/);
    await expect(page.getByRole("heading", { name: /Request #\d+: Baseline remediation/ })).toBeVisible();
    await expect(page.getByRole("progressbar", { name: /progress/ })).toBeVisible();
    await expect(page.getByTestId("step").first()).toBeVisible({ timeout: 30_000 });
    await keepScreenshot(page, "request-running");
    await expect(page.getByTestId("request-progress")).toContainText("2/2 · 100%", { timeout: 120_000 });
    const progress = page.getByRole("region", { name: "Progress" });
    await expect(progress).toContainText("Succeeded");
    await expect(page.getByRole("region", { name: /^Server / }).first()).toContainText(TARGET.bios);
    await keepScreenshot(page, "request-detail");

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Requests" }).click();
    const requests = page.getByRole("table", { name: "requests" });
    await expect(requests.getByRole("row", { name: /Baseline remediation/ }).first()).toContainText("Succeeded");
    await expect(requests).toContainText("Baseline Remediation rack Q1 on pool Remediation rack");
    await keepScreenshot(page, "requests");

    await requests
      .getByRole("link", { name: /Baseline remediation/ })
      .first()
      .click();
    await page.getByRole("link", { name: "Compliance", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/baselines/${baseline.id}/compliance\\?pool=${pool.id}$`));
    await expect(page.getByTestId("total-servers")).toHaveText("2");
    for (const row of await matrix.getByRole("row").all()) if (!(await row.getByRole("columnheader").count())) await expect(row).toContainText("Compliant");
    await expect(matrix).not.toContainText("Non-compliant");
    await keepScreenshot(page, "compliance-after-remediation");

    // One binary on one server, from the Servers page: the plan first (firmware_update reinstalls by default).
    const server = await (await request.get(`/api/server/${serverIds[0]}/`, { headers: auth })).json();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Servers" }).click();
    await page.getByRole("button", { name: `Update firmware of ${server.name}` }).click();
    const picker = page.getByRole("dialog", { name: `Update firmware of ${server.name}` });
    await picker.getByLabel("Firmware binary").selectOption({ label: `BMC: Remediation rack bmc ${TARGET.bmc}` });
    await picker.getByRole("button", { name: "Show the plan" }).click();
    await expect(picker.getByTestId("plan-summary")).toHaveText("1 of 1 server to update");
    await expect(picker.getByRole("table", { name: "plan" })).toContainText(`${TARGET.bmc} → ${TARGET.bmc}`);
    await keepScreenshot(page, "update-firmware-plan");
    await picker.getByRole("button", { name: "Cancel" }).click();
    await expect(picker).toBeHidden();
  } finally {
    await fleet.stop();
  }
});

test("a running request is cancelled from its page: nothing new starts, what a BMC accepted finishes", async ({ page, request }) => {
  test.setTimeout(120_000);
  const { fleet, post, serverIds, binaries } = await registeredRack(request, { base: "127.66.21.1", seed: 6621, name: "Cancel rack" });
  try {
    // Staged for the operator's restart, the BIOS update keeps the request running until it is cancelled.
    const created = await post("/api/requests/firmware_update/", {
      data: { servers: serverIds, firmware: binaries.bios, apply_time: "on_reset", max_parallel: 1 },
    });
    await signIn(page);
    await page.goto(`/requests/${created.id}`);
    await expect(page.getByRole("heading", { name: `Request #${created.id}: Firmware update` })).toBeVisible();
    await page.getByRole("button", { name: "Cancel request" }).click();
    const dialog = page.getByRole("dialog", { name: `Cancel request #${created.id}?` });
    await expect(dialog).toContainText("never interrupted");
    await dialog.getByRole("button", { name: "Cancel request" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("button", { name: "Cancel request" })).toHaveCount(0);
    await expect(page.getByRole("region", { name: "Progress" })).toContainText(/Cancelling|Cancelled/);
    // max_parallel 1: the server still waiting for its turn never starts.
    await expect(
      page
        .getByRole("region", { name: /^Server / })
        .filter({ hasText: "Cancelled" })
        .first(),
    ).toBeVisible();
    await keepScreenshot(page, "request-cancelling");
  } finally {
    await fleet.stop();
  }
});
