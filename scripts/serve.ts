import http from "node:http";
import next from "next";
import { bootstrapDatabase } from "~/db/bootstrap";
import { onShutdownSignal } from "~/db/bootstrap/shutdown";
import { closeDb, createConnection } from "~/db/client";
import { CLIENT_ADDRESS_HEADER } from "~/server/api/context";
import { dataDir, rootSecret } from "~/server/config";
import { ensureAdmin } from "~/server/services/users/ensure-admin";
import { startWorker } from "~/workers/runner";

/**
 * The whole product in one process: database (embedded unless DATABASE_URL), migrations, first admin,
 * the Next.js server (web + REST + tRPC) and, unless RACKPILOT_WORKER=external, the job worker.
 */
export async function serve({ dev }: { dev: boolean }): Promise<void> {
  const port = Number(process.env.PORT) || 3000;
  const hostname = process.env.HOST || "0.0.0.0";
  rootSecret();
  process.env.AUTH_TRUST_HOST ??= "true";

  const database = await bootstrapDatabase(dataDir(), console.log);
  process.env.DATABASE_URL = database.url;
  const admin = createConnection(database.url, 1);
  const bootstrap = await ensureAdmin(admin.db);
  await admin.sql.end();

  const app = next({ dev, hostname, port, dir: process.cwd() });
  await app.prepare();
  const handle = app.getRequestHandler();
  // In production the REST API skips Next (see isRestRequest); in development Next serves it too, hot-reloaded.
  const rest = dev ? null : await import("~/server/api/rest/direct");
  const server = http.createServer((req, res) => {
    // The only trustworthy client address is the socket's: it keys the failed-login throttle.
    req.headers[CLIENT_ADDRESS_HEADER] = req.socket.remoteAddress ?? "unknown";
    if (rest?.isRestRequest(req.url)) {
      rest.serveRestRequest(req, res).catch((error: { code?: string }) => {
        // A client that hangs up mid-response is no failure of ours.
        if (error.code !== "ERR_STREAM_PREMATURE_CLOSE") console.error(`REST response failed: ${req.method} ${req.url?.split("?")[0]}: ${String(error)}`);
        res.destroy();
      });
      return;
    }
    void handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(port, hostname, resolve));
  const worker = process.env.RACKPILOT_WORKER === "external" ? null : await startWorker(database.url);

  const shown = hostname === "0.0.0.0" || hostname === "::" ? "127.0.0.1" : hostname;
  console.log(`\nRackpilot is running at http://${shown}:${port}/  (API: http://${shown}:${port}/api/)`);
  console.log(`Database: ${database.embedded ? `embedded PostgreSQL in ${dataDir()}` : "DATABASE_URL"}; worker: ${worker ? "in-process" : "external"}`);
  if (bootstrap.created && bootstrap.generatedPassword) {
    console.log(`Created the admin user. Log in as "${bootstrap.username}" with password: ${bootstrap.generatedPassword}`);
    console.log("(shown once: set RACKPILOT_ADMIN_USER / RACKPILOT_ADMIN_PASSWORD to choose them on a fresh data dir)");
  } else if (bootstrap.created) {
    console.log(`Created the admin user "${bootstrap.username}" with the password from RACKPILOT_ADMIN_PASSWORD.`);
  }

  onShutdownSignal(async () => {
    server.closeAllConnections();
    server.close();
    await worker?.stop();
    await app.close?.();
    await closeDb();
    await database.stop();
  });
}
