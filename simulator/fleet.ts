import http from "node:http";
import https from "node:https";
import net from "node:net";
import { Bmc } from "./bmc/bmc";
import { resolveFleet, type FleetOptions } from "./config";
import { startControl } from "./control";
import { handleRequest } from "./http/handle";
import { fleetCertificate, persistentCertificate } from "./tls";

export type BmcHandle = Pick<
  Bmc,
  | "index"
  | "address"
  | "port"
  | "url"
  | "vendor"
  | "model"
  | "serial"
  | "username"
  | "password"
  | "powerState"
  | "firmware"
  | "pendingFirmware"
  | "flashHistory"
  | "sessions"
  | "tasks"
  | "faults"
  | "setFaults"
  | "clearFaults"
  | "expireSessions"
  | "restarting"
  | "identity"
  | "paths"
  | "quirks"
  | "habits"
  | "trailingSlash"
>;

export interface Fleet {
  bmcs: BmcHandle[];
  /** The seed actually used (random unless given), to reproduce this fleet. */
  seed: string;
  /** PEM of the self-signed certificate every BMC presents (undefined over plain HTTP). */
  certificate?: string;
  /** The control endpoint, when `controlPort` was given. */
  control?: { url: string; port: number };
  stop(): Promise<void>;
}

/**
 * Starts BMCs on consecutive loopback addresses. Each BMC is its own TCP listener; all of them
 * hand their connections to one shared HTTP(S) server (one TLS context for the whole fleet),
 * which routes each request by the local address it arrived on.
 */
export async function startFleet(options: FleetOptions = {}): Promise<Fleet> {
  const { port, controlPort, secure, certificateDir, seed, specs } = resolveFleet(options);
  const tls = secure ? await (certificateDir ? persistentCertificate(certificateDir) : fleetCertificate()) : undefined;
  // No request timeout: a BMC with the hang fault must stay silent for as long as the client waits.
  const server = tls ? https.createServer({ ...tls, requestTimeout: 0 }) : http.createServer({ requestTimeout: 0 });
  const byLocal = new Map<string, Bmc>();
  const sockets = new Set<net.Socket>();
  const bmcs = specs.map((spec) => new Bmc(spec));
  server.on("request", (req, res) => {
    const bmc = byLocal.get(`${req.socket.localAddress}:${req.socket.localPort}`);
    if (bmc) void handleRequest(bmc, req, res);
    else res.destroy();
  });
  const listeners: net.Server[] = [];
  let control: Awaited<ReturnType<typeof startControl>> | undefined;
  const stop = async () => {
    for (const bmc of bmcs) bmc.stop();
    await control?.close();
    await Promise.all(listeners.map((listener) => new Promise((resolve) => listener.close(resolve))));
    for (const socket of sockets) socket.destroy();
    server.closeAllConnections();
  };
  try {
    await Promise.all(
      bmcs.map(async (bmc) => {
        const listener = net.createServer((socket) => {
          sockets.add(socket);
          socket.once("close", () => sockets.delete(socket));
          // A client vanishing mid-handshake must not take the fleet down.
          socket.on("error", () => {});
          server.emit("connection", socket);
        });
        listeners.push(listener);
        await listen(listener, port, bmc.address);
        bmc.port = (listener.address() as net.AddressInfo).port;
        byLocal.set(`${bmc.address}:${bmc.port}`, bmc);
      }),
    );
    // Last, so that a control endpoint that answers means every BMC listens.
    if (controlPort !== undefined) control = await startControl(bmcs, controlPort);
  } catch (error) {
    await stop();
    throw error;
  }
  return { bmcs, seed, certificate: tls?.cert, control: control && { url: control.url, port: control.port }, stop };
}

function listen(listener: net.Server, port: number, address: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const fail = (error: NodeJS.ErrnoException) =>
      reject(new Error(`cannot listen on ${address}:${port} (${error.code ?? error.message})`, { cause: error }));
    listener.once("error", fail);
    listener.listen(port, address, () => {
      listener.off("error", fail);
      resolve();
    });
  });
}
