import { createHash, randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

// A local stand-in for Resend's POST /emails: Bearer API key required, the payload checked like Resend does,
// and the Idempotency-Key header honoured (same key + same payload → the first answer, no second send; same
// key + other payload → 409 invalid_idempotent_request; same key while the first is in flight → 409
// concurrent_idempotent_requests). `failWith` makes the next sends fail the way Resend fails.
export interface ResendFailure {
  status: number;
  name: string;
  message: string;
  retryAfterSeconds?: number;
}

export interface SentEmail {
  id: string;
  idempotencyKey: string | null;
  from: string;
  to: string[];
  subject: string;
  html?: string;
  text?: string;
}

export class FakeResend {
  readonly sent: SentEmail[] = [];
  readonly requests: { authorization?: string; idempotencyKey: string | null; status: number }[] = [];
  // Each request takes this long before it is answered, so overlapping requests really overlap.
  delayMs = 0;
  // Every send to one of these addresses fails this way (e.g. an address on Resend's suppression list).
  readonly failFor = new Map<string, ResendFailure>();
  private failures: ResendFailure[] = [];
  private failAll: ResendFailure | null = null;
  private readonly answered = new Map<string, { fingerprint: string; id: string }>();
  private readonly inFlight = new Set<string>();

  private constructor(
    private readonly server: Server,
    readonly url: string,
    readonly apiKey: string,
  ) {}

  static async start(apiKey = "re_test_tangabiz_fake_0123456789"): Promise<FakeResend> {
    let fake: FakeResend | undefined;
    const server = createServer((req, res) => void fake!.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    fake = new FakeResend(server, `http://127.0.0.1:${port}`, apiKey);
    return fake;
  }

  // The next `times` sends fail with `failure`; `times: Infinity` until `recover()`.
  failWith(failure: ResendFailure, times = 1) {
    if (times === Infinity) this.failAll = failure;
    else this.failures.push(...Array.from({ length: times }, () => failure));
  }

  recover() {
    this.failAll = null;
    this.failures = [];
  }

  sentTo(address: string) {
    return this.sent.filter((email) => email.to.includes(address));
  }

  close() {
    return new Promise<void>((resolve) => {
      this.server.closeAllConnections();
      this.server.close(() => resolve());
    });
  }

  private async handle(req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) {
    let raw = "";
    for await (const chunk of req) raw += chunk;
    const idempotencyKey = (req.headers["idempotency-key"] as string | undefined) ?? null;
    const reply = (status: number, json: object, headers: Record<string, string> = {}) => {
      this.requests.push({ authorization: req.headers.authorization, idempotencyKey, status });
      res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(json));
    };
    const error = (status: number, name: string, message: string, headers?: Record<string, string>) =>
      reply(status, { statusCode: status, name, message }, headers);

    if (req.method !== "POST" || req.url !== "/emails") return error(404, "not_found", "The requested endpoint does not exist.");
    if (!req.headers.authorization) return error(401, "missing_api_key", "Missing API key in the authorization header.");
    if (req.headers.authorization !== `Bearer ${this.apiKey}`) return error(403, "invalid_api_key", "API key is invalid");
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw);
    } catch {
      return error(400, "validation_error", "Invalid JSON body.");
    }
    for (const field of ["from", "to", "subject"]) {
      if (!body[field]) return error(422, "missing_required_field", `The \`${field}\` field is missing.`);
    }
    if (!body.html && !body.text) return error(422, "validation_error", "Either `html` or `text` must be provided.");
    if (idempotencyKey && idempotencyKey.length > 256) return error(400, "invalid_idempotency_key", "The key must be 1-256 characters.");

    const fingerprint = createHash("sha256").update(raw).digest("hex");
    if (idempotencyKey) {
      const earlier = this.answered.get(idempotencyKey);
      if (earlier && earlier.fingerprint !== fingerprint) {
        return error(409, "invalid_idempotent_request", "Same idempotency key used with a different request payload.");
      }
      if (earlier) return reply(200, { id: earlier.id });
      if (this.inFlight.has(idempotencyKey)) {
        return error(409, "concurrent_idempotent_requests", "Same idempotency key used while original request is still in progress.");
      }
      this.inFlight.add(idempotencyKey);
    }
    try {
      if (this.delayMs) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
      const to = Array.isArray(body.to) ? (body.to as string[]) : [String(body.to)];
      const failure = to.map((address) => this.failFor.get(address)).find(Boolean) ?? this.failures.shift() ?? this.failAll;
      if (failure) {
        const headers: Record<string, string> = failure.retryAfterSeconds ? { "retry-after": String(failure.retryAfterSeconds) } : {};
        return error(failure.status, failure.name, failure.message, headers);
      }
      const id = randomUUID();
      this.sent.push({ id, idempotencyKey, from: String(body.from), to, subject: String(body.subject), html: body.html as string, text: body.text as string });
      if (idempotencyKey) this.answered.set(idempotencyKey, { fingerprint, id });
      return reply(200, { id });
    } finally {
      if (idempotencyKey) this.inFlight.delete(idempotencyKey);
    }
  }
}

// Test-only: points the app at a fresh fake. Import before any app module so lib/env sees it.
export async function startFakeResendForApp(): Promise<FakeResend> {
  const fake = await FakeResend.start();
  Object.assign(process.env, { RESEND_API_KEY: fake.apiKey, RESEND_BASE_URL: fake.url });
  return fake;
}
