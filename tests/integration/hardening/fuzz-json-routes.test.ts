import "../../helpers/paynow";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import * as rotateRoute from "@/app/api/api-keys/[id]/rotate/route";
import * as apiKeysRoute from "@/app/api/api-keys/route";
import * as authRoute from "@/app/api/auth/[...all]/route";
import * as checkoutRoute from "@/app/api/billing/checkout-session/route";
import * as paynowInvoiceRoute from "@/app/api/billing/paynow/invoice/route";
import * as paynowRoute from "@/app/api/billing/paynow/route";
import * as posConfigRoute from "@/app/api/business/pos-config/route";
import * as registerRoute from "@/app/api/business/register/route";
import * as businessRoute from "@/app/api/business/route";
import * as payRoute from "@/app/api/pay/[token]/route";
import * as heartbeatRoute from "@/app/api/pos/heartbeat/route";
import * as transactionsRoute from "@/app/api/pos/transactions/route";
import * as creditTopupsRoute from "@/app/api/credits/topups/route";
import * as jobsRoute from "@/app/api/v1/jobs/route";
import * as completeJobRoute from "@/app/api/v1/jobs/[taskId]/complete/route";
import * as apiTopupRoute from "@/app/api/v1/checkout/topup/route";
import { setSubscription } from "../../helpers/api-key";
import { createBusiness } from "../../helpers/fixtures";
import { createInvoice } from "../../helpers/paynow-flows";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
interface Target {
  name: string;
  handler: Handler;
  path: string;
  method: string;
  fields: string[];
  auth: "owner" | "key" | "none";
  params?: Record<string, string>;
  betterAuth?: boolean;
}

// Strings PostgreSQL or a naive parser chokes on, next to ordinary ones.
const nasty = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom("\ud800", "a\udfffb", "\u0000", "x\u0000y", "\uffff", "%ED%A0%80", "'; DROP TABLE \"User\"; --", "__proto__", "1e309"),
  fc.integer({ min: 1_000, max: 200_000 }).map((n) => "x".repeat(n)),
);
const deep = fc.integer({ min: 20, max: 8_000 }).map((n) => JSON.parse("[".repeat(Math.min(n, 900)) + "]".repeat(Math.min(n, 900))));
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  any: fc.oneof(
    { depthSize: "small" },
    nasty,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    deep,
    fc.array(tie("any"), { maxLength: 4 }),
    fc.dictionary(nasty, tie("any"), { maxKeys: 4 }),
  ),
})).any;

function bodyFor(fields: string[]): fc.Arbitrary<string> {
  const shaped = fc.dictionary(fc.oneof(fc.constantFrom(...fields), nasty), value, { maxKeys: 6 }).map((o) => JSON.stringify(o));
  return fc.oneof(
    shaped,
    value.map((v) => JSON.stringify(v) ?? "null"),
    fc.integer({ min: 33, max: 20_000 }).map((n) => `{"${fields[0]}":${"[".repeat(n)}${"]".repeat(n)}}`),
    fc.string(),
    fc.constantFrom("", "{", "[]", "null", '{"a":1}garbage', "\u0000", '{"name":"\\ud800"}'),
  );
}

let ownerCookie = "";
let apiKey = "";
const targets: Target[] = [];

