import { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import { env } from "@/lib/env";

const cvtCustomerSchema = z.object({
  id: z.string().min(1),
  subscription: z.object({ status: z.string(), plan: z.string() }).nullish(),
  trialEndsAt: z.iso.datetime({ offset: true }).nullish(),
});

export type CvtCustomer = z.infer<typeof cvtCustomerSchema>;

// Verifies a customer's CVT (upstream billing ERP) key: POST {CVT_API_URL}/v1/verify.
export async function verifyCvtApiKey(apiKey: string): Promise<CvtCustomer> {
  if (!env.CVT_API_URL || !env.CVT_SECRET_KEY) {
    throw new ApiError("provider_not_configured", "CVT verification is not configured on this installation.");
  }
  let res: Response;
  try {
    res = await fetch(new URL("/v1/verify", env.CVT_API_URL), {
      method: "POST",
      headers: { authorization: `Bearer ${env.CVT_SECRET_KEY}`, "content-type": "application/json" },
      body: JSON.stringify({ api_key: apiKey }),
      signal: AbortSignal.timeout(env.CVT_TIMEOUT_MS),
    });
  } catch {
    throw new ApiError("upstream_unavailable", "CVT did not answer in time. Nothing was created; try again shortly.");
  }
  if (res.status >= 400 && res.status < 500) {
    throw new ApiError("invalid_cvt_api_key", "CVT does not recognise this API key.");
  }
  const body = res.ok ? cvtCustomerSchema.safeParse(await res.json().catch(() => null)) : null;
  if (!body?.success) {
    throw new ApiError("upstream_unavailable", `CVT answered ${res.status} without a customer. Nothing was created; try again shortly.`);
  }
  return body.data;
}
