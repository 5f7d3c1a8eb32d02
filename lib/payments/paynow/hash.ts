import { createHash, timingSafeEqual } from "node:crypto";

export type PaynowFields = ReadonlyArray<readonly [string, string]>;

const SHA512_HEX = /^[0-9a-f]{128}$/i;

// Paynow's hash: the raw (decoded, not URL-encoded) values of every field except `hash`, in the order they
// appear in the message, then the integration key; SHA-512 as uppercase hex. The key is a GUID that Paynow's
// servers render in lowercase, as the official SDKs do, so an uppercase copy in the env still verifies.
export function paynowHash(fields: PaynowFields, integrationKey: string): string {
  const values = fields
    .filter(([name]) => name.toLowerCase() !== "hash")
    .map(([, value]) => value)
    .join("");
  return createHash("sha512")
    .update(values + integrationKey.toLowerCase(), "utf8")
    .digest("hex")
    .toUpperCase();
}

// Compares the 64-byte digests, never the strings, so a missing, short or malformed hash is a clean false.
export function hasValidPaynowHash(fields: PaynowFields, integrationKey: string): boolean {
  const hashes = fields.filter(([name]) => name.toLowerCase() === "hash");
  if (hashes.length !== 1) return false;
  const given = hashes[0][1];
  if (!SHA512_HEX.test(given)) return false;
  return timingSafeEqual(Buffer.from(given, "hex"), Buffer.from(paynowHash(fields, integrationKey), "hex"));
}
