import net from "node:net";
import os from "node:os";

/**
 * What one TCP connect attempt says about a port: `open` (the handshake completed), `closed`
 * (refused, unreachable or no answer in time), or `retry` when this host ran out of sockets or
 * ports, which says nothing about the target.
 */
export type ConnectOutcome = "open" | "closed" | "retry";

export type Connect = (host: string, port: number, timeoutMs: number) => Promise<ConnectOutcome>;

const { errno } = os.constants;
const LOCAL_SHORTAGE = new Set([errno.EMFILE, errno.ENFILE, errno.EADDRNOTAVAIL, errno.ENOBUFS, errno.EAGAIN, errno.ENOMEM]);
const LOCAL_SHORTAGE_CODES = new Set(["EMFILE", "ENFILE", "EADDRNOTAVAIL", "ENOBUFS", "EAGAIN", "ENOMEM"]);

type TcpHandle = { connect(req: ConnectRequest, host: string, port: number): number; close(): void };
type ConnectRequest = { oncomplete: (status: number) => void };
type TcpBinding = { TCP: new (type: number) => TcpHandle; TCPConnectWrap: new () => ConnectRequest; constants: { SOCKET: number } };

function loadTcpBinding(): TcpBinding | null {
  try {
    const binding = (process as unknown as { binding(name: string): TcpBinding }).binding("tcp_wrap");
    return typeof binding?.TCP === "function" && typeof binding.TCPConnectWrap === "function" ? binding : null;
  } catch {
    return null;
  }
}

/**
 * Connects with a bare libuv TCP handle. A refused `net.Socket` costs three to four times more CPU
 * (a Duplex stream, an Error with a stack trace, its events), which decides how fast a sweep of
 * 65,536 addresses runs. The handle is Node's own `tcp_wrap`, still exposed through the deprecated
 * `process.binding`; `connectWith()` falls back to `net` wherever it is gone.
 */
function handleConnect(binding: TcpBinding): Connect {
  return (host, port, timeoutMs) =>
    new Promise((resolve) => {
      const handle = new binding.TCP(binding.constants.SOCKET);
      const request = new binding.TCPConnectWrap();
      let settled = false;
      const settle = (outcome: ConnectOutcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        handle.close();
        resolve(outcome);
      };
      const timer = setTimeout(() => settle("closed"), timeoutMs);
      request.oncomplete = (status) => settle(status === 0 ? "open" : LOCAL_SHORTAGE.has(-status) ? "retry" : "closed");
      const status = handle.connect(request, host, port);
      if (status !== 0) settle(LOCAL_SHORTAGE.has(-status) ? "retry" : "closed");
    });
}

export const netConnect: Connect = (host, port, timeoutMs) =>
  new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const settle = (outcome: ConnectOutcome) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(outcome);
    };
    const timer = setTimeout(() => settle("closed"), timeoutMs);
    socket.once("connect", () => settle("open"));
    socket.once("error", (error: NodeJS.ErrnoException) => settle(LOCAL_SHORTAGE_CODES.has(error.code ?? "") ? "retry" : "closed"));
  });

const binding = loadTcpBinding();

/** The fastest connect this Node offers (`kind` says which, for tests and the benchmark). */
export const fastConnect: { kind: "tcp_wrap" | "net"; connect: Connect } = binding
  ? { kind: "tcp_wrap", connect: handleConnect(binding) }
  : { kind: "net", connect: netConnect };
