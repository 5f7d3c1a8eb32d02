import { createHash, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

// A local stand-in for Paynow's HTTP API (developers.paynow.co.zw): initiate (web and mobile express
// checkout), poll URL, a web checkout page, and result-URL callbacks, all signed the way Paynow signs them.
// Its hash is computed here independently of lib/payments/paynow so a shared mistake cannot hide.
// Sandbox numbers as in Paynow's test mode: 0771111111 paid, 0772222222 paid later, 0773333333 cancelled,
// 0774444444 insufficient balance at initiation; any other number waits for the test to decide.

export type FakeMode = "up" | "unavailable" | "reset" | "hang" | "bad-hash";

export interface FakeTransaction {
  guid: string;
  reference: string;
  amount: string;
  status: string;
  paynowReference: string;
  resultUrl: string;
  returnUrl: string;
  method: string | null;
  phone: string | null;
  authemail: string | null;
}

export interface FakePaynowOptions {
  integrationId: string;
  integrationKey: string;
  port?: number;
  // Posting results to the app's result URL; integration tests hand bodies to the route instead.
  deliverCallbacks?: boolean;
  callbackDelayMs?: number;
}

function sign(fields: [string, string][], key: string): string {
  const text = fields.filter(([k]) => k.toLowerCase() !== "hash").map(([, v]) => v).join("") + key.toLowerCase();
  return createHash("sha512").update(text, "utf8").digest("hex").toUpperCase();
}

function encode(fields: [string, string][], key: string): string {
  return new URLSearchParams([...fields, ["hash", sign(fields, key)]]).toString();
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = "";
    req.setEncoding("utf8");
    req.on("data", (chunk) => (data += chunk));
    req.on("end", () => resolve(data));
    req.on("error", reject);
  });
}

export class FakePaynow {
  url = "";
  mode: FakeMode = "up";
  // Fail this many next requests with 503 before answering normally (retry tests).
  failNext = 0;
  readonly requests: { path: string; fields: Record<string, string> }[] = [];
  readonly delivered: { reference: string; status: string; httpStatus: number | null }[] = [];
  private readonly byGuid = new Map<string, FakeTransaction>();
  private readonly byReference = new Map<string, FakeTransaction>();
  private readonly sockets = new Set<Socket>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private nextPaynowReference = 40_000;
  private readonly server = createServer((req, res) => void this.handle(req, res));

