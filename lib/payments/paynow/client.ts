import CircuitBreaker from "opossum";
import { centsToDecimal } from "./amount";
import { isSameOrigin, postForm, PaynowProtocolError, PaynowUnavailableError } from "./http";
import { encodeSignedMessage, PaynowMessage } from "./message";
import type { MobileMethod } from "./phone";

export interface PaynowSettings {
  integrationId: string;
  integrationKey: string;
  apiBase: string;
  resultUrl: string;
  returnUrl: string;
}

export interface PaynowClientOptions {
  initiateTimeoutMs?: number;
  pollTimeoutMs?: number;
  retries?: number;
  backoffMs?: number;
  breaker?: Pick<CircuitBreaker.Options, "errorThresholdPercentage" | "resetTimeout" | "volumeThreshold" | "rollingCountTimeout">;
}

export interface InitiateRequest {
  reference: string;
  amountCents: number;
  additionalInfo: string;
  returnUrl: string;
  authEmail?: string;
  mobile?: { method: MobileMethod; phone: string };
}

export type InitiateReply =
  | {
      ok: true;
      pollUrl: string;
      browserUrl?: string;
      instructions?: string;
      paynowReference?: string;
      authorizationCode?: string;
      authorizationExpires?: string;
    }
  | { ok: false; error: string };

export interface PaynowStatusReport {
  reference: string;
  paynowReference?: string;
  amount: string;
  status: string;
  pollUrl?: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Paynow's HTTP API: initiate (web checkout or mobile express checkout) and poll. Every reply that carries
// money-relevant data is hash-verified. Calls go through one circuit breaker per client, so during an outage
// callers get a fast PaynowUnavailableError instead of waiting on timeouts.
//
// Retries: a poll is a read and is retried on any transient failure. An initiate is retried only when the
// request provably never reached Paynow (connection refused, DNS, a 502/503 from the gateway): Paynow does
// not deduplicate on our reference, so repeating a request it may have received could push a second USSD
// prompt and charge the customer twice.
export class PaynowClient {
  private readonly breaker: CircuitBreaker<[string, string, number], string>;
  private readonly initiateTimeoutMs: number;
  private readonly pollTimeoutMs: number;
  private readonly retries: number;
  private readonly backoffMs: number;

  constructor(
    readonly settings: PaynowSettings,
    options: PaynowClientOptions = {},
  ) {
    this.initiateTimeoutMs = options.initiateTimeoutMs ?? 20_000;
    this.pollTimeoutMs = options.pollTimeoutMs ?? 10_000;
    this.retries = options.retries ?? 3;
    this.backoffMs = options.backoffMs ?? 200;
    this.breaker = new CircuitBreaker(postForm, {
      timeout: false,
      errorThresholdPercentage: 50,
      resetTimeout: 30_000,
      volumeThreshold: 5,
      rollingCountTimeout: 60_000,
      ...options.breaker,
      // A 4xx is our mistake, not an outage: it must not open the circuit.
      errorFilter: (error: unknown) => error instanceof PaynowUnavailableError && !error.transient,
    });
  }

  get isOpen(): boolean {
    return this.breaker.opened;
  }

  shutdown(): void {
    this.breaker.shutdown();
  }

  // Poll URLs come from Paynow's signed replies; still, we only ever POST to Paynow's own origin.
  isPaynowUrl(url: string): boolean {
    return isSameOrigin(url, this.settings.apiBase);
  }

  async initiate(request: InitiateRequest): Promise<InitiateReply> {
    const { settings } = this;
    const path = request.mobile ? "/interface/remotetransaction" : "/interface/initiatetransaction";
    const fields: [string, string][] = [
      ["id", settings.integrationId],
      ["reference", request.reference],
      ["amount", centsToDecimal(request.amountCents)],
      ["additionalinfo", request.additionalInfo],
      ["returnurl", request.returnUrl],
      ["resulturl", settings.resultUrl],
    ];
    if (request.authEmail) fields.push(["authemail", request.authEmail]);
    if (request.mobile) fields.push(["phone", request.mobile.phone], ["method", request.mobile.method]);
    fields.push(["status", "Message"]);

    const body = encodeSignedMessage(fields, settings.integrationKey);
    const text = await this.send(new URL(path, settings.apiBase).toString(), body, this.initiateTimeoutMs, (error) => error.transient && !error.mayHaveArrived);
    const reply = PaynowMessage.parse(text);
    const status = reply.get("status")?.toLowerCase();
    if (status === "error") return { ok: false, error: reply.get("error")?.trim() || "Paynow refused the payment." };
    if (status !== "ok") throw new PaynowProtocolError(`Paynow's reply to initiate has status "${status ?? ""}"`);
    if (!reply.isSignedWith(settings.integrationKey)) throw new PaynowProtocolError("Paynow's reply to initiate has a bad hash");
    const pollUrl = reply.get("pollurl");
    if (!pollUrl || !this.isPaynowUrl(pollUrl)) throw new PaynowProtocolError("Paynow's reply to initiate has no usable poll URL");
    return {
      ok: true,
      pollUrl,
      browserUrl: reply.get("browserurl"),
      instructions: reply.get("instructions"),
      paynowReference: reply.get("paynowreference"),
      authorizationCode: reply.get("authorizationcode"),
      authorizationExpires: reply.get("authorizationexpires"),
    };
  }

  async poll(pollUrl: string, expectedReference: string): Promise<PaynowStatusReport> {
    if (!this.isPaynowUrl(pollUrl)) throw new PaynowProtocolError("the poll URL is not on Paynow's host");
    const text = await this.send(pollUrl, "", this.pollTimeoutMs, (error) => error.transient);
    const reply = PaynowMessage.parse(text);
    if (!reply.isSignedWith(this.settings.integrationKey)) throw new PaynowProtocolError("Paynow's poll reply has a bad hash");
    const reference = reply.get("reference");
    if (reference !== expectedReference) throw new PaynowProtocolError("Paynow's poll reply is for another reference");
    return {
      reference,
      paynowReference: reply.get("paynowreference"),
      amount: reply.get("amount") ?? "",
      status: reply.get("status") ?? "",
      pollUrl: reply.get("pollurl"),
    };
  }

  private async send(url: string, body: string, timeoutMs: number, retryable: (error: PaynowUnavailableError) => boolean) {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.breaker.fire(url, body, timeoutMs);
      } catch (raw) {
        const error = asUnavailable(raw);
        if (attempt >= this.retries || error.circuitOpen || !retryable(error)) throw error;
        await sleep(this.backoffMs * 2 ** attempt * (0.75 + Math.random() / 2));
      }
    }
  }
}

function asUnavailable(error: unknown): PaynowUnavailableError {
  if (error instanceof PaynowUnavailableError) return error;
  if ((error as { code?: string }).code === "EOPENBREAKER") {
    return new PaynowUnavailableError("Paynow is unavailable (circuit open after repeated failures)", {
      mayHaveArrived: false,
      transient: false,
      circuitOpen: true,
    });
  }
  return new PaynowUnavailableError(`Paynow call failed: ${(error as Error).message}`, { mayHaveArrived: true, transient: false, cause: error });
}
