import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";
import { env } from "@/lib/env";

export class DestinationRefusedError extends Error {
  override name = "DestinationRefusedError";
}

export interface ResolvedDestination {
  address: string;
  family: 4 | 6;
}

// Only public unicast addresses: loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7), link-local
// (169.254/16, fe80::/10, cloud metadata), CGNAT, multicast, reserved and unspecified are refused.
// IPv4-mapped IPv6 (::ffff:127.0.0.1) is judged as the IPv4 address it carries.
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.process(address);
  return parsed.range() === "unicast";
}

// Resolves the URL's host once and answers the address the request must connect to. Every address the name
// resolves to must be public (a name that also resolves to 127.0.0.1 is refused), and the caller connects to
// exactly this address, so a DNS answer that changes between check and connect (rebinding) cannot redirect it.
export async function resolveDestination(url: URL): Promise<ResolvedDestination> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const addresses = isIP(host)
    ? [{ address: host, family: isIP(host) as 4 | 6 }]
    : await lookup(host, { all: true, verbatim: true }).catch((error: NodeJS.ErrnoException) => {
        throw new Error(`Could not resolve ${host}: ${error.code ?? error.message}`);
      });
  if (addresses.length === 0) throw new Error(`Could not resolve ${host}`);
  if (!env.OUTBOUND_WEBHOOKS_ALLOW_PRIVATE_NETWORKS) {
    const refused = addresses.find((entry) => !isPublicAddress(entry.address));
    if (refused) {
      throw new DestinationRefusedError(`Refused: ${host} resolves to ${refused.address}, a private, loopback or link-local address.`);
    }
  }
  const first = addresses[0];
  return { address: first.address, family: first.family === 6 ? 6 : 4 };
}
