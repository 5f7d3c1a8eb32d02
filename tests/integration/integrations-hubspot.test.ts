import { afterAll, describe, expect, it } from "vitest";
import { vi } from "vitest";
import { prisma } from "@/lib/db";
import { addMember, createBusiness } from "../helpers/fixtures";
import { connect, disconnect, drainSyncs, latestRun, listIntegrations, sale, syncNow, syncRuns } from "../helpers/integrations";

const fake = await vi.hoisted(async () => (await import("../fakes/integrations")).startFakeIntegrations());
afterAll(() => fake.close());

const upserts = () => fake.requests.filter((r) => r.path === "/crm/v3/objects/contacts/batch/upsert" && r.status === 200);

async function connectedShop(name: string) {
  const shop = await createBusiness(name);
  const res = await connect(shop.owner.cookie, "hubspot", { accessToken: fake.hubspot.token });
  expect(res.status).toBe(200);
  await drainSyncs(shop.business.id); // the first sync queued by connecting
  return shop;
}

describe("HubSpot", () => {
  it("refuses bad credentials with HubSpot's answer and saves nothing", async () => {
    const { owner, business } = await createBusiness("Bad Token Shop");
    const res = await connect(owner.cookie, "hubspot", { accessToken: "pat-na1-wrong-token-9999" });
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe("integration_credentials_rejected");
    expect(res.json.error.message).toContain("Authentication credentials not found");
    expect(await prisma.integration.count({ where: { businessId: business.id } })).toBe(0);
  });

  it("stores the token encrypted and shows only its last 4 characters", async () => {
    const { owner, business } = await createBusiness("Masked Shop");
    const res = await connect(owner.cookie, "hubspot", { accessToken: fake.hubspot.token });
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.json)).not.toContain(fake.hubspot.token);
    expect(res.json.integration).toMatchObject({ provider: "hubspot", status: "active", connected: true, credentials: { accessToken: "••••0001" } });
    const row = await prisma.integration.findFirstOrThrow({ where: { businessId: business.id } });
    expect(row.credentialsEncrypted).toMatch(/^v1:/);
    expect(row.credentialsEncrypted).not.toContain("0001");
    const list = await listIntegrations(owner.cookie);
    expect(list.json.integrations).toHaveLength(8);
    expect(JSON.stringify(list.json)).not.toContain(fake.hubspot.token);
  });

  it("sends a till customer once, then only when it changes", async () => {
    const { owner, business, apiKey } = await connectedShop("Sync Shop");
    expect((await sale(apiKey, { name: "Rudo Moyo", email: "Rudo@Example.test", phone: "+263 77 123 4567", marketingConsent: true })).status).toBe(201);
    expect((await sale(apiKey, { email: "rudo@example.test" })).status).toBe(201); // same customer, nothing new
    expect((await sale(apiKey, { phone: "0772000111" })).status).toBe(201); // no email: HubSpot cannot take it
    const customers = await prisma.customer.findMany({ where: { businessId: business.id }, orderBy: { createdAt: "asc" } });
    expect(customers.map((c) => [c.matchKey, c.version])).toEqual([
      ["email:rudo@example.test", 1],
      ["phone:0772000111", 1],
    ]);
    const queued = await prisma.job.findMany({ where: { businessId: business.id, kind: "integration.sync", status: "queued" } });
    expect(queued).toHaveLength(1);
    expect(queued[0].runAt.getTime()).toBeGreaterThan(Date.now());

    const before = upserts().length;
    await drainSyncs(business.id);
    expect(upserts().length).toBe(before + 1);
    expect(fake.hubspot.contacts.get("rudo@example.test")?.properties).toEqual({
      email: "rudo@example.test",
      firstname: "Rudo",
      lastname: "Moyo",
      phone: "+263771234567",
    });
    expect(await latestRun(business.id, "hubspot")).toMatchObject({ status: "succeeded", sent: 1, updated: 0, skipped: 1, failed: 0 });

    const again = await syncNow(owner.cookie, "hubspot");
    expect(again.status).toBe(202);
    await drainSyncs(business.id, 0);
    expect(upserts().length).toBe(before + 1);
    expect(await latestRun(business.id, "hubspot")).toMatchObject({ status: "succeeded", sent: 0, updated: 0, skipped: 0, jobId: again.json.jobId });

    await sale(apiKey, { name: "Rudo Moyo-Ncube", email: "rudo@example.test" });
    await drainSyncs(business.id);
    expect(upserts().length).toBe(before + 2);
    expect(fake.hubspot.contacts.get("rudo@example.test")?.properties.lastname).toBe("Moyo-Ncube");
    expect(await latestRun(business.id, "hubspot")).toMatchObject({ sent: 0, updated: 1 });

    const history = await syncRuns(owner.cookie, "hubspot");
    expect(history.status).toBe(200);
    expect(history.json.runs.map((r: { trigger: string }) => r.trigger)).toEqual(["event", "manual", "event", "connect"]);
  });

  it("fails only the record HubSpot refuses", async () => {
    const { business, apiKey } = await connectedShop("Partial Shop");
    await sale(apiKey, { email: "good@example.test" });
    await sale(apiKey, { email: "bad@example.invalid" });
    await drainSyncs(business.id);
    const run = await latestRun(business.id, "hubspot");
    expect(run).toMatchObject({ status: "succeeded", sent: 1, failed: 1 });
    expect(JSON.stringify(run.errors)).toContain("bad@example.invalid");
    expect(fake.hubspot.contacts.has("good@example.test")).toBe(true);
  });

  it("waits out a 429 with its Retry-After, then sends", async () => {
    const { business, apiKey } = await connectedShop("Busy Shop");
    await sale(apiKey, { email: "busy@example.test" });
    fake.inject({ provider: "hubspot", status: 429, retryAfter: "120", times: 1 });
    const first = await drainSyncs(business.id);
    expect(first).toMatchObject({ claimed: 1, retried: 1 });
    const job = await prisma.job.findFirstOrThrow({ where: { businessId: business.id, kind: "integration.sync", status: "queued" } });
    const delay = job.runAt.getTime() - Date.now();
    expect(delay).toBeGreaterThan(170_000); // 61 s ahead + 120 s
    expect(job.lastError).toContain("429");
    expect(await latestRun(business.id, "hubspot")).toMatchObject({ status: "failed", sent: 0 });
    expect(fake.hubspot.contacts.has("busy@example.test")).toBe(false);

    await drainSyncs(business.id, 200_000);
    expect(fake.hubspot.contacts.has("busy@example.test")).toBe(true);
    expect(await latestRun(business.id, "hubspot")).toMatchObject({ status: "succeeded", sent: 1 });
  });

  it("goes to error on 401 and stays there until reconfigured", async () => {
    const { owner, business, apiKey } = await connectedShop("Revoked Shop");
    await sale(apiKey, { email: "revoked@example.test" });
    const original = fake.hubspot.token;
    fake.hubspot.token = "pat-na1-rotated-token-0002";
    const result = await drainSyncs(business.id);
    expect(result).toMatchObject({ claimed: 1, failed: 1 });
    const integration = await prisma.integration.findFirstOrThrow({ where: { businessId: business.id } });
    expect(integration.status).toBe("error");
    expect(integration.lastError).toContain("401");

    const refused = await syncNow(owner.cookie, "hubspot");
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe("conflict");
    const listed = (await listIntegrations(owner.cookie)).json.integrations.find((i: { provider: string }) => i.provider === "hubspot");
    expect(listed).toMatchObject({ status: "error", lastError: expect.stringContaining("refused the credentials") });

    const reconfigured = await connect(owner.cookie, "hubspot", { accessToken: fake.hubspot.token });
    expect(reconfigured.status).toBe(200);
    expect(reconfigured.json.integration).toMatchObject({ status: "active", credentials: { accessToken: "••••0002" } });
    await drainSyncs(business.id);
    expect(fake.hubspot.contacts.has("revoked@example.test")).toBe(true);
    fake.hubspot.token = original;
  });

  it("disconnect deletes the credentials, stops queued syncs and keeps the history", async () => {
    const { owner, business, apiKey } = await connectedShop("Leaving Shop");
    await sale(apiKey, { email: "leaving@example.test" });
    const res = await disconnect(owner.cookie, "hubspot");
    expect(res.status).toBe(200);
    const integration = await prisma.integration.findFirstOrThrow({ where: { businessId: business.id } });
    expect(integration).toMatchObject({ status: "inactive", credentialsEncrypted: null, credentialHints: null });
    expect(await prisma.job.count({ where: { businessId: business.id, kind: "integration.sync", status: "queued" } })).toBe(0);
    expect(await prisma.integrationSyncRun.count({ where: { businessId: business.id } })).toBe(1);
    expect((await drainSyncs(business.id)).claimed).toBe(0);
    expect(fake.hubspot.contacts.has("leaving@example.test")).toBe(false);
    expect((await disconnect(owner.cookie, "hubspot")).status).toBe(404);
    expect((await syncNow(owner.cookie, "hubspot")).status).toBe(404);
  });
});

