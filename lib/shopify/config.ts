import { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import { env } from "@/lib/env";

const creditMap = z.record(z.string().min(1), z.int().positive());

export interface ShopifySettings {
  secret: string;
  sellingPlanCredits: Record<string, number>;
  topupSkus: Record<string, number>;
}

function parseMap(name: string, raw: string): Record<string, number> {
  try {
    return creditMap.parse(JSON.parse(raw));
  } catch {
    throw new ApiError("service_unavailable", `${name} is not a JSON object of id → positive whole credits.`);
  }
}

export function requireShopifySettings(): ShopifySettings {
  if (!env.SHOPIFY_WEBHOOK_SECRET) throw new ApiError("provider_not_configured", "The Shopify webhook is not configured (SHOPIFY_WEBHOOK_SECRET).");
  return {
    secret: env.SHOPIFY_WEBHOOK_SECRET,
    sellingPlanCredits: parseMap("SHOPIFY_SELLING_PLAN_CREDITS", env.SHOPIFY_SELLING_PLAN_CREDITS),
    topupSkus: parseMap("SHOPIFY_TOPUP_SKUS", env.SHOPIFY_TOPUP_SKUS),
  };
}
