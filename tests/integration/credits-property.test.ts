import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expireReservations } from "@/lib/credits/expire-reservations";
import { finishReservation } from "@/lib/credits/finish-reservation";
import { recordPaidPeriod, rollPlanPeriods } from "@/lib/credits/plan-credits";
import { reserveCredits } from "@/lib/credits/reserve-credits";
import { creditTransaction } from "@/lib/credits/sql";
import { prisma } from "@/lib/db";
import { addTopupCredits, creditInvariants, creditsBusiness } from "../helpers/credits";

const day = 86_400_000;

type Step =
  | { op: "grant"; credits: number }
  | { op: "topup"; credits: number }
  | { op: "reserve"; seconds: number[] }
  | { op: "complete"; pick: number; actualSeconds: number }
  | { op: "cancel"; pick: number }
  | { op: "race"; pick: number; actualSeconds: number }
  | { op: "expire"; pick: number }
  | { op: "rollover" };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant("grant" as const), credits: fc.integer({ min: 1, max: 60 }) }),
  fc.record({ op: fc.constant("topup" as const), credits: fc.integer({ min: 1, max: 60 }) }),
  fc.record({ op: fc.constant("reserve" as const), seconds: fc.array(fc.integer({ min: 1, max: 150 }), { minLength: 1, maxLength: 6 }) }),
  fc.record({ op: fc.constant("complete" as const), pick: fc.nat(), actualSeconds: fc.integer({ min: 0, max: 200 }) }),
  fc.record({ op: fc.constant("cancel" as const), pick: fc.nat() }),
  fc.record({ op: fc.constant("race" as const), pick: fc.nat(), actualSeconds: fc.integer({ min: 0, max: 200 }) }),
  fc.record({ op: fc.constant("expire" as const), pick: fc.nat() }),
  fc.record({ op: fc.constant("rollover" as const) }),
);

// After every step: balance = sum(ledger) >= 0 per bucket, reserved = open holds, and every finished
// reservation moved exactly once: used + refunded = held, its settlement entries sum to -used, and it has
// no more ledger rows than one settlement per bucket plus one expiry.
async function checkInvariants(businessId: string) {
  expect(await creditInvariants(businessId)).toEqual([]);
  const reservations = await prisma.creditReservation.findMany({ where: { businessId } });
  const entries = await prisma.creditLedgerEntry.findMany({ where: { businessId, reservationId: { not: null } } });
  for (const r of reservations) {
    const own = entries.filter((e) => e.reservationId === r.id);
    if (r.status === "reserved") {
      expect(own).toEqual([]);
      expect(r.usedCredits + r.refundedCredits).toBe(0);
      continue;
    }
    expect(r.usedCredits + r.refundedCredits).toBe(r.credits);
    expect(own.filter((e) => e.kind === "settlement").reduce((sum, e) => sum + e.delta, r.usedCredits)).toBe(0);
    expect(own.length).toBeLessThanOrEqual(3);
    if (r.status !== "settled") expect(r.usedCredits).toBe(0);
  }
}

describe("credits property: random grant / top-up / reserve / complete / cancel / expire / rollover sequences", () => {
  it("keep balance = sum(ledger) >= 0, reserved = open holds, and move each reservation once", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 14 }), async (steps) => {
        const { business } = await creditsBusiness("Property Shop");
        const businessId = business.id;
        let clock = new Date(Date.now() - day);
        const pick = async (n: number) => {
          const open = await prisma.creditReservation.findMany({ where: { businessId }, orderBy: { createdAt: "asc" }, select: { id: true } });
          return open.length ? open[n % open.length].id : null;
        };
        for (const s of steps) {
          switch (s.op) {
            case "grant":
              await creditTransaction((query) =>
                recordPaidPeriod(query, { businessId, periodStart: clock, periodEnd: new Date(clock.getTime() + 30 * day), credits: s.credits, source: "test" }, clock),
              );
              break;
            case "topup":
              await addTopupCredits(businessId, s.credits);
              break;
            case "reserve": {
              const before = await prisma.creditBalance.findMany({ where: { businessId } });
              const available = before.reduce((sum, b) => sum + b.balance - b.reserved, 0);
              const results = await Promise.all(s.seconds.map((seconds) => reserveCredits({ businessId, apiKeyId: null, requestedSeconds: seconds })));
              const held = results.filter((r) => r.outcome === "reserved").reduce((sum, r) => sum + (r.outcome === "reserved" ? r.reservedCredits : 0), 0);
              expect(held).toBeLessThanOrEqual(available);
              for (const r of results) if (r.outcome === "insufficient") expect(r.needed).toBeGreaterThan(r.current);
              break;
            }
            case "complete":
            case "cancel": {
              const id = await pick(s.pick);
              if (id) await finishReservation(id, businessId, s.op === "complete" ? { kind: "complete", actualSeconds: s.actualSeconds } : { kind: "cancel" });
              break;
            }
            case "race": {
              const id = await pick(s.pick);
              if (!id) break;
              const moved = await Promise.all([
                finishReservation(id, businessId, { kind: "complete", actualSeconds: s.actualSeconds }),
                finishReservation(id, businessId, { kind: "cancel" }),
                finishReservation(id, businessId, { kind: "complete", actualSeconds: 1 }),
              ]);
              expect(moved.filter(Boolean).length).toBeLessThanOrEqual(1);
              break;
            }
            case "expire": {
              const id = await pick(s.pick);
              if (!id) break;
              await prisma.creditReservation.updateMany({ where: { id, status: "reserved" }, data: { expiresAt: new Date(Date.now() - 1_000) } });
              await Promise.all([expireReservations(), expireReservations()]);
              break;
            }
            case "rollover": {
              const next = new Date(clock.getTime() + 30 * day);
              await creditTransaction((query) =>
                recordPaidPeriod(query, { businessId, periodStart: next, periodEnd: new Date(next.getTime() + 30 * day), credits: 25, source: "test" }, clock),
              );
              clock = new Date(next.getTime() + 1_000);
              await rollPlanPeriods(clock);
              break;
            }
          }
          await checkInvariants(businessId);
        }
      }),
      { numRuns: Number(process.env.CREDITS_PROPERTY_RUNS ?? 25), endOnFailure: true },
    );
  }, 600_000);
});