describe("till customers under concurrency", () => {
  it("many simultaneous sales of one customer make one customer, one waiting sync and one contact", async () => {
    const { business, apiKey } = await connectedShop("Rush Shop");
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => sale(apiKey, { email: "rush@example.test", ...(i === 29 ? { name: "Last Name" } : {}) })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(30).fill(201));
    const customers = await prisma.customer.findMany({ where: { businessId: business.id } });
    expect(customers).toHaveLength(1);
    expect(customers[0].name).toBe("Last Name");
    expect(await prisma.usageEvent.count({ where: { businessId: business.id, customerId: customers[0].id } })).toBe(30);
    expect(await prisma.job.count({ where: { businessId: business.id, kind: "integration.sync", status: "queued" } })).toBe(1);
    await drainSyncs(business.id);
    expect(await latestRun(business.id, "hubspot")).toMatchObject({ sent: 1 });
    expect(fake.hubspot.contacts.get("rush@example.test")?.properties.lastname).toBe("Name");
  });
});

describe("integration routes: roles and tenancy", () => {
  it("refuses staff on every route", async () => {
    const { owner, business } = await createBusiness("Staff Shop");
    const staff = await addMember(owner.cookie, business.id, "staff");
    for (const res of [
      await listIntegrations(staff.cookie),
      await connect(staff.cookie, "hubspot", { accessToken: fake.hubspot.token }),
      await syncNow(staff.cookie, "hubspot"),
      await disconnect(staff.cookie, "hubspot"),
      await syncRuns(staff.cookie, "hubspot"),
    ]) {
      expect(res.status).toBe(403);
      expect(res.json.error.code).toBe("forbidden");
    }
    const admin = await addMember(owner.cookie, business.id, "admin");
    expect((await connect(admin.cookie, "hubspot", { accessToken: fake.hubspot.token })).status).toBe(200);
  });

  it("never shows or touches another business's integration", async () => {
    const a = await connectedShop("Tenant A");
    const b = await createBusiness("Tenant B");
    await sale(a.apiKey, { email: "tenant-a@example.test" });
    await drainSyncs(a.business.id);
    const listed = (await listIntegrations(b.owner.cookie)).json.integrations.find((i: { provider: string }) => i.provider === "hubspot");
    expect(listed).toMatchObject({ status: "inactive", connected: false, lastRun: null });
    expect((await syncRuns(b.owner.cookie, "hubspot")).json.runs).toEqual([]);
    expect((await syncNow(b.owner.cookie, "hubspot")).status).toBe(404);
    expect((await disconnect(b.owner.cookie, "hubspot")).status).toBe(404);
    expect((await prisma.integration.findFirstOrThrow({ where: { businessId: a.business.id } })).status).toBe("active");
    expect(await prisma.customer.count({ where: { businessId: b.business.id } })).toBe(0);
  });

  it("refuses a till customer without email or phone, and nothing is recorded", async () => {
    const { business, apiKey } = await createBusiness("Nameless Shop");
    const res = await sale(apiKey, { name: "Only A Name" });
    expect(res.status).toBe(422);
    expect(res.json.error.message).toContain("customer: needs an email or a phone number");
    expect(await prisma.usageEvent.count({ where: { businessId: business.id } })).toBe(0);
  });

  it("refuses an unknown provider and Zapier's connect (it uses webhook endpoints)", async () => {
    const { owner } = await createBusiness("Zapier Shop");
    const unknown = await connect(owner.cookie, "pipedrive", { token: "x" });
    expect(unknown.status).toBe(422);
    expect(unknown.json.error.message).toContain("provider");
    const unknownPath = await syncNow(owner.cookie, "pipedrive");
    expect(unknownPath.status).toBe(404);
    expect(unknownPath.json.error.code).toBe("not_found");
    const zapier = await connect(owner.cookie, "zapier", {});
    expect(zapier.status).toBe(422);
    expect(zapier.json.error.message).toContain("webhook endpoints");
  });
});
