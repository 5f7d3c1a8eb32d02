-- CreateEnum
CREATE TYPE "CreditBucket" AS ENUM ('plan', 'topup');

-- CreateEnum
CREATE TYPE "CreditEntryKind" AS ENUM ('plan_grant', 'plan_expiry', 'topup', 'reservation', 'settlement', 'release', 'expiry', 'adjustment');

-- CreateEnum
CREATE TYPE "CreditReservationStatus" AS ENUM ('reserved', 'settled', 'released', 'expired');

-- AlterEnum
ALTER TYPE "OrderStatus" ADD VALUE 'failed';

-- AlterTable
ALTER TABLE "Business" ADD COLUMN     "shopifyCustomerId" TEXT;

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "credits" INTEGER,
ADD COLUMN     "failureReason" TEXT,
ADD COLUMN     "invoiceId" TEXT,
ADD COLUMN     "provider" "PaymentProviderName" NOT NULL DEFAULT 'stripe';

-- CreateTable
CREATE TABLE "CreditLedgerEntry" (
    "id" TEXT NOT NULL,
    "businessId" TEXT NOT NULL,
    "bucket" "CreditBucket" NOT NULL,
    "kind" "CreditEntryKind" NOT NULL,
    "delta" INTEGER NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "reservationId" TEXT,
    "orderId" TEXT,
    "invoiceId" TEXT,
    "shopifyDeliveryId" TEXT,
    "description" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CreditLedgerEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CreditBalance" (
    "businessId" TEXT NOT NULL,
    "bucket" "CreditBucket" NOT NULL,
    "balance" INTEGER NOT NULL DEFAULT 0,
    "reserved" INTEGER NOT NULL DEFAULT 0,
    "periodStart" TIMESTAMPTZ(3),
    "periodEnd" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CreditBalance_pkey" PRIMARY KEY ("businessId","bucket")
);

-- CreateTable
CREATE TABLE "CreditPlanGrant" (
    "id" TEXT NOT NULL,
    "businessId" TEXT NOT NULL,
    "periodStart" TIMESTAMPTZ(3) NOT NULL,
    "periodEnd" TIMESTAMPTZ(3) NOT NULL,
    "credits" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "invoiceId" TEXT,
    "grantedAt" TIMESTAMPTZ(3),
    "expiredAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CreditPlanGrant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CreditReservation" (
    "id" TEXT NOT NULL,
    "businessId" TEXT NOT NULL,
    "apiKeyId" TEXT,
    "status" "CreditReservationStatus" NOT NULL DEFAULT 'reserved',
    "requestedSeconds" INTEGER NOT NULL,
    "credits" INTEGER NOT NULL,
    "planCredits" INTEGER NOT NULL,
    "topupCredits" INTEGER NOT NULL,
    "planPeriodStart" TIMESTAMPTZ(3),
    "actualSeconds" INTEGER,
    "usedCredits" INTEGER NOT NULL DEFAULT 0,
    "refundedCredits" INTEGER NOT NULL DEFAULT 0,
    "idempotencyKey" TEXT,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "finishedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CreditReservation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShopifyDelivery" (
    "id" TEXT NOT NULL,
    "webhookId" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "shopDomain" TEXT NOT NULL,
    "shopifyOrderId" TEXT,
    "businessId" TEXT,
    "status" "WebhookStatus" NOT NULL DEFAULT 'processing',
    "creditsGranted" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ShopifyDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CreditLedgerEntry_idempotencyKey_key" ON "CreditLedgerEntry"("idempotencyKey");

-- CreateIndex
CREATE INDEX "CreditLedgerEntry_businessId_createdAt_idx" ON "CreditLedgerEntry"("businessId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "CreditLedgerEntry_businessId_kind_createdAt_idx" ON "CreditLedgerEntry"("businessId", "kind", "createdAt");

-- CreateIndex
CREATE INDEX "CreditPlanGrant_grantedAt_periodStart_idx" ON "CreditPlanGrant"("grantedAt", "periodStart");

-- CreateIndex
CREATE INDEX "CreditPlanGrant_expiredAt_periodEnd_idx" ON "CreditPlanGrant"("expiredAt", "periodEnd");

-- CreateIndex
CREATE UNIQUE INDEX "CreditPlanGrant_businessId_periodStart_key" ON "CreditPlanGrant"("businessId", "periodStart");

-- CreateIndex
CREATE INDEX "CreditReservation_status_expiresAt_idx" ON "CreditReservation"("status", "expiresAt");

-- CreateIndex
CREATE INDEX "CreditReservation_businessId_status_createdAt_idx" ON "CreditReservation"("businessId", "status", "createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "CreditReservation_businessId_idempotencyKey_key" ON "CreditReservation"("businessId", "idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "ShopifyDelivery_webhookId_key" ON "ShopifyDelivery"("webhookId");

-- CreateIndex
CREATE INDEX "ShopifyDelivery_businessId_receivedAt_idx" ON "ShopifyDelivery"("businessId", "receivedAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "Business_shopifyCustomerId_key" ON "Business"("shopifyCustomerId");

-- CreateIndex
CREATE UNIQUE INDEX "Order_invoiceId_key" ON "Order"("invoiceId");

-- AddForeignKey
ALTER TABLE "CreditLedgerEntry" ADD CONSTRAINT "CreditLedgerEntry_businessId_fkey" FOREIGN KEY ("businessId") REFERENCES "Business"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CreditBalance" ADD CONSTRAINT "CreditBalance_businessId_fkey" FOREIGN KEY ("businessId") REFERENCES "Business"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CreditPlanGrant" ADD CONSTRAINT "CreditPlanGrant_businessId_fkey" FOREIGN KEY ("businessId") REFERENCES "Business"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CreditReservation" ADD CONSTRAINT "CreditReservation_businessId_fkey" FOREIGN KEY ("businessId") REFERENCES "Business"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShopifyDelivery" ADD CONSTRAINT "ShopifyDelivery_businessId_fkey" FOREIGN KEY ("businessId") REFERENCES "Business"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Guards behind the conditional updates: a balance is never negative and never holds more than it has.
ALTER TABLE "CreditBalance" ADD CONSTRAINT "CreditBalance_amounts_check" CHECK ("balance" >= 0 AND "reserved" >= 0 AND "reserved" <= "balance");
ALTER TABLE "CreditReservation" ADD CONSTRAINT "CreditReservation_amounts_check" CHECK ("credits" > 0 AND "planCredits" >= 0 AND "topupCredits" >= 0 AND "planCredits" + "topupCredits" = "credits" AND "usedCredits" + "refundedCredits" <= "credits");
ALTER TABLE "CreditLedgerEntry" ADD CONSTRAINT "CreditLedgerEntry_delta_check" CHECK ("delta" <> 0);

-- The ledger is append-only.
CREATE FUNCTION "credit_ledger_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'CreditLedgerEntry is append-only (% refused)', TG_OP;
END;
$$;
CREATE TRIGGER "CreditLedgerEntry_append_only" BEFORE UPDATE OR DELETE ON "CreditLedgerEntry"
  FOR EACH ROW EXECUTE FUNCTION "credit_ledger_append_only"();
