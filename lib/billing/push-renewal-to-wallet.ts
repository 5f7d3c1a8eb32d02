import { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import { prisma } from "@/lib/db";
import { startPaynowPayment } from "@/lib/payments/paynow/start-payment";

const payloadSchema = z.object({ invoiceId: z.string().min(1) });

// The `paynow.renewal-push` job: for a business that opted in, starts the Paynow express payment of its
// renewal invoice on the wallet it last paid with. The idempotency key is the invoice's, so a retried job
// finds the payment it already started instead of sending a second prompt. A decline changes nothing else:
// the pay link and the reminders carry on.
export async function pushRenewalToWallet(payload: unknown): Promise<void> {
  const { invoiceId } = payloadSchema.parse(payload);
  const invoice = await prisma.invoice.findUnique({
    where: { id: invoiceId },
    select: { id: true, businessId: true, status: true, business: { select: { subscription: true } } },
  });
  const subscription = invoice?.business.subscription;
  if (!invoice || invoice.status !== "open" || !subscription?.renewalWalletPhone || !subscription.renewalWalletMethod) return;
  const method = z.enum(["ecocash", "onemoney"]).safeParse(subscription.renewalWalletMethod);
  if (!method.success) return;
  try {
    await startPaynowPayment(
      { businessId: invoice.businessId, invoiceId: invoice.id },
      { method: method.data, phone: subscription.renewalWalletPhone },
      `renewal-push-${invoice.id}`,
    );
  } catch (error) {
    // Paynow down: try again later (same key, same payment). Anything else is final for this push.
    if (error instanceof ApiError && error.code === "upstream_unavailable") throw error;
    console.warn(`renewal push for invoice ${invoice.id} did not start: ${(error as Error).message}`);
  }
}
