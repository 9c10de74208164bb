import http from "node:http";
import type { AddressInfo } from "node:net";
import { getDb } from "~/db/client";
import { useFreshDatabase } from "~/db/testing/database";
import { handleApiRequest } from "../api/rest/handler";
import { handleTrpcRequest } from "../api/trpc-handler";
import { httpRequest, sendFetchResponse, toFetchRequest } from "./node-http";

export type ApiResponse<T = any> = { status: number; headers: Headers; body: T; text: string };

export type RequestOptions = {
  token?: string;
  json?: unknown;
  body?: string;
  headers?: Record<string, string>;
  /** The loopback address the client connects from (default 127.0.0.1): another address is another client. */
  from?: string;
};

export type TestApi = {
  baseUrl: string;
  db: ReturnType<typeof getDb>;
  request: <T = any>(method: string, path: string, options?: RequestOptions) => Promise<ApiResponse<T>>;
  close: () => Promise<void>;
};

/**
 * The REST API and the tRPC endpoint on a real HTTP server (127.0.0.1, a free port) over a fresh
 * database cloned from the migrated template: the same handlers Next's route files call.
 */
export async function startTestApi(): Promise<TestApi> {
  const database = await useFreshDatabase();
  const server = http.createServer(async (req, res) => {
    const request = toFetchRequest(req);
    const isTrpc = new URL(request.url).pathname.startsWith("/api/trpc/");
    // No browser session here: tRPC calls authenticate with a Bearer token, as scripts do.
    await sendFetchResponse(res, await (isTrpc ? handleTrpcRequest(request, async () => null) : handleApiRequest(request)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const request: TestApi["request"] = async (method, path, options = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.json !== undefined) headers["content-type"] ??= "application/json";
    const response = await httpRequest(`${baseUrl}${path}`, {
      method,
      headers,
      body: options.json !== undefined ? JSON.stringify(options.json) : options.body,
      localAddress: options.from,
    });
    let body: unknown ;
    try {
      body = response.text ? JSON.parse(response.text) : undefined;
    } catch {
      body = response.text;
    }
    return { status: response.status, headers: response.headers, body: body as never, text: response.text };
  };

  return {
    baseUrl,
    db: getDb(),
    request,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await database.drop();
    },
  };
}
