import { describe, expect, it } from "vitest";
import { addMonthsUtc } from "@/lib/billing/billing-period";
import { formatInvoiceNumber } from "@/lib/billing/invoice-number";
import { parseInnbucksExpiry } from "@/lib/payments/paynow/innbucks-expiry";
import { checkPhoneForMethod, normalizeZimbabweMobile } from "@/lib/payments/paynow/phone";
import { classifyPaynowStatus } from "@/lib/payments/paynow/status";

describe("Zimbabwe mobile numbers", () => {
  it("normalizes local and international forms to 07XXXXXXXX", () => {
    expect(normalizeZimbabweMobile("0771111111")).toBe("0771111111");
    expect(normalizeZimbabweMobile("+263771111111")).toBe("0771111111");
    expect(normalizeZimbabweMobile("+263 77 111 1111")).toBe("0771111111");
    expect(normalizeZimbabweMobile("263-71-234-5678")).toBe("0712345678");
    expect(normalizeZimbabweMobile("(077) 111-1111")).toBe("0771111111");
  });

  it("rejects landlines, short, long and foreign numbers", () => {
    for (const bad of ["0242123456", "077111111", "07711111111", "+27821234567", "771111111", "phone", "+263 242 123456"]) {
      expect(normalizeZimbabweMobile(bad)).toBeNull();
    }
  });

  it("requires the wallet's network", () => {
    expect(checkPhoneForMethod("ecocash", "0781234567")).toEqual({ ok: true, phone: "0781234567" });
    expect(checkPhoneForMethod("onemoney", "+263712345678")).toEqual({ ok: true, phone: "0712345678" });
    expect(checkPhoneForMethod("innbucks", "0732345678")).toEqual({ ok: true, phone: "0732345678" });
    const wrong = checkPhoneForMethod("ecocash", "0712345678");
    expect(wrong).toMatchObject({ ok: false });
    expect(!wrong.ok && wrong.message).toMatch(/NetOne.*EcoCash needs an Econet number/);
    expect(checkPhoneForMethod("onemoney", "0771111111")).toMatchObject({ ok: false });
    expect(checkPhoneForMethod("ecocash", undefined)).toMatchObject({ ok: false, message: expect.stringMatching(/needs the mobile number/) });
    expect(checkPhoneForMethod("ecocash", "12345")).toMatchObject({ ok: false, message: expect.stringMatching(/not a Zimbabwean mobile/) });
  });
});

describe("Paynow statuses", () => {
  it("maps every documented status", () => {
    expect(["Paid", "Awaiting Delivery", "Delivered"].map(classifyPaynowStatus)).toEqual(["paid", "paid", "paid"]);
    expect(["Failed", "Cancelled"].map(classifyPaynowStatus)).toEqual(["failed", "failed"]);
    expect(["Created", "Sent"].map(classifyPaynowStatus)).toEqual(["pending", "pending"]);
    expect(["Disputed", "Refunded"].map(classifyPaynowStatus)).toEqual(["review", "review"]);
    expect(classifyPaynowStatus("awaiting delivery")).toBe("paid");
    expect(classifyPaynowStatus("Teleported")).toBe("unknown");
  });
});

describe("billing helpers", () => {
  it("formats invoice numbers as INV-<year>-<6 digits>", () => {
    expect(formatInvoiceNumber(2026, 1)).toBe("INV-2026-000001");
    expect(formatInvoiceNumber(2026, 999_999)).toBe("INV-2026-999999");
    expect(() => formatInvoiceNumber(2026, 1_000_000)).toThrow();
  });

  it("adds calendar months in UTC, clamping month ends", () => {
    expect(addMonthsUtc(new Date("2026-01-31T10:00:00Z"), 1).toISOString()).toBe("2026-02-28T10:00:00.000Z");
    expect(addMonthsUtc(new Date("2028-01-31T00:00:00Z"), 1).toISOString()).toBe("2028-02-29T00:00:00.000Z");
    expect(addMonthsUtc(new Date("2026-12-15T23:30:00Z"), 1).toISOString()).toBe("2027-01-15T23:30:00.000Z");
  });

  it("reads InnBucks expiry in Zimbabwe time", () => {
    expect(parseInnbucksExpiry("5-Dec-2030 14:30")?.toISOString()).toBe("2030-12-05T12:30:00.000Z");
    expect(parseInnbucksExpiry("garbage")).toBeNull();
    expect(parseInnbucksExpiry(undefined)).toBeNull();
  });
});
