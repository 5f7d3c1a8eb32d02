import { randomFillSync } from "node:crypto";

// RFC 9562 version 7: 48 bits of Unix milliseconds, then random bits. Ids written in bulk outside Prisma (which
// makes the same for @default(uuid(7))), so a busy table's primary key grows at its right edge instead of
// touching a random index page per insert.
export function uuidv7(now = Date.now()): string {
  const bytes = randomFillSync(Buffer.alloc(16), 6);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = (bytes[6] & 0x0f) | 0x70;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
