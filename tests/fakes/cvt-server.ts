import { createHmac, randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

// A local stand-in for CVT (the upstream billing ERP), answering like its API:
// - POST /v1/verify { api_key }: Bearer secret required; known keys answer their customer, unknown keys 401;
//   "slow" keys never answer in time; "broken" keys 500.
// - POST /v1/charges { customer_id, amount, currency, description }: Bearer secret and Idempotency-Key
//   required. One charge per key: a repeat with the same key and body answers the same charge, with another
//   body 422. What a customer's charges do is set per customer in `chargeBehaviour` (default "succeed").
// - Signed webhooks: `signedEvent(type, data)` gives a raw body and its cvt-signature (hex HMAC-SHA256 with
//   the webhook secret); `deliver(url, type, data)` posts one to the app.
export type ChargeBehaviour = "succeed" | "fail" | "pending" | "error500" | "hang" | "reject400";

export interface FakeCharge {
  id: string;
  customer_id: string;
  amount: number;
  currency: string;
  description: string;
  status: "succeeded" | "failed" | "pending";
  error_message: string | null;
  metadata: Record<string, string>;
  idempotencyKey: string;
  body: string;
}

export interface FakeCvt {
  url: string;
  secret: string;
  webhookSecret: string;
  customers: Map<string, object>;
  calls: { path: string; authorization?: string; idempotencyKey?: string; body: unknown }[];
  chargeBehaviour: Map<string, ChargeBehaviour>;
  // Every charge created, by idempotency key, and how many requests each key received.
  charges: Map<string, FakeCharge>;
  requestsPerKey: Map<string, number>;
  // Runs before a new charge is answered: a test's way to change our side while the charge is in flight.
  whileCharging: ((charge: { customer_id: string; metadata?: Record<string, string> }) => Promise<void>) | null;
  signedEvent(type: string, data: object, id?: string): { body: string; signature: string; id: string };
  deliver(url: string, type: string, data: object, id?: string): Promise<number>;
  close(): Promise<void>;
}

const chargeFields = (body: Record<string, unknown> | null): string | null => {
  if (!body || typeof body !== "object") return "body must be a JSON object";
  if (typeof body.customer_id !== "string" || !body.customer_id) return "customer_id is required";
  if (!Number.isInteger(body.amount) || (body.amount as number) <= 0) return "amount must be a positive integer (minor units)";
  if (typeof body.currency !== "string" || !/^[A-Z]{3}$/.test(body.currency)) return "currency must be an ISO code";
  if (typeof body.description !== "string" || !body.description) return "description is required";
  return null;
};

export async function startFakeCvt(secret = "cvt_secret_test", webhookSecret = "cvt_whsec_test"): Promise<FakeCvt> {
  const customers = new Map<string, object>();
  const calls: FakeCvt["calls"] = [];
  const chargeBehaviour = new Map<string, ChargeBehaviour>();
  const charges = new Map<string, FakeCharge>();
  const requestsPerKey = new Map<string, number>();

  const server: Server = createServer(async (req, res) => {
    let raw = "";
    for await (const chunk of req) raw += chunk;
    let body: Record<string, unknown> | null = null;
    try {
      body = raw ? JSON.parse(raw) : null;
    } catch {
      body = null;
    }
    const idempotencyKey = req.headers["idempotency-key"] as string | undefined;
    calls.push({ path: req.url ?? "", authorization: req.headers.authorization, idempotencyKey, body });
    const reply = (status: number, json: object) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(json));
    if (req.method !== "POST") return reply(404, { error: "not found" });
    if (req.headers.authorization !== `Bearer ${secret}`) return reply(401, { error: "bad secret" });

    if (req.url === "/v1/verify") {
      const key = body?.api_key as string;
      if (key?.startsWith("slow")) return; // never answers
      if (key?.startsWith("broken")) return reply(500, { error: "boom" });
      const customer = customers.get(key);
      return customer ? reply(200, customer) : reply(401, { error: "invalid api key" });
    }

    if (req.url === "/v1/charges") {
      if (!idempotencyKey) return reply(400, { error: { message: "Idempotency-Key header is required" } });
      const invalid = chargeFields(body);
      if (invalid) return reply(400, { error: { message: invalid } });
      requestsPerKey.set(idempotencyKey, (requestsPerKey.get(idempotencyKey) ?? 0) + 1);
      const behaviour = chargeBehaviour.get(body!.customer_id as string) ?? "succeed";
      if (behaviour === "hang") return; // never answers
      if (behaviour === "error500") return reply(500, { error: { message: "internal error" } });
      if (behaviour === "reject400") return reply(400, { error: { message: "customer has no payment method" } });
      await fake.whileCharging?.(body as { customer_id: string; metadata?: Record<string, string> });
      const existing = charges.get(idempotencyKey);
      if (existing) {
        if (existing.body !== raw) return reply(422, { error: { message: "Idempotency-Key reused with a different request" } });
        return reply(200, publicCharge(existing));
      }
      const charge: FakeCharge = {
        id: `ch_${randomBytes(8).toString("hex")}`,
        customer_id: body!.customer_id as string,
        amount: body!.amount as number,
        currency: body!.currency as string,
        description: body!.description as string,
        status: behaviour === "fail" ? "failed" : behaviour === "pending" ? "pending" : "succeeded",
        error_message: behaviour === "fail" ? "Insufficient funds on the CVT account" : null,
        metadata: (body!.metadata as Record<string, string>) ?? {},
        idempotencyKey,
        body: raw,
      };
      charges.set(idempotencyKey, charge);
      return reply(201, publicCharge(charge));
    }
    return reply(404, { error: "not found" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  const signedEvent = (type: string, data: object, id = `evt_${randomBytes(8).toString("hex")}`) => {
    const body = JSON.stringify({ id, type, created: Math.floor(Date.now() / 1000), data });
    return { body, signature: createHmac("sha256", webhookSecret).update(body).digest("hex"), id };
  };
  const fake: FakeCvt = {
    url: `http://127.0.0.1:${port}`,
    secret,
    webhookSecret,
    customers,
    calls,
    chargeBehaviour,
    charges,
    requestsPerKey,
    whileCharging: null,
    signedEvent,
    async deliver(url, type, data, id) {
      const event = signedEvent(type, data, id);
      const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", "cvt-signature": event.signature }, body: event.body });
      await res.text();
      return res.status;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return fake;
}

function publicCharge(charge: FakeCharge) {
  const { idempotencyKey: _key, body: _body, ...rest } = charge;
  return { object: "charge", ...rest };
}
