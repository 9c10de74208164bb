import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { generate } from "selfsigned";

export interface TlsMaterial {
  key: string;
  cert: string;
}

const generateCertificate = (): Promise<TlsMaterial> =>
  generate(
    [
      { name: "commonName", value: "rackpilot-bmc-simulator" },
      { name: "organizationName", value: "Rackpilot BMC simulator" },
    ],
    {
      keySize: 2048,
      algorithm: "sha256",
      extensions: [
        { name: "basicConstraints", cA: false },
        { name: "keyUsage", digitalSignature: true, keyEncipherment: true },
        { name: "extKeyUsage", serverAuth: true },
        { name: "subjectAltName", altNames: [{ type: 2, value: "localhost" }, { type: 7, ip: "127.0.0.1" }] },
      ],
    },
  ).then((pems) => ({ key: pems.private, cert: pems.cert }));

let shared: Promise<TlsMaterial> | undefined;

/** One self-signed certificate per process, shared by every BMC of every fleet (generation is the slow part). */
export function fleetCertificate(): Promise<TlsMaterial> {
  shared ??= generateCertificate();
  return shared;
}

/**
 * The certificate kept in `dir` (`bmc-key.pem`, mode 0600, and `bmc-cert.pem`), generated there on first
 * use: a fleet restarted with the same directory presents the same certificate, as real BMCs do, so a
 * client that pinned it keeps trusting it.
 */
export async function persistentCertificate(dir: string): Promise<TlsMaterial> {
  const keyFile = path.join(dir, "bmc-key.pem");
  const certFile = path.join(dir, "bmc-cert.pem");
  try {
    return { key: readFileSync(keyFile, "utf8"), cert: readFileSync(certFile, "utf8") };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const material = await generateCertificate();
  mkdirSync(dir, { recursive: true });
  writeFileSync(keyFile, material.key, { mode: 0o600 });
  chmodSync(keyFile, 0o600);
  writeFileSync(certFile, material.cert);
  return material;
}
