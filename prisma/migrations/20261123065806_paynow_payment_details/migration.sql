-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "authorizationCode" TEXT,
ADD COLUMN     "authorizationExpiresAt" TIMESTAMPTZ(3),
ADD COLUMN     "lastPolledAt" TIMESTAMPTZ(3);
