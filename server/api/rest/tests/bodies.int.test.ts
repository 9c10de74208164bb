import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { groups, users } from "~/db/schema";
import { startTestApi, type TestApi } from "~/server/testing/api-server";
import { createTestUser } from "~/server/testing/factories";

let api: TestApi;
let token: string;
beforeAll(async () => {
  api = await startTestApi();
  token = (await createTestUser(api.db, { username: "bodies-admin", isStaff: true })).token;
});
afterAll(() => api.close());

const userNamed = async (username: string) => (await api.db.select().from(users).where(eq(users.username, username)))[0];
const post = (body: string, contentType?: string) =>
  api.request("POST", "/api/users/", { token, body, headers: contentType ? { "content-type": contentType } : {} });

describe("request bodies", () => {
  it("refuses a media type DRF has no parser for with 415", async () => {
    const response = await post("username=x", "text/plain");
    expect(response.status).toBe(415);
    expect(response.body).toEqual({ detail: 'Unsupported media type "text/plain" in request.' });
    const withCharset = await post("<user/>", "application/xml; charset=utf-8");
    expect(withCharset.body).toEqual({ detail: 'Unsupported media type "application/xml; charset=utf-8" in request.' });
  });

  it("answers malformed JSON with 400 JSON parse error", async () => {
    for (const text of ['{"username": ', "{bad}", " "]) {
      const response = await post(text, "application/json");
      expect(response.status).toBe(400);
      expect(Object.keys(response.body)).toEqual(["detail"]);
      expect(response.body.detail).toMatch(/^JSON parse error - \S/);
    }
  });

  it.each([
    ["[1, 2]", "list"],
    ['"text"', "str"],
    ["42", "int"],
    ["null", "NoneType"],
  ])("answers the JSON body %s with DRF's non_field_errors", async (text, type) => {
    const response = await post(text, "application/json");
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ non_field_errors: [`Invalid data. Expected a dictionary, but got ${type}.`] });
  });

  it("reads an empty body, or one without a media type, as no data", async () => {
    for (const response of [await post("", "application/json"), await post('{"username": "x"}')]) {
      expect(response.status).toBe(400);
      expect(response.body).toEqual({ username: ["This field is required."], password: ["This field is required."] });
    }
  });

  it("accepts a form-urlencoded create, reading booleans and repeated ids as DRF does", async () => {
    const [extra] = await api.db.insert(groups).values({ name: "form-group" }).returning();
    const response = await post(`username=form-user&password=long-enough-pw&is_staff=true&groups=1&groups=${extra!.id}`, "application/x-www-form-urlencoded");
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ username: "form-user", is_staff: true, groups: [1, extra!.id] });
  });

  it("accepts a multipart create", async () => {
    const boundary = "----rackpilot-boundary";
    const part = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const body = `${part("username", "multipart-user")}${part("password", "long-enough-pw")}${part("is_active", "off")}--${boundary}--\r\n`;
    const response = await post(body, `multipart/form-data; boundary=${boundary}`);
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ username: "multipart-user", is_active: false, groups: [1] });
  });

  it("answers a malformed multipart body with 400", async () => {
    const response = await post("not multipart at all", "multipart/form-data; boundary=nothing-here");
    expect(response.status).toBe(400);
    expect(response.body.detail).toMatch(/^Multipart form parse error - /);
    expect(await userNamed("not multipart at all")).toBeUndefined();
  });

  it("logs in with a form-urlencoded body", async () => {
    const response = await api.request("POST", "/api/token/", {
      body: "username=bodies-admin&password=correct-horse-battery",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(response.status).toBe(200);
    expect(Object.keys(response.body).sort()).toEqual(["access", "refresh"]);
  });

  it("authenticates before it reads the body", async () => {
    const response = await api.request("POST", "/api/users/", { body: "{bad", headers: { "content-type": "application/json" } });
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ detail: "Authentication credentials were not provided." });
  });
});
