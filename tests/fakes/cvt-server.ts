import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

// A local stand-in for CVT's POST /v1/verify: Bearer secret required; known keys answer their customer,
// unknown keys 401; "slow" keys never answer in time; "broken" keys 500.
export interface FakeCvt {
  url: string;
  secret: string;
  customers: Map<string, object>;
  calls: { authorization?: string; body: unknown }[];
  close(): Promise<void>;
}

export async function startFakeCvt(secret = "cvt_secret_test"): Promise<FakeCvt> {
  const customers = new Map<string, object>();
  const calls: FakeCvt["calls"] = [];
  const server: Server = createServer(async (req, res) => {
    let raw = "";
    for await (const chunk of req) raw += chunk;
    const body = raw ? JSON.parse(raw) : null;
    calls.push({ authorization: req.headers.authorization, body });
    const reply = (status: number, json: object) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(json));
    if (req.method !== "POST" || req.url !== "/v1/verify") return reply(404, { error: "not found" });
    if (req.headers.authorization !== `Bearer ${secret}`) return reply(401, { error: "bad secret" });
    const key = body?.api_key as string;
    if (key?.startsWith("slow")) return; // never answers
    if (key?.startsWith("broken")) return reply(500, { error: "boom" });
    const customer = customers.get(key);
    return customer ? reply(200, customer) : reply(401, { error: "invalid api key" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    secret,
    customers,
    calls,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
