import type { Page } from "@playwright/test";
import { apiToken, expect, test } from "../fixtures";

// Both pages draw the whole OpenAPI document in the browser before the first operation shows (Redoc 2 has no
// lazy rendering): about 3.5 s for Redoc with 78 operations on a shared 2-core machine, and the document grows
// with every resource, so the first expectation of each page waits longer than the 5 s default.
const WHOLE_DOCUMENT_RENDERED = { timeout: 30_000 };

// The trace's screencast captures every frame of that long render and made it 2-3 times slower (Redoc: 7-12 s
// instead of 3-4 s); the trace keeps its DOM snapshots and network log for failures.
test.use({ trace: { mode: "retain-on-failure", screenshots: false } });

/** Requests answered by any other origin: the docs pages must work offline. */
function remoteResponses(page: Page, origin: string): string[] {
  const remote: string[] = [];
  page.on("requestfinished", (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !/^(data|blob):/.test(url)) remote.push(url);
  });
  return remote;
}

test("Swagger UI lists the operations and calls the API with the token given to Authorize", async ({ page, request, baseURL }) => {
  const token = await apiToken(request);
  const remote = remoteResponses(page, baseURL!);
  await page.goto("/api/schema/swagger-ui/");
  await expect(page.getByRole("button", { name: "GET /api/users/ List user objects" })).toBeVisible(WHOLE_DOCUMENT_RENDERED);
  await expect(page.getByRole("link", { name: "/api/token/", exact: true })).toBeVisible();
  await page.screenshot({ path: "e2e/screenshots/api-docs-swagger-ui.png" });

  await page.getByRole("button", { name: "Authorize", exact: true }).click();
  await page.getByRole("textbox", { name: "auth-bearer-value" }).fill(token);
  await page.getByRole("button", { name: "Apply credentials" }).click();
  await page.getByRole("button", { name: "Close" }).click();

  const me = page.locator("#operations-users-users-me");
  await me.locator(".opblock-summary").click();
  await me.getByRole("button", { name: "Try it out" }).click();
  await me.getByRole("button", { name: "Execute" }).click();
  await expect(me.locator(".request-url")).toContainText(`${baseURL}/api/users/me/`);
  await expect(me.locator(".live-responses-table tbody .response-col_status")).toHaveText("200");
  await expect(me.locator(".live-responses-table")).toContainText('"username": "admin"');
  expect(remote).toEqual([]);
});

test("Redoc renders the reference from the local bundle", async ({ page, baseURL }) => {
  const remote = remoteResponses(page, baseURL!);
  await page.goto("/api/schema/redoc/");
  await expect(page.getByRole("heading", { name: "List user objects" })).toBeVisible(WHOLE_DOCUMENT_RENDERED);
  await expect(page.getByText("/api/users/", { exact: true }).first()).toBeAttached();
  await page.screenshot({ path: "e2e/screenshots/api-docs-redoc.png" });
  expect(remote).toEqual([]);
});
