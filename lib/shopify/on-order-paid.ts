import { addMonthsUtc } from "@/lib/billing/billing-period";
import { recordPaidPeriod } from "@/lib/credits/plan-credits";
import { postCreditEntry } from "@/lib/credits/post-credit-entry";
import { queryFromTx } from "@/lib/credits/sql";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ShopifySettings } from "./config";
import type { ShopifyOrder } from "./schemas";

// A delivery that can never succeed (unknown customer, unknown SKU): recorded as failed and answered 200.
export class ShopifyMappingError extends Error {
  constructor(message: string, readonly businessId: string | null = null) {
    super(message);
  }
}

type Tx = Prisma.TransactionClient;

// orders/paid: the customer is matched to a business (its stored Shopify customer id, else the order email
// = the business's billing email or its owner's email); a selling plan line grants that plan's monthly credits
// as a paid period (once per order), a top-up SKU line grants pack × quantity. All or nothing, once per
// Shopify order (ledger keys carry the order and line ids, so another delivery of the same order adds nothing).
export async function applyOrderPaid(tx: Tx, order: ShopifyOrder, deliveryId: string, settings: ShopifySettings, now = new Date()) {
  const businessId = await matchBusiness(tx, order);
  const planLine = order.line_items.find((line) => line.selling_plan_allocation);
  const grants: { lineId: string; credits: number }[] = [];
  let planCredits = 0;
  for (const line of order.line_items) {
    const sellingPlanId = line.selling_plan_allocation?.selling_plan.id;
    if (sellingPlanId) {
      const credits = settings.sellingPlanCredits[sellingPlanId];
      if (!credits) throw new ShopifyMappingError(`Selling plan ${sellingPlanId} is not in SHOPIFY_SELLING_PLAN_CREDITS.`, businessId);
      if (line === planLine) planCredits = credits;
      continue;
    }
    const perUnit = line.sku ? settings.topupSkus[line.sku] : undefined;
    if (!perUnit) throw new ShopifyMappingError(`SKU ${line.sku ? `"${line.sku}"` : "(none)"} of line ${line.id} is not in SHOPIFY_TOPUP_SKUS.`, businessId);
    grants.push({ lineId: line.id, credits: perUnit * line.quantity });
  }

  const query = queryFromTx(tx);
  if (planCredits) {
    const paidAt = parseTime(order.processed_at) ?? parseTime(order.created_at) ?? now;
    await recordPaidPeriod(query, { businessId, periodStart: paidAt, periodEnd: addMonthsUtc(paidAt, 1), credits: planCredits, source: `shopify:${order.id}` }, now);
  }
  for (const grant of grants) {
    await postCreditEntry(query, {
      businessId,
      bucket: "topup",
      kind: "topup",
      delta: grant.credits,
      idempotencyKey: `shopify:${order.id}:line:${grant.lineId}`,
      shopifyDeliveryId: deliveryId,
      description: `Shopify order ${order.id}`,
    });
  }
  return { businessId, credits: planCredits + grants.reduce((sum, g) => sum + g.credits, 0) };
}

async function matchBusiness(tx: Tx, order: ShopifyOrder): Promise<string> {
  const customerId = order.customer?.id ?? null;
  if (customerId) {
    const known = await tx.business.findUnique({ where: { shopifyCustomerId: customerId }, select: { id: true } });
    if (known) return known.id;
  }
  const email = (order.email || order.contact_email || order.customer?.email || "").trim().toLowerCase();
  if (!email) throw new ShopifyMappingError(`Order ${order.id} has no customer email to match a business.`);
  const matches = await tx.business.findMany({
    where: {
      OR: [
        { contactEmail: { equals: email, mode: "insensitive" } },
        { members: { some: { role: "owner", user: { email: { equals: email, mode: "insensitive" } } } } },
      ],
    },
    select: { id: true, shopifyCustomerId: true },
    take: 2,
  });
  if (matches.length === 0) throw new ShopifyMappingError(`No business has the billing or owner email of order ${order.id}.`);
  if (matches.length > 1) throw new ShopifyMappingError(`The email of order ${order.id} belongs to more than one business; link the Shopify customer by hand.`);
  const [business] = matches;
  if (customerId && !business.shopifyCustomerId) {
    await tx.business.update({ where: { id: business.id }, data: { shopifyCustomerId: customerId } });
  }
  return business.id;
}

function parseTime(value: string | null | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}
