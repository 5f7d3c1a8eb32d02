import CircuitBreaker from "opossum";
import { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import { env } from "@/lib/env";

export interface CvtSettings {
  apiUrl: string;
  secretKey: string;
}

export interface CvtClientOptions {
  timeoutMs?: number;
  retries?: number;
  backoffMs?: number;
  breaker?: Pick<CircuitBreaker.Options, "errorThresholdPercentage" | "resetTimeout" | "volumeThreshold" | "rollingCountTimeout">;
}

export interface ChargeRequest {
  customerId: string;
  amountCents: number;
  currency: string;
  description: string;
  invoiceId: string;
}

const chargeSchema = z.object({
  id: z.string().min(1),
  status: z.string().min(1),
  error_message: z.string().nullish(),
});
export type CvtCharge = z.infer<typeof chargeSchema>;

// CVT did not answer usefully (timeout, 5xx, circuit open): worth trying again with the same key.
export class CvtUnavailableError extends Error {
  override name = "CvtUnavailableError";
}

// CVT refused the request (4xx): repeating it would not help.
export class CvtRequestError extends Error {
  override name = "CvtRequestError";
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

// The key CVT deduplicates charges on: derived from the invoice, so every retry or re-run is the same charge.
export function cvtChargeIdempotencyKey(invoiceId: string): string {
  return `tangabiz-invoice-${invoiceId}`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function postJson(url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url, { method: "POST", headers, body, signal: AbortSignal.timeout(timeoutMs), redirect: "error" });
  } catch (error) {
    const timedOut = (error as Error).name === "TimeoutError";
    throw new CvtUnavailableError(timedOut ? `CVT did not answer within ${timeoutMs} ms` : `Could not reach CVT (${(error as Error).message})`);
  }
  const json = await res.json().catch(() => null);
  // 409: a request with this key is still being processed at CVT; ask again later.
  if (res.status >= 500 || res.status === 409 || res.status === 429) throw new CvtUnavailableError(`CVT answered HTTP ${res.status}`);
  if (!res.ok) {
    const message = (json as { error?: { message?: string } | string } | null)?.error;
    throw new CvtRequestError(`CVT refused the charge (HTTP ${res.status}): ${typeof message === "string" ? message : message?.message ?? "no reason"}`, res.status);
  }
  return json;
}

// CVT's charge API with a timeout per call, bounded retries with backoff and one circuit breaker per client.
// Retrying is safe because every attempt carries the invoice's Idempotency-Key.
export class CvtClient {
  private readonly breaker: CircuitBreaker<[string, string, Record<string, string>, number], unknown>;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly backoffMs: number;

  constructor(
    readonly settings: CvtSettings,
    options: CvtClientOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? env.CVT_TIMEOUT_MS;
    this.retries = options.retries ?? 2;
    this.backoffMs = options.backoffMs ?? 250;
    this.breaker = new CircuitBreaker(postJson, {
      timeout: false,
      errorThresholdPercentage: 50,
      resetTimeout: 30_000,
      volumeThreshold: 5,
      rollingCountTimeout: 60_000,
      ...options.breaker,
      // A refusal (4xx) is about the request, not an outage: it must not open the circuit.
      errorFilter: (error: unknown) => error instanceof CvtRequestError,
    });
  }

  get isOpen(): boolean {
    return this.breaker.opened;
  }

  shutdown(): void {
    this.breaker.shutdown();
  }

  async charge(request: ChargeRequest): Promise<CvtCharge> {
    const body = JSON.stringify({
      customer_id: request.customerId,
      amount: request.amountCents,
      currency: request.currency,
      description: request.description,
      metadata: { invoice_id: request.invoiceId },
    });
    const headers = {
      authorization: `Bearer ${this.settings.secretKey}`,
      "content-type": "application/json",
      "idempotency-key": cvtChargeIdempotencyKey(request.invoiceId),
    };
    const url = new URL("/v1/charges", this.settings.apiUrl).toString();
    for (let attempt = 0; ; attempt++) {
      try {
        const reply = chargeSchema.safeParse(await this.breaker.fire(url, body, headers, this.timeoutMs));
        if (!reply.success) throw new CvtUnavailableError("CVT answered without a charge id and status");
        return reply.data;
      } catch (error) {
        const circuitOpen = (error as { code?: string }).code === "EOPENBREAKER";
        if (circuitOpen) throw new CvtUnavailableError("CVT is failing; its circuit breaker is open");
        if (!(error instanceof CvtUnavailableError) || attempt >= this.retries) throw error;
        await sleep(this.backoffMs * 2 ** attempt);
      }
    }
  }
}

export function cvtSettings(): CvtSettings | null {
  if (!env.CVT_API_URL || !env.CVT_SECRET_KEY) return null;
  return { apiUrl: env.CVT_API_URL, secretKey: env.CVT_SECRET_KEY };
}

export function requireCvtSettings(): CvtSettings {
  const settings = cvtSettings();
  if (!settings) throw new ApiError("provider_not_configured", "CVT billing is not configured on this installation.");
  return settings;
}

// One client, and so one circuit breaker, per process.
const holder = globalThis as unknown as { tangabizCvtClient?: CvtClient };

export function cvtClient(): CvtClient {
  return (holder.tangabizCvtClient ??= new CvtClient(requireCvtSettings()));
}

// Tests replace the client to start from a closed circuit or to shorten timeouts.
export function replaceCvtClient(options?: CvtClientOptions): CvtClient {
  holder.tangabizCvtClient?.shutdown();
  holder.tangabizCvtClient = new CvtClient(requireCvtSettings(), options);
  return holder.tangabizCvtClient;
}
