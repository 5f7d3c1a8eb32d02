import { randomInt } from "node:crypto";
import { crc32 } from "node:zlib";
import { sha256Hex } from "@/lib/crypto/hash";

// tb_<env>_<24 random base62 characters (~143 bits)><6-character base62 CRC32 checksum>, GitHub-token
// style: a mistyped or malformed key is rejected by the checksum before any database work.
const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const RANDOM_LENGTH = 24;
const CHECKSUM_LENGTH = 6;
const KEY_PATTERN = /^tb_(live|test)_([0-9A-Za-z]{24})([0-9A-Za-z]{6})$/;
export const DISPLAY_PREFIX_LENGTH = 12;

export type KeyEnvironment = "live" | "test";

function base62(value: number, width: number): string {
  let out = "";
  for (let n = value; n > 0; n = Math.floor(n / 62)) out = ALPHABET[n % 62] + out;
  return out.padStart(width, "0");
}

function checksum(body: string): string {
  return base62(crc32(body), CHECKSUM_LENGTH);
}

export function generateApiKey(environment: KeyEnvironment) {
  let random = "";
  for (let i = 0; i < RANDOM_LENGTH; i++) random += ALPHABET[randomInt(62)];
  const body = `tb_${environment}_${random}`;
  const key = body + checksum(body);
  return { key, prefix: key.slice(0, DISPLAY_PREFIX_LENGTH), hash: sha256Hex(key) };
}

// Returns the key's environment if it is well-formed and its checksum matches, otherwise null.
export function checkApiKeyFormat(key: string): KeyEnvironment | null {
  const match = KEY_PATTERN.exec(key);
  if (!match) return null;
  const body = `tb_${match[1]}_${match[2]}`;
  return checksum(body) === match[3] ? (match[1] as KeyEnvironment) : null;
}

export const hashApiKey = sha256Hex;