beforeAll(async () => {
  const a = await createBusiness("Fuzz Shop");
  await setSubscription(a.business.id, { plan: "enterprise", status: "active" });
  ownerCookie = a.owner.cookie;
  apiKey = a.apiKey;
  const invoice = await createInvoice(a.owner.cookie, { plan: "basic" });
  const { prisma } = await import("@/lib/db");
  const token = (await prisma.invoice.findUniqueOrThrow({ where: { id: invoice.json.invoice.id } })).paymentToken!;
  // Credits routes (issue 13): the key may spend credits, and a job is running to complete.
  await prisma.apiKey.update({ where: { id: a.apiKeyId }, data: { scopes: ["pos:read", "pos:write", "credits:read", "credits:write"] } });
  (await import("@/lib/api-keys/verify-api-key")).forgetAllCachedApiKeys();
  const { addTopupCredits } = await import("../../helpers/credits");
  await addTopupCredits(a.business.id, 1_000_000);
  const job = await (await import("@/lib/credits/reserve-credits")).reserveCredits({ businessId: a.business.id, apiKeyId: a.apiKeyId, requestedSeconds: 5 });
  const taskId = job.outcome === "reserved" ? job.taskId : "";
  const ba = (path: string, fields: string[], auth: "owner" | "none" = "owner"): Target => ({
    name: `/api/auth${path}`, handler: authRoute.POST as Handler, path: `/api/auth${path}`, method: "POST", fields, auth, betterAuth: true,
  });
  targets.push(
    { name: "POST /api/api-keys", handler: apiKeysRoute.POST, path: "/api/api-keys", method: "POST", fields: ["name", "scopes", "environment", "expiresAt", "rateLimitPerHour"], auth: "owner" },
    { name: "POST /api/api-keys/:id/rotate", handler: rotateRoute.POST as Handler, path: `/api/api-keys/${a.apiKeyId}/rotate`, method: "POST", fields: ["graceSeconds"], auth: "owner", params: { id: a.apiKeyId } },
    { name: "PATCH /api/business", handler: businessRoute.PATCH as Handler, path: "/api/business", method: "PATCH", fields: ["name", "contactEmail"], auth: "owner" },
    { name: "PUT /api/business/pos-config", handler: posConfigRoute.PUT as Handler, path: "/api/business/pos-config", method: "PUT", fields: ["currency", "receiptHeader", "receiptFooter", "taxRatePercent"], auth: "owner" },
    { name: "POST /api/business/register", handler: registerRoute.POST as Handler, path: "/api/business/register", method: "POST", fields: ["businessName", "email", "cvtApiKey"], auth: "owner" },
    { name: "POST /api/billing/checkout-session", handler: checkoutRoute.POST as Handler, path: "/api/billing/checkout-session", method: "POST", fields: ["plan", "provider", "successUrl"], auth: "owner" },
    { name: "POST /api/billing/paynow/invoice", handler: paynowInvoiceRoute.POST as Handler, path: "/api/billing/paynow/invoice", method: "POST", fields: ["plan", "currency"], auth: "owner" },
    { name: "POST /api/billing/paynow", handler: paynowRoute.POST as Handler, path: "/api/billing/paynow", method: "POST", fields: ["invoiceId", "method", "phone", "email"], auth: "owner" },
    { name: "POST /api/pay/:token", handler: payRoute.POST as Handler, path: `/api/pay/${token}`, method: "POST", fields: ["method", "phone", "email"], auth: "none", params: { token } },
    { name: "POST /api/pos/transactions", handler: transactionsRoute.POST as Handler, path: "/api/pos/transactions", method: "POST", fields: ["amount", "currency", "type", "reference", "metadata", "terminalId"], auth: "key" },
    { name: "POST /api/pos/heartbeat", handler: heartbeatRoute.POST as Handler, path: "/api/pos/heartbeat", method: "POST", fields: ["terminalId"], auth: "key" },
    { name: "POST /api/credits/topups", handler: creditTopupsRoute.POST as Handler, path: "/api/credits/topups", method: "POST", fields: ["pack", "provider", "currency"], auth: "owner" },
    { name: "POST /api/v1/jobs", handler: jobsRoute.POST as Handler, path: "/api/v1/jobs", method: "POST", fields: ["requestedSeconds", "ttlSeconds"], auth: "key" },
    { name: "POST /api/v1/jobs/:taskId/complete", handler: completeJobRoute.POST as Handler, path: `/api/v1/jobs/${taskId}/complete`, method: "POST", fields: ["actualSeconds"], auth: "key", params: { taskId } },
    { name: "POST /api/v1/checkout/topup", handler: apiTopupRoute.POST as Handler, path: "/api/v1/checkout/topup", method: "POST", fields: ["pack", "provider", "currency"], auth: "key" },
    ba("/sign-up/email", ["email", "password", "name"], "none"),
    ba("/sign-in/email", ["email", "password"], "none"),
    ba("/request-password-reset", ["email", "redirectTo"], "none"),
    ba("/reset-password", ["token", "newPassword"], "none"),
    ba("/update-user", ["name", "image"]),
    ba("/organization/update", ["organizationId", "data"]),
    ba("/organization/invite-member", ["email", "role", "organizationId"]),
  );
}, 120_000);

async function send(target: Target, rawBody: string) {
  const headers = new Headers({ origin: "http://localhost:3000", "content-type": "application/json" });
  if (target.auth === "owner") headers.set("cookie", ownerCookie);
  if (target.auth === "key") headers.set("authorization", `Bearer ${apiKey}`);
  const req = new Request(`http://localhost:3000${target.path}`, { method: target.method, headers, body: rawBody });
  const res = await target.handler(req, { params: Promise.resolve(target.params ?? {}) });
  return { status: res.status, text: await res.text() };
}

describe("fuzz: random and adversarial JSON bodies never cause a 5xx, and errors keep their shape", () => {
  const names = ["POST /api/api-keys", "POST /api/api-keys/:id/rotate", "PATCH /api/business", "PUT /api/business/pos-config",
    "POST /api/business/register", "POST /api/billing/checkout-session", "POST /api/billing/paynow/invoice", "POST /api/billing/paynow",
    "POST /api/pay/:token", "POST /api/pos/transactions", "POST /api/pos/heartbeat", "/api/auth/sign-up/email", "/api/auth/sign-in/email",
    "/api/auth/request-password-reset", "/api/auth/reset-password", "/api/auth/update-user", "/api/auth/organization/update",
    "/api/auth/organization/invite-member", "POST /api/credits/topups", "POST /api/v1/jobs", "POST /api/v1/jobs/:taskId/complete",
    "POST /api/v1/checkout/topup"];

  it.each(names)("%s", async (name) => {
    const target = targets.find((t) => t.name === name)!;
    expect(target).toBeDefined();
    await fc.assert(
      fc.asyncProperty(bodyFor(target.fields), async (rawBody) => {
        const res = await send(target, rawBody);
        expect(res.status, `${res.status} for ${rawBody.slice(0, 200)}: ${res.text.slice(0, 300)}`).toBeLessThan(500);
        if (res.status >= 400) {
          const body = JSON.parse(res.text);
          if (target.betterAuth) expect(typeof body.message, res.text).toBe("string");
          else {
            expect(typeof body.error?.code, res.text).toBe("string");
            expect(typeof body.error?.message, res.text).toBe("string");
          }
        }
      }),
      { numRuns: 40, seed: Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31) },
    );
  }, 120_000);
});
