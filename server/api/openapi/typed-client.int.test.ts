import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import openapiTS, { astToString } from "openapi-typescript";
import ts from "typescript";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestApi, type TestApi } from "~/server/testing/api-server";
import { createTestUser } from "~/server/testing/factories";

let api: TestApi;
let token: string;
// Inside the project, so the program resolves openapi-fetch from node_modules as a user's project would.
const dir = path.resolve(".rackpilot/test", `typed-client-${process.pid}`);

beforeAll(async () => {
  api = await startTestApi();
  token = (await createTestUser(api.db, { isStaff: true })).token;
  await mkdir(dir, { recursive: true });
});
afterAll(async () => {
  await api.close();
  await rm(dir, { recursive: true, force: true });
});

// A user's program: lists, filters, pages and creates with the parameter types the document declares.
const PROGRAM = `
import createClient from "openapi-fetch";
import type { paths } from "./schema";

export async function run(baseUrl: string, token: string) {
  const client = createClient<paths>({ baseUrl, headers: { Authorization: \`Bearer \${token}\` } });
  const created = await client.POST("/api/pool/", { body: { name: "Typed client pool", description: "made by a generated client", group: 1 } });
  const page = await client.GET("/api/pool/", { params: { query: { page: 1, page_size: 10, group: 1, search: "Typed", ordering: "-name" } } });
  const staff = await client.GET("/api/users/", { params: { query: { is_staff: true, groups: 1, page: 1 } } });
  const ranges = await client.GET("/api/node_discovery/scan_range/", { params: { query: { status: "ready", page_size: 5 } } });
  const id: number | undefined = created.data?.id;
  const names: string[] | undefined = page.data?.results.map((pool) => pool.name);
  return { id, names, count: page.data?.count, staff: staff.data?.count, ranges: ranges.response.status };
}
`;

type Parameter = { name: string; description?: string; schema: { type: string; enum?: string[] } };
const parameters = (document: { paths: Record<string, { get: { parameters: Parameter[] } }> }, path: string) =>
  Object.fromEntries(document.paths[path]!.get.parameters.map((parameter) => [parameter.name, parameter]));

it("types query parameters as drf-spectacular does", async () => {
  const document = (await api.request("GET", "/api/schema/?format=json")).body;
  const pools = parameters(document, "/api/pool/");
  expect(pools.page).toMatchObject({ schema: { type: "integer" }, description: expect.stringContaining("`last`") });
  expect([pools.page_size!.schema, pools.group!.schema, pools.parent!.schema, pools.search!.schema]).toEqual([
    { type: "integer" },
    { type: "integer" },
    { type: "integer" },
    { type: "string" },
  ]);
  expect(parameters(document, "/api/users/").is_staff!.schema).toEqual({ type: "boolean" });
  expect(parameters(document, "/api/node_discovery/scan_range/").status!.schema).toEqual({ type: "string", enum: ["ready", "scanning", "error"] });
  // `?firmware_type=BIOS` works (MOJO's own example): no enum that would make a client refuse it.
  expect(parameters(document, "/api/firmware/").firmware_type!.schema).toEqual({ type: "string" });
});

it("a client generated from the served document type-checks under --strict and works against the API", async () => {
  const document = await api.request("GET", "/api/schema/?format=json");
  expect(document.status).toBe(200);
  await writeFile(path.join(dir, "schema.d.ts"), astToString(await openapiTS(document.body)));
  await writeFile(path.join(dir, "program.ts"), PROGRAM);

  const program = ts.createProgram([path.join(dir, "program.ts")], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    skipLibCheck: true,
    types: [],
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
  });
  const problems = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
  expect(problems).toEqual([]);

  const { run } = (await import(path.join(dir, "program.ts"))) as { run: (baseUrl: string, token: string) => Promise<Record<string, unknown>> };
  const result = await run(api.baseUrl, token);
  expect(result).toMatchObject({ id: expect.any(Number), names: ["Typed client pool"], count: 1, staff: 1, ranges: 200 });
});
