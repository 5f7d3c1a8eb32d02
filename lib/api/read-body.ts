import { ApiError } from "./errors";

export const JSON_BODY_LIMIT = 64 * 1024;

function tooLarge(limitBytes: number): ApiError {
  return new ApiError("payload_too_large", `body: larger than ${Math.round(limitBytes / 1024)} KiB`);
}

// Reads a request body, never holding more than `limitBytes`: a declared Content-Length over the limit is
// refused before reading, and a chunked body is cut off (and the stream cancelled) the moment it passes it.
// The raw bytes are what a signature over the body (e.g. Shopify's HMAC) is computed on.
export async function readBodyBytes(req: Request, limitBytes: number): Promise<Uint8Array> {
  const declared = Number(req.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > limitBytes) throw tooLarge(limitBytes);
  if (!req.body) return new Uint8Array(0);

  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    // A client that goes away mid-upload errors the stream (Node: "aborted", ECONNRESET); that is the
    // client's doing, not a database outage, which the same error code would otherwise be taken for.
    const { done, value } = await reader.read().catch(() => {
      throw new ApiError("incomplete_body", "The request body ended before it was complete.");
    });
    if (done) break;
    total += value.byteLength;
    if (total > limitBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(limitBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

// Stateless when not streaming, so one decoder serves every request.
const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

// The same, as UTF-8 text (400 invalid_encoding when it is not).
export async function readBodyText(req: Request, limitBytes: number): Promise<string> {
  const bytes = await readBodyBytes(req, limitBytes);
  try {
    return utf8.decode(bytes);
  } catch {
    throw new ApiError("invalid_encoding", "The request body is not valid UTF-8.");
  }
}