  constructor(readonly options: FakePaynowOptions) {
    this.server.on("connection", (socket) => {
      this.sockets.add(socket);
      socket.on("close", () => this.sockets.delete(socket));
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(this.options.port ?? 0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  transaction(reference: string): FakeTransaction | undefined {
    return this.byReference.get(reference);
  }

  // The body Paynow would post to the result URL (and answer to a poll) for this transaction.
  statusBody(reference: string, overrides: { status?: string; amount?: string } = {}): string {
    const tx = this.byReference.get(reference);
    if (!tx) throw new Error(`fake paynow: no transaction ${reference}`);
    return encode(
      [
        ["reference", tx.reference],
        ["paynowreference", tx.paynowReference],
        ["amount", overrides.amount ?? tx.amount],
        ["status", overrides.status ?? tx.status],
        ["pollurl", this.pollUrl(tx.guid)],
      ],
      this.options.integrationKey,
    );
  }

  // Changes the status Paynow holds; with `notify`, posts it to the result URL like Paynow does.
  async settle(reference: string, status: string, notify = this.options.deliverCallbacks ?? false): Promise<void> {
    const tx = this.byReference.get(reference);
    if (!tx) throw new Error(`fake paynow: no transaction ${reference}`);
    tx.status = status;
    if (notify) await this.postResult(tx);
  }

  private pollUrl(guid: string) {
    return `${this.url}/interface/checkpayment/?guid=${guid}`;
  }

  private later(ms: number, action: () => Promise<void>) {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void action();
    }, ms);
    this.timers.add(timer);
  }

  private async postResult(tx: FakeTransaction) {
    let httpStatus: number | null = null;
    try {
      const res = await fetch(tx.resultUrl, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: this.statusBody(tx.reference),
      });
      httpStatus = res.status;
    } catch {
      httpStatus = null;
    }
    this.delivered.push({ reference: tx.reference, status: tx.status, httpStatus });
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", this.url);
    const body = req.method === "POST" ? await readBody(req) : "";
    const fields = Object.fromEntries(new URLSearchParams(body));
    this.requests.push({ path: url.pathname, fields });

    if (this.mode === "hang") return;
    if (this.mode === "reset") return void req.socket.destroy();
    if (this.mode === "unavailable" || this.failNext > 0) {
      this.failNext = Math.max(0, this.failNext - 1);
      res.writeHead(503, { "content-type": "text/html" }).end("<h1>503 Service Unavailable</h1>");
      return;
    }
    const path = url.pathname.toLowerCase();
    if (req.method === "POST" && (path === "/interface/initiatetransaction" || path === "/interface/remotetransaction")) {
      return this.reply(res, this.initiate(body, path === "/interface/remotetransaction"));
    }
    if (req.method === "POST" && path === "/interface/checkpayment/") {
      const tx = this.byGuid.get(url.searchParams.get("guid") ?? "");
      if (!tx) return this.reply(res, "status=Error&error=Transaction+not+found");
      return this.reply(res, this.statusBody(tx.reference));
    }
    if (path.startsWith("/payment/confirm/")) return this.checkoutPage(req, res, path.split("/").pop() ?? "");
    res.writeHead(404).end("not found");
  }

  private reply(res: ServerResponse, text: string) {
    if (this.mode === "bad-hash") text = text.replace(/hash=[0-9A-F]{4}/i, "hash=0000");
    res.writeHead(200, { "content-type": "text/plain; charset=utf-8" }).end(text);
  }

  private initiate(body: string, mobile: boolean): string {
    const { integrationId, integrationKey } = this.options;
    const entries = [...new URLSearchParams(body)];
    const get = (name: string) => entries.find(([k]) => k === name)?.[1];
    if (get("hash") !== sign(entries, integrationKey)) return "status=Error&error=Invalid+hash";
    if (get("id") !== integrationId) return "status=Error&error=Invalid+Id.";
    const amount = get("amount") ?? "";
    if (!/^\d+\.\d{2}$/.test(amount) || Number(amount) <= 0) return "status=Error&error=Invalid+amount+field";
    const reference = get("reference");
    if (!reference || !get("resulturl") || !get("returnurl") || get("status") !== "Message") return "status=Error&error=Missing+fields";
    const method = mobile ? get("method") ?? "" : null;
    const phone = mobile ? get("phone") ?? "" : null;
    if (mobile) {
      if (!["ecocash", "onemoney", "innbucks"].includes(method!)) return "status=Error&error=Invalid+method";
      if (!/^07\d{8}$/.test(phone!)) return "status=Error&error=Invalid+phone+number";
      if (!get("authemail")) return "status=Error&error=Auth+email+is+required+for+mobile+transactions";
      if (phone === "0774444444") return "status=Error&error=Insufficient+balance";
    }

    const guid = randomUUID();
    const tx: FakeTransaction = {
      guid,
      reference,
      amount,
      status: mobile ? "Sent" : "Created",
      paynowReference: String(this.nextPaynowReference++),
      resultUrl: get("resulturl")!,
      returnUrl: get("returnurl")!,
      method,
      phone,
      authemail: get("authemail") ?? null,
    };
    this.byGuid.set(guid, tx);
    this.byReference.set(reference, tx);
    const delay = this.options.callbackDelayMs ?? 1_000;
    const outcome: Record<string, [number, string]> = {
      "0771111111": [delay, "Paid"],
      "0772222222": [delay * 3, "Paid"],
      "0773333333": [delay, "Cancelled"],
    };
    if (phone && outcome[phone]) {
      const [ms, status] = outcome[phone];
      this.later(ms, () => this.settle(reference, status));
    }

    if (!mobile) {
      return encode([["Status", "Ok"], ["BrowserUrl", `${this.url}/payment/confirm/${guid}`], ["PollUrl", this.pollUrl(guid)]], integrationKey);
    }
    const reply: [string, string][] = [["status", "Ok"], ["paynowreference", tx.paynowReference], ["pollurl", this.pollUrl(guid)]];
    if (method === "innbucks") {
      reply.push(["authorizationcode", String(100_000_000 + Math.floor(Math.random() * 900_000_000))]);
      reply.push(["authorizationexpires", "5-Dec-2030 14:30"]);
    } else {
      reply.push(["instructions", `Dial *151# and approve the ${amount} payment to Tangabiz with your PIN.`]);
    }
    return encode(reply, integrationKey);
  }

  // Paynow's hosted web checkout, reduced to one button that pays.
  private async checkoutPage(req: IncomingMessage, res: ServerResponse, guid: string) {
    const tx = this.byGuid.get(guid);
    if (!tx) return void res.writeHead(404).end("no such transaction");
    if (req.method === "POST") {
      await this.settle(tx.reference, "Paid");
      return void res.writeHead(303, { location: tx.returnUrl }).end();
    }
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(
      `<!doctype html><title>Paynow (fake)</title><h1>Paynow test checkout</h1><p>${tx.reference}: ${tx.amount}</p>` +
        `<form method="post"><button>Pay with Visa (test)</button></form>`,
    );
  }
}

export function startFakePaynow(options: FakePaynowOptions): Promise<FakePaynow> {
  return new FakePaynow(options).start();
}
