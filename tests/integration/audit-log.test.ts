import { CLIENT_IP_HEADER } from "@/lib/api/client-ip-stamp";
import { describe, expect, it } from "vitest";
import * as auditRoute from "@/app/api/audit-log/route";
import * as keyRoute from "@/app/api/api-keys/[id]/route";
import * as rotateRoute from "@/app/api/api-keys/[id]/rotate/route";
import * as keysRoute from "@/app/api/api-keys/route";
import * as businessRoute from "@/app/api/business/route";
import * as posConfigRoute from "@/app/api/business/pos-config/route";
import * as endpointRoute from "@/app/api/webhook-endpoints/[id]/route";
import * as rotateSecretRoute from "@/app/api/webhook-endpoints/[id]/rotate-secret/route";
import * as endpointsRoute from "@/app/api/webhook-endpoints/route";
import { prisma } from "@/lib/db";
import { setSubscription } from "../helpers/api-key";
import { addMember, createBusiness } from "../helpers/fixtures";
import { authCall, call } from "../helpers/http";

// The address as our server stamps it on each request (lib/api/client-ip-stamp.ts); a client-sent
// X-Forwarded-For is never what the audit log records.
const browser = { "user-agent": "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36", [CLIENT_IP_HEADER]: "41.79.12.34", "x-forwarded-for": "6.6.6.6" };

async function activity(cookie: string, query = "") {
  const res = await call(auditRoute.GET, `/api/audit-log${query}`, { cookie });
  if (res.status !== 200) throw new Error(`${res.status} ${JSON.stringify(res.json)}`);
  return res.json.entries as { action: string; description: string; actor: { type: string; id: string | null; name: string }; ipAddress: string | null; userAgent: string | null; target: { label: string | null } }[];
}

