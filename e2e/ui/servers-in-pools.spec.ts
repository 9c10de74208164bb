import { apiToken, expect, keepScreenshot, signIn, test } from "../fixtures";
import { insertServers } from "../inventory";

const MEMBER = { username: "e2e-member", password: "e2e-member-password" };

test("a pool and a sub-pool: assign servers from the unassigned ones, see the counts change, take one out", async ({ page }) => {
  const [first, second, third] = ["e2e-r750-a", "e2e-r750-b", "e2e-r650-c"];
  await insertServers([{ name: first, model: "PowerEdge R750" }, { name: second, model: "PowerEdge R750" }, { name: third, model: "PowerEdge R650" }]);
  await signIn(page);
  await page.goto("/pools");
  await page.getByRole("button", { name: "Create pool" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill("Rack 7 e2e");
  await dialog.getByRole("button", { name: "Create pool" }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole("button", { name: "Add a sub-pool to Rack 7 e2e" }).click();
  await dialog.getByLabel("Name").fill("Row A e2e");
  await dialog.getByRole("button", { name: "Add sub-pool" }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole("table", { name: "pools" }).getByRole("link", { name: "Rack 7 e2e" }).click();
  await expect(page.getByRole("heading", { name: "Rack 7 e2e" })).toBeVisible();
  const counts = page.getByTestId("pool-counts");
  await expect(counts).toContainText("0 servers · 0 switches");

  await page.getByRole("button", { name: "Assign servers" }).click();
  await dialog.getByRole("searchbox", { name: "Search unassigned servers" }).fill("e2e-r750");
  const picker = dialog.getByRole("table", { name: "unassigned servers" });
  await expect(picker.getByRole("row")).toHaveCount(3); // the header and two servers
  await picker.getByRole("checkbox", { name: `Select ${first}` }).check();
  await picker.getByRole("checkbox", { name: `Select ${second}` }).check();
  await dialog.getByRole("button", { name: "Assign 2 servers" }).click();
  await expect(dialog.getByRole("status", { name: "Assignment outcome" })).toContainText(`Assigned 2 servers: ${first}, ${second}.`);
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(counts).toContainText("2 servers");
  const poolServers = page.getByRole("table", { name: "pool servers" });
  await expect(poolServers.getByRole("row", { name: new RegExp(first) })).toBeVisible();
  await keepScreenshot(page, "pool-detail");

  await poolServers.getByRole("checkbox", { name: `Select ${second}` }).check();
  await page.getByRole("button", { name: "Remove 1 from pool" }).click();
  await expect(counts).toContainText("1 server ·");
  await expect(poolServers.getByRole("row", { name: new RegExp(second) })).toHaveCount(0);

  // The sub-pool takes the third server; the parent's own count stays.
  await page.getByRole("link", { name: "Row A e2e" }).click();
  await expect(page.getByRole("heading", { name: "Row A e2e" })).toBeVisible();
  await page.getByRole("button", { name: "Assign servers" }).click();
  await dialog.getByRole("searchbox", { name: "Search unassigned servers" }).fill(third);
  await dialog.getByRole("checkbox", { name: `Select ${third}` }).check();
  await dialog.getByRole("button", { name: "Assign 1 server" }).click();
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(page.getByTestId("pool-counts")).toContainText("1 server ·");

  await page.goto("/pools");
  const rack = page.getByRole("table", { name: "pools" }).getByRole("row", { name: /Rack 7 e2e/ });
  await expect(rack.getByRole("cell").nth(3)).toHaveText("1");
  await page.goto("/servers?search=e2e-r");
  const servers = page.getByRole("table", { name: "servers" });
  await expect(servers.getByRole("row", { name: new RegExp(third) })).toContainText("Row A e2e");
  await expect(servers.getByRole("row", { name: new RegExp(second) })).toContainText("Unassigned");
  await keepScreenshot(page, "servers");

  // Protecting a server is one switch, kept across reloads and filterable.
  await servers.getByRole("switch", { name: `Protect ${first}` }).check({ force: true });
  await page.reload();
  await expect(page.getByRole("switch", { name: `Protect ${first}` })).toBeChecked();
  await page.getByRole("combobox", { name: "Protection" }).selectOption("true");
  await expect(page.getByTestId("row-count")).toHaveText("1 server");
});

test("a non-staff user sees only their group's pool and its servers", async ({ page, request }) => {
  const token = await apiToken(request);
  const auth = { authorization: `Bearer ${token}` };
  const team = await (await request.post("/api/groups/", { headers: auth, data: { name: "e2e-team" } })).json();
  expect((await request.post("/api/users/", { headers: auth, data: { ...MEMBER, groups: [team.id] } })).status()).toBe(201);
  const theirs = await (await request.post("/api/pool/", { headers: auth, data: { name: "Team pool e2e", group: team.id } })).json();
  await request.post("/api/pool/", { headers: auth, data: { name: "Other pool e2e", group: 1 } });
  const [visible, hidden] = await insertServers([{ name: "e2e-team-server" }, { name: "e2e-hidden-server" }]);
  expect((await request.post(`/api/pool/${theirs.id}/assign_servers/`, { headers: auth, data: { servers: [visible] } })).status()).toBe(200);

  await signIn(page, MEMBER);
  await expect(page.getByRole("list", { name: "Top-level pools" }).getByRole("listitem")).toHaveText([/Team pool e2e\s*1 servers · 0 switches/]);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Pools" }).click();
  await expect(page.getByTestId("row-count")).toHaveText("1 pool");
  await expect(page.getByRole("table", { name: "pools" })).not.toContainText("Other pool e2e");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Servers" }).click();
  await expect(page.getByTestId("row-count")).toHaveText("1 server");
  await expect(page.getByRole("table", { name: "servers" })).toContainText("e2e-team-server");
  await page.goto(`/pools/${theirs.id}`);
  await expect(page.getByTestId("pool-counts")).toContainText("1 server ·");
  await expect(page.getByRole("button", { name: "Assign servers" })).toHaveCount(0);
  await keepScreenshot(page, "pool-detail-member");

  // The pool's server names lead to the server's page, read-only for a member; another group's server is not found.
  await page.getByRole("table", { name: "pool servers" }).getByRole("link", { name: "e2e-team-server" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("e2e-team-server");
  await expect(page.getByRole("region", { name: "Placement" })).toContainText("Team pool e2e");
  await expect(page.getByRole("button", { name: "Refresh from BMC" })).toHaveCount(0);
  await page.goto(`/servers/${hidden}`);
  await expect(page.getByRole("alert").filter({ hasText: "No Server matches" })).toContainText("a pool of a group you are not in");
});

test("switches: add one, assign it to a pool from the pool's page, take it out", async ({ page, request }) => {
  const token = await apiToken(request);
  const pool = await (await request.post("/api/pool/", { headers: { authorization: `Bearer ${token}` }, data: { name: "Switch rack e2e" } })).json();
  await signIn(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Switches" }).click();
  await page.getByRole("button", { name: "Add switch" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill("tor-e2e");
  await dialog.getByLabel("Management address").fill("not-an-address");
  await dialog.getByRole("button", { name: "Add switch" }).click();
  await expect(dialog.getByLabel("Management address")).toHaveAccessibleDescription("Enter a valid IPv4 or IPv6 address.");
  await dialog.getByLabel("Management address").fill("127.0.2.10");
  await dialog.getByLabel("Ports").fill("48");
  await dialog.getByRole("button", { name: "Add switch" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("table", { name: "switches" }).getByRole("row", { name: /tor-e2e/ })).toContainText("127.0.2.10");
  await keepScreenshot(page, "switches");

  await page.goto(`/pools/${pool.id}`);
  await page.getByRole("button", { name: "Assign switches" }).click();
  await dialog.getByRole("checkbox", { name: "Select tor-e2e" }).check();
  await dialog.getByRole("button", { name: "Assign 1 switch" }).click();
  await expect(dialog.getByRole("status", { name: "Assignment outcome" })).toContainText("Assigned 1 switch: tor-e2e.");
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(page.getByTestId("pool-counts")).toContainText("0 servers · 1 switch ·");
  await page.getByRole("button", { name: "Remove tor-e2e from this pool" }).click();
  await expect(page.getByTestId("pool-counts")).toContainText("0 switches");
});
