import { apiToken, expect, test } from "../fixtures";

// The README's curl flow against the production server: token, then an authenticated call.
test("a token from /api/token/ works on /api/users/me/ through the production server", async ({ request }) => {
  const token = await apiToken(request);
  const me = await request.get("/api/users/me/", { headers: { Authorization: `Bearer ${token}` } });
  expect(me.status()).toBe(200);
  expect(await me.json()).toMatchObject({ username: "admin", is_staff: true, groups: [1] });
  const anonymous = await request.get("/api/users/me/");
  expect(anonymous.status()).toBe(401);
  expect(await anonymous.json()).toEqual({ detail: "Authentication credentials were not provided." });
  const slashless = await request.post("/api/token", { data: { username: "admin", password: "wrong" }, maxRedirects: 0 });
  expect(slashless.status()).toBe(401);
});
