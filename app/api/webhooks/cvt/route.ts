import { ApiError, handleApiError } from "@/lib/api/errors";
import { handleCvtWebhook } from "@/lib/payments/cvt/webhook";

const MAX_BODY_BYTES = 64 * 1024;

async function readCappedBody(req: Request): Promise<string> {
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) throw new ApiError("validation_failed", "body: larger than 64 KiB", { status: 413 });
  const reader = req.body?.getReader();
  if (!reader) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw new ApiError("validation_failed", "body: larger than 64 KiB", { status: 413 });
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

// POST /api/webhooks/cvt — CVT billing events: cvt-signature checked on the raw body, each event applied once
export async function POST(req: Request) {
  try {
    const result = await handleCvtWebhook(await readCappedBody(req), req.headers.get("cvt-signature"));
    return Response.json({ received: true, ...result });
  } catch (error) {
    return handleApiError(error);
  }
}
