import type { NodeRow } from "~/db/schema";
import { CertificateMismatchError } from "~/server/redfish/errors";
import type { RedfishService } from "~/server/redfish/probe";
import { canonicalVendor } from "~/server/lib/vendors";
import type { NodeStatus } from "./schemas";

export type KnownNode = Pick<NodeRow, "ip" | "port" | "status" | "statusMessage" | "certificateSha256"> & { hasServers: boolean };
export type NodeState = { status: NodeStatus; statusMessage: string; certificateSha256: string | null };

export const nodeLabel = (node: { ip: string; port: number }) => `${node.ip}:${node.port}`;

/**
 * A node's state once its BMC answered an unauthenticated probe. The first certificate seen is
 * trusted; a different one later puts the node in `error` and keeps the trusted one, so no credential
 * goes to the new certificate until an operator accepts it (`accept_certificate`): a scan never
 * accepts it by itself. A BMC that answers again is no longer `unreachable`. Other errors (refused
 * credentials) stay until a registration or an acceptance clears them: a probe cannot tell.
 */
export function stateAfterProbe(known: KnownNode | undefined, presentedSha256: string): NodeState {
  if (!known) return { status: "discovered", statusMessage: "", certificateSha256: presentedSha256 || null };
  const trusted = known.certificateSha256;
  if (trusted && presentedSha256 && trusted !== presentedSha256) {
    return { status: "error", statusMessage: new CertificateMismatchError(nodeLabel(known), trusted, presentedSha256).message, certificateSha256: trusted };
  }
  const certificateSha256 = trusted ?? (presentedSha256 || null);
  if (known.status === "unreachable") return { status: known.hasServers ? "registered" : "discovered", statusMessage: "", certificateSha256 };
  return { status: known.status as NodeStatus, statusMessage: known.statusMessage, certificateSha256 };
}

/** What a service root says about the BMC; a root that wants credentials says nothing (keep what is known). */
export function identityOf(service: RedfishService) {
  return {
    protocol: service.protocol,
    vendor: service.vendor ? canonicalVendor(service.vendor) : "",
    product: service.product ?? "",
    redfishVersion: service.redfishVersion ?? "",
    uuid: service.uuid ?? "",
  };
}
