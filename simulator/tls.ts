import { generate } from "selfsigned";

export interface TlsMaterial {
  key: string;
  cert: string;
}

let shared: Promise<TlsMaterial> | undefined;

/** One self-signed certificate per process, shared by every BMC of every fleet (generation is the slow part). */
export function fleetCertificate(): Promise<TlsMaterial> {
  shared ??= generate(
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
  return shared;
}
