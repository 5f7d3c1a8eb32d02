import { randomFillSync } from "node:crypto";

// Random bytes for 256 ids at a time (one fill per 256 ids, as node:crypto's randomUUID does).
const POOL_IDS = 256;
const pool = Buffer.alloc(16 * POOL_IDS);
let next = POOL_IDS;

// RFC 9562 version 7: 48 bits of Unix milliseconds, then random bits. Ids written in bulk outside Prisma (which
// makes the same for @default(uuid(7))), so a busy table's primary key grows at its right edge instead of
// touching a random index page per insert.
export function uuidv7(now = Date.now()): string {
  if (next === POOL_IDS) {
    randomFillSync(pool);
    next = 0;
  }
  const bytes = pool.subarray(16 * next, 16 * ++next);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = (bytes[6] & 0x0f) | 0x70;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
