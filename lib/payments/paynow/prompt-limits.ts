import { ApiError } from "@/lib/api/errors";
import { prisma } from "@/lib/db";
import { consumePoint, createLimiter } from "@/lib/rate-limit/limiter";

// Each new payment attempt can push a prompt to someone's phone, so attempts are limited per phone number,
// per invoice and per caller address, and (durably, whatever the limiters remember) per invoice per day.
export const PROMPT_LIMITS = {
  perPhone: { points: 3, durationSeconds: 600 },
  perInvoice: { points: 5, durationSeconds: 3600 },
  perIp: { points: 10, durationSeconds: 3600 },
  perInvoicePerDay: 20,
};

const perPhone = createLimiter({ keyPrefix: "prompt-phone", ...PROMPT_LIMITS.perPhone });
const perInvoice = createLimiter({ keyPrefix: "prompt-invoice", ...PROMPT_LIMITS.perInvoice });
const perIp = createLimiter({ keyPrefix: "prompt-ip", ...PROMPT_LIMITS.perIp });

function refuse(message: string, retryAfterSeconds: number): never {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  throw new ApiError("rate_limited", `${message} Please try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`, {
    headers: { "Retry-After": String(retryAfterSeconds) },
  });
}

export async function admitPaymentAttempt(attempt: { invoiceId: string; phone?: string; ip: string | null }): Promise<void> {
  if (attempt.phone) {
    const decision = await consumePoint(perPhone, attempt.phone);
    if (!decision.allowed) refuse("Too many payment prompts were sent to this phone number.", decision.retryAfterSeconds);
  }
  const invoice = await consumePoint(perInvoice, attempt.invoiceId);
  if (!invoice.allowed) refuse("Too many payment attempts for this invoice.", invoice.retryAfterSeconds);
  if (attempt.ip) {
    const decision = await consumePoint(perIp, attempt.ip);
    if (!decision.allowed) refuse("Too many payment attempts from your network.", decision.retryAfterSeconds);
  }
  const since = new Date(Date.now() - 24 * 3600_000);
  // This attempt is already reserved, so it is among those counted.
  const today = await prisma.payment.count({ where: { invoiceId: attempt.invoiceId, createdAt: { gte: since } } });
  if (today > PROMPT_LIMITS.perInvoicePerDay) refuse("This invoice reached its payment attempts for today.", 3600);
}
