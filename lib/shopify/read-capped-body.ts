import { ApiError } from "@/lib/api/errors";

// Reads at most `maxBytes` of the body, stopping as soon as a sender goes over, and keeps the raw bytes
// (the signature is over the bytes, not over a re-encoded string).
export async function readCappedBody(req: Request, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new ApiError("validation_failed", `body: larger than ${maxBytes} bytes`, { status: 413 });
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new ApiError("validation_failed", `body: larger than ${maxBytes} bytes`, { status: 413 });
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
