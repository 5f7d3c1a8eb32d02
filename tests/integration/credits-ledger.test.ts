import { describe, expect, it } from "vitest";
import * as ledgerRoute from "@/app/api/credits/ledger/route";
import { addMember } from "../helpers/fixtures";
import { call } from "../helpers/http";
import { addTopupCredits, completeJob, creditsBusiness, reserveJob } from "../helpers/credits";

type Handler = Parameters<typeof call>[0];
const ledger = (cookie: string, query = "") => call(ledgerRoute.GET as Handler, `/api/credits/ledger${query}`, { cookie });

describe("GET /api/credits/ledger", () => {
  it("filters by kind and date, exports CSV, is readable by staff, and shows only the caller's business", async () => {
    const { owner, business, apiKey } = await creditsBusiness("Ledger Shop");
    const other = await creditsBusiness("Ledger Other");
    await addTopupCredits(business.id, 40);
    await addTopupCredits(other.business.id, 99);
    const job = await reserveJob(apiKey, { requestedSeconds: 30 });
    await completeJob(apiKey, job.json.taskId, 12);

    const all = await ledger(owner.cookie);
    expect(all.status).toBe(200);
    expect(all.json.entries.map((e: { kind: string; delta: number }) => [e.kind, e.delta])).toEqual([
      ["settlement", -3],
      ["adjustment", 40],
    ]);
    const settled = await ledger(owner.cookie, "?kind=settlement");
    expect(settled.json.entries).toHaveLength(1);
    const today = new Date().toISOString().slice(0, 10);
    expect((await ledger(owner.cookie, `?from=${today}&to=${today}`)).json.entries).toHaveLength(2);
    expect((await ledger(owner.cookie, "?from=2020-01-01&to=2020-01-31")).json.entries).toHaveLength(0);
    expect((await ledger(owner.cookie, "?kind=&from=&to=")).json.entries).toHaveLength(2);
    const bad = await ledger(owner.cookie, "?kind=gift");
    expect(bad.status).toBe(422);
    expect(bad.json.error.message).toMatch(/^kind/);

    const staff = await addMember(owner.cookie, business.id, "staff");
    const req = new Request("http://localhost:3000/api/credits/ledger?format=csv", { headers: { cookie: staff.cookie, origin: "http://localhost:3000" } });
    const res = await ledgerRoute.GET(req, { params: Promise.resolve({}) });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const lines = (await res.text()).trim().split("\r\n");
    expect(lines[0]).toBe("time_utc,kind,bucket,delta,description,reservation_id,order_id,invoice_id,shopify_delivery_id");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`"settlement","topup",-3,"Job settled","${job.json.taskId}"`);
    // The other business's +99 never appears (a bare "99" could be part of an id).
    expect(lines.join("\n")).not.toContain(",99,");
  });
});