describe("audit log", () => {
  it("records API key actions with actor, address and user agent, as sentences", async () => {
    const { owner, business } = await createBusiness("Audit Keys Shop");
    await setSubscription(business.id, { plan: "basic" });
    const created = await call(keysRoute.POST, "/api/api-keys", { cookie: owner.cookie, headers: browser, body: { name: "Till 2" } });
    const id = created.json.apiKey.id;
    const prefix = created.json.apiKey.prefix;
    await call(rotateRoute.POST, "/x", { cookie: owner.cookie, headers: browser, params: { id }, body: { graceSeconds: 3600 } });
    await call(keyRoute.DELETE, "/x", { method: "DELETE", cookie: owner.cookie, headers: browser, params: { id } });

    const entries = await activity(owner.cookie, "?action=api_key.");
    expect(entries.map((e) => e.description)).toEqual([
      `owner revoked key ${prefix}… (Till 2)`,
      `owner rotated key ${prefix}… (Till 2)`,
      `owner created key ${prefix}… (Till 2)`,
      expect.stringMatching(/^owner created key tb_live_\w{4}… \(Production\)$/),
    ]);
    expect(entries[0]).toMatchObject({
      action: "api_key.revoked",
      actor: { type: "user", id: owner.userId, name: "owner" },
      ipAddress: "41.79.12.34",
      userAgent: browser["user-agent"],
    });
  });

  it("records webhook endpoint and settings changes", async () => {
    const { owner } = await createBusiness("Audit Settings Shop");
    const created = await call(endpointsRoute.POST, "/api/webhook-endpoints", { cookie: owner.cookie, body: { url: "https://hooks.example.com/tb", events: ["invoice.paid"] } });
    const id = created.json.endpoint.id;
    await call(endpointRoute.PATCH, "/x", { method: "PATCH", cookie: owner.cookie, params: { id }, body: { events: ["invoice.paid", "payment.failed"], enabled: false } });
    await call(rotateSecretRoute.POST, "/x", { cookie: owner.cookie, params: { id }, body: {} });
    await call(endpointRoute.DELETE, "/x", { method: "DELETE", cookie: owner.cookie, params: { id } });
    await call(businessRoute.PATCH, "/api/business", { method: "PATCH", cookie: owner.cookie, body: { name: "Audit Settings Shop Ltd" } });
    await call(posConfigRoute.PUT, "/api/business/pos-config", { method: "PUT", cookie: owner.cookie, body: { currency: "ZWG" } });

    const descriptions = (await activity(owner.cookie)).map((e) => e.description);
    expect(descriptions.slice(0, 6)).toEqual([
      "owner changed the terminal settings",
      "owner changed the business settings (name)",
      "owner deleted the webhook endpoint https://hooks.example.com/tb",
      "owner rotated the signing secret of https://hooks.example.com/tb",
      "owner changed the webhook endpoint https://hooks.example.com/tb (events, enabled)",
      "owner added the webhook endpoint https://hooks.example.com/tb for invoice.paid",
    ]);
  });

  it("records invitations, role changes and removals made through Better Auth", async () => {
    const { owner, business } = await createBusiness("Audit Team Shop");
    const staff = await addMember(owner.cookie, business.id, "staff");
    const promoted = await authCall("/organization/update-member-role", {
      cookie: owner.cookie,
      headers: browser,
      body: { memberId: staff.memberId, role: "admin", organizationId: business.id },
    });
    expect(promoted.status).toBe(200);
    const removed = await authCall("/organization/remove-member", { cookie: owner.cookie, body: { memberIdOrEmail: staff.memberId, organizationId: business.id } });
    expect(removed.status).toBe(200);
    const refused = await authCall("/organization/update-member-role", { cookie: owner.cookie, body: { memberId: "nope", role: "admin", organizationId: business.id } });
    expect(refused.status).toBe(400);

    const entries = await activity(owner.cookie, "?action=member.");
    expect(entries.map((e) => e.description)).toEqual([
      `owner removed staff <${staff.email}> from the team`,
      `owner changed the role of staff <${staff.email}> from staff to admin`,
      `owner invited ${staff.email} as staff`,
    ]);
    expect(entries[1]).toMatchObject({ ipAddress: "41.79.12.34", userAgent: browser["user-agent"] });
  });

  it("records a sign-in from a device not seen before, once", async () => {
    const { owner } = await createBusiness("Audit Device Shop");
    const signIn = (headers: Record<string, string>) => authCall("/sign-in/email", { headers, body: { email: owner.email, password: owner.password } });
    expect((await signIn({})).status).toBe(200);
    expect(await activity(owner.cookie, "?action=auth.new_device_sign_in")).toEqual([]);
    expect((await signIn(browser)).status).toBe(200);
    expect((await signIn(browser)).status).toBe(200);
    const entries = await activity(owner.cookie, "?action=auth.new_device_sign_in");
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      description: "owner signed in from a new device (Chrome on Android, 41.79.12.34)",
      ipAddress: "41.79.12.34",
    });
  });

  it("filters by actor, action and dates, exports CSV, and is for owners and admins of this business only", async () => {
    const { owner, business } = await createBusiness("Audit Filter Shop");
    const admin = await addMember(owner.cookie, business.id, "admin");
    const staff = await addMember(owner.cookie, business.id, "staff");
    const other = await createBusiness("Audit Other Shop");
    await call(endpointsRoute.POST, "/api/webhook-endpoints", { cookie: admin.cookie, body: { url: "https://a.example.com/=cmd", events: ["invoice.paid"] } });

    const byAdmin = await activity(owner.cookie, `?actor=${admin.userId}`);
    expect(byAdmin.map((e) => e.action)).toEqual(["webhook_endpoint.created"]);
    expect((await activity(owner.cookie, "?action=webhook_endpoint.created")).length).toBe(1);
    const today = new Date().toISOString().slice(0, 10);
    expect((await activity(owner.cookie, `?from=${today}&to=${today}&action=webhook_endpoint.created`)).length).toBe(1);
    expect(await activity(owner.cookie, "?to=2020-01-01")).toEqual([]);
    const backwards = await call(auditRoute.GET, "/api/audit-log?from=2026-02-01&to=2026-01-01", { cookie: owner.cookie });
    expect(backwards.status).toBe(422);
    expect(backwards.json.error).toEqual({ code: "validation_failed", message: "from: must not be after to" });
    const badDate = await call(auditRoute.GET, "/api/audit-log?from=yesterday", { cookie: owner.cookie });
    expect(badDate.status).toBe(422);
    expect(badDate.json.error.message).toContain("from:");

    const csv = await auditRoute.GET(new Request("http://localhost:3000/api/audit-log?format=csv&action=webhook_endpoint.", { headers: { cookie: owner.cookie, origin: "http://localhost:3000" } }), { params: Promise.resolve({}) });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toMatch(/^attachment; filename="tangabiz-activity-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = (await csv.text()).trimEnd().split("\r\n");
    expect(lines[0]).toBe("time_utc,actor,actor_type,action,description,target_type,target_id,target,ip_address,user_agent");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(",admin,user,webhook_endpoint.created,admin added the webhook endpoint https://a.example.com/=cmd for invoice.paid,webhook_endpoint,");

    const staffRes = await call(auditRoute.GET, "/api/audit-log", { cookie: staff.cookie });
    expect(staffRes.status).toBe(403);
    expect(staffRes.json.error.code).toBe("forbidden");
    const theirs = await activity(other.owner.cookie);
    expect(theirs.every((e) => !e.description.includes("a.example.com"))).toBe(true);
    expect(await activity(other.owner.cookie, `?actor=${admin.userId}`)).toEqual([]);
    expect(await prisma.auditLog.count({ where: { businessId: other.business.id, actorUserId: admin.userId } })).toBe(0);
  });
});

