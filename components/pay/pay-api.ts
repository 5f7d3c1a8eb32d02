import type { PaymentView } from "@/lib/payments/paynow/schemas";

// Browser calls of the public pay page. Every call has its own timeout: on a slow mobile connection a
// request that hangs must turn into a clear message and a retry, not a spinner forever.

export class PayRequestError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly code?: string,
  ) {
    super(message);
  }
}

async function request<T>(url: string, init: RequestInit, timeoutMs: number, signal?: AbortSignal): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  signal?.addEventListener("abort", () => controller.abort());
  try {
    const res = await fetch(url, { ...init, signal: controller.signal, cache: "no-store" });
    const body = await res.json().catch(() => null);
    if (!res.ok) {
      throw new PayRequestError(body?.error?.message ?? `Something went wrong (${res.status}). Please try again.`, res.status, body?.error?.code);
    }
    return body as T;
  } catch (error) {
    if (error instanceof PayRequestError) throw error;
    throw new PayRequestError("We could not reach Tangabiz. Check your connection and try again.", null);
  } finally {
    clearTimeout(timer);
  }
}

export interface PayRequest {
  method: "ecocash" | "onemoney" | "innbucks" | "card";
  phone?: string;
}

export function startPayment(token: string, body: PayRequest, idempotencyKey: string) {
  return request<PaymentView>(
    `/api/pay/${encodeURIComponent(token)}`,
    { method: "POST", headers: { "content-type": "application/json", "idempotency-key": idempotencyKey }, body: JSON.stringify(body) },
    45_000,
  );
}

export function fetchPaymentStatus(paymentId: string, token: string, signal?: AbortSignal) {
  return request<PaymentView>(
    `/api/billing/payments/${encodeURIComponent(paymentId)}/status?token=${encodeURIComponent(token)}`,
    { method: "GET" },
    15_000,
    signal,
  );
}

export function cancelPayment(paymentId: string, token: string) {
  return request<PaymentView>(
    `/api/billing/payments/${encodeURIComponent(paymentId)}/cancel?token=${encodeURIComponent(token)}`,
    { method: "POST" },
    15_000,
  );
}

// crypto.randomUUID needs a secure context; a phone opening the dev server over the LAN has none.
export function newIdempotencyKey(): string {
  if (typeof crypto !== "undefined" && "randomUUID" in crypto && window.isSecureContext) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
