import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { createBusiness } from "../helpers/fixtures";
import { connect, drainSyncs, latestRun, syncNow } from "../helpers/integrations";
import { sale } from "../helpers/integrations";
import { withKey } from "../helpers/api-key";
import * as transactions from "@/app/api/pos/transactions/route";

const fake = await vi.hoisted(async () => (await import("../fakes/integrations")).startFakeIntegrations());
afterAll(() => fake.close());

type Shop = Awaited<ReturnType<typeof createBusiness>>;

const yesterday = () => new Date(Date.now() - 86_400_000);
const yesterdayAt = (hour: number) => {
  const d = yesterday();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), hour, 15)).toISOString();
};

// The customers every CRM case starts from: consent + email, email only, phone only.
async function tillCustomers(shop: Shop) {
  expect((await sale(shop.apiKey, { name: "Rudo Moyo", email: "rudo@example.test", phone: "+263771234567", marketingConsent: true })).status).toBe(201);
  expect((await sale(shop.apiKey, { name: "Tendai", email: "tendai@example.test" })).status).toBe(201);
  expect((await sale(shop.apiKey, { name: "Farai Chirwa", phone: "0772000111" })).status).toBe(201);
}

async function salesAndInvoice(shop: Shop) {
  for (const [hour, customer] of [[9, { name: "Rudo, \"Jr\"", email: "rudo@example.test" }], [14, undefined]] as const) {
    const res = await withKey(transactions.POST, "/api/pos/transactions", shop.apiKey, {
      body: { amount: 1250, currency: "USD", type: "sale", reference: `=HYPERLINK-${hour}`, occurredAt: yesterdayAt(hour), ...(customer ? { customer } : {}) },
    });
    expect(res.status).toBe(201);
  }
  await prisma.invoice.create({
    data: {
      businessId: shop.business.id,
      number: `INV-T-${randomBytes(3).toString("hex")}`,
      provider: "paynow",
      status: "paid",
      currency: "USD",
      subtotalCents: 2999,
      totalCents: 2999,
      amountDueCents: 0,
      amountPaidCents: 2999,
      lines: [{ description: "Basic plan", quantity: 1, unitAmountCents: 2999, amountCents: 2999 }],
      paidAt: new Date(),
    },
  });
}

async function lateSaleYesterday(shop: Shop) {
  await withKey(transactions.POST, "/api/pos/transactions", shop.apiKey, {
    body: { amount: 500, currency: "USD", type: "sale", reference: "late-1", occurredAt: yesterdayAt(20) },
  });
}

interface Case {
  provider: string;
  name: string;
  good: () => Record<string, string>;
  bad: () => Record<string, string>;
  badAnswer: string;
  revoke: () => void;
  restore: () => void;
  seed: (shop: Shop) => Promise<void>;
  expected: { sent: number; skipped: number };
  writes: () => number;
  delivered: (shop: Shop) => void | Promise<void>;
}

const writes = (provider: string) => () => fake.requests.filter((r) => r.provider === provider && r.method !== "GET" && r.status < 300 && !r.path.includes("get_current_account")).length;

const cases: Case[] = [
  {
    provider: "salesforce",
    name: "Salesforce",
    good: () => ({ instanceUrl: fake.url, accessToken: fake.salesforce.token }),
    bad: () => ({ instanceUrl: fake.url, accessToken: "00Dexpired" }),
    badAnswer: "Session expired or invalid",
    revoke: () => void (fake.salesforce.token = "00Drevoked"),
    restore: () => void (fake.salesforce.token = "00Dfake!salesforce-session-token-0001"),
    seed: tillCustomers,
    expected: { sent: 3, skipped: 0 },
    writes: writes("salesforce"),
    delivered: () => {
      const contacts = [...fake.salesforce.contacts.values()];
      expect(contacts).toContainEqual({ FirstName: "Rudo", LastName: "Moyo", Email: "rudo@example.test", Phone: "+263771234567" });
      expect(contacts).toContainEqual({ FirstName: "Farai", LastName: "Chirwa", Email: null, Phone: "0772000111" });
    },
  },
  {
    provider: "zoho",
    name: "Zoho CRM",
    good: () => ({ dataCenter: "eu", accessToken: fake.zoho.token }),
    bad: () => ({ dataCenter: "eu", accessToken: "1000.wrong" }),
    badAnswer: "invalid oauth token",
    revoke: () => void (fake.zoho.token = "1000.revoked"),
    restore: () => void (fake.zoho.token = "1000.fakezohoaccesstoken.0001"),
    seed: tillCustomers,
    expected: { sent: 2, skipped: 1 },
    writes: writes("zoho"),
    delivered: () => {
      expect(fake.zoho.contacts.get("rudo@example.test")?.record).toEqual({ Last_Name: "Moyo", First_Name: "Rudo", Email: "rudo@example.test", Phone: "+263771234567" });
      expect(fake.zoho.contacts.has("tendai@example.test")).toBe(true);
    },
  },
  {
    provider: "mailchimp",
    name: "Mailchimp",
    good: () => ({ apiKey: fake.mailchimp.apiKey, listId: fake.mailchimp.listId }),
    bad: () => ({ apiKey: "ffffffffffffffffffffffffffffffff-us21", listId: fake.mailchimp.listId }),
    badAnswer: "Your API key may be invalid",
    revoke: () => void (fake.mailchimp.apiKey = "eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee-us21"),
    restore: () => void (fake.mailchimp.apiKey = "0123456789abcdef0123456789abcdef-us21"),
    seed: tillCustomers,
    expected: { sent: 1, skipped: 2 },
    writes: writes("mailchimp"),
    delivered: () => {
      expect([...fake.mailchimp.members.values()]).toEqual([
        { email_address: "rudo@example.test", status: "subscribed", merge_fields: { FNAME: "Rudo", LNAME: "Moyo" } },
      ]);
    },
  },
  {
    provider: "sendgrid",
    name: "SendGrid",
    good: () => ({ apiKey: fake.sendgrid.apiKey, fromEmail: "receipts@shop.example.test" }),
    bad: () => ({ apiKey: "SG.wrong", fromEmail: "receipts@shop.example.test" }),
    badAnswer: "authorization grant is invalid",
    revoke: () => void (fake.sendgrid.apiKey = "SG.revoked"),
    restore: () => void (fake.sendgrid.apiKey = "SG.fake-sendgrid-key.0001"),
    seed: tillCustomers,
    expected: { sent: 2, skipped: 0 },
    writes: writes("sendgrid"),
    delivered: (shop) => {
      const mine = fake.sendgrid.sent.filter((m) => m.subject.includes(shop.business.name));
      expect(mine.map((m) => m.to).sort()).toEqual(["rudo@example.test", "tendai@example.test"]);
      expect(mine[0]).toMatchObject({ from: "receipts@shop.example.test", subject: `Your receipt from ${shop.business.name} ($12.50)` });
      expect(mine[0].text).toContain("Amount paid: $12.50");
    },
  },
  {
    provider: "google_drive",
    name: "Google Drive",
    good: () => ({ accessToken: fake.googleDrive.token, folderId: fake.googleDrive.folderId }),
    bad: () => ({ accessToken: "ya29.expired", folderId: fake.googleDrive.folderId }),
    badAnswer: "invalid authentication credentials",
    revoke: () => void (fake.googleDrive.token = "ya29.revoked"),
    restore: () => void (fake.googleDrive.token = "ya29.fake-drive-token-0001"),
    seed: salesAndInvoice,
    expected: { sent: 2, skipped: 0 },
    writes: writes("google_drive"),
    delivered: () => {
      const files = [...fake.googleDrive.files.values()];
      const csv = files.find((f) => f.name === `sales-${yesterday().toISOString().slice(0, 10)}.csv`)!;
      expect(csv.mimeType).toBe("text/csv");
      expect(csv.parents).toEqual([fake.googleDrive.folderId]);
      const lines = csv.content.toString().trim().split("\r\n");
      expect(lines[0]).toBe("occurred_at_utc,reference,type,amount,currency,terminal_id,customer_name,customer_email,customer_phone");
      expect(lines[1]).toBe(`${yesterdayAt(9).replace(/\.\d+Z$/, ".000Z")},'=HYPERLINK-9,sale,12.50,USD,,"Rudo, ""Jr""",rudo@example.test,`);
      const pdf = files.find((f) => f.mimeType === "application/pdf")!;
      expect(pdf.content.subarray(0, 8).toString()).toBe("%PDF-1.4");
      expect(pdf.content.toString("latin1")).toContain("(Basic plan    $29.99)");
    },
  },
  {
    provider: "dropbox",
    name: "Dropbox",
    good: () => ({ accessToken: fake.dropbox.token, path: "/Tangabiz/Shop/" }),
    bad: () => ({ accessToken: "sl.expired", path: "/Tangabiz" }),
    badAnswer: "invalid_access_token",
    revoke: () => void (fake.dropbox.token = "sl.revoked"),
    restore: () => void (fake.dropbox.token = "sl.fake-dropbox-token-0001"),
    seed: salesAndInvoice,
    expected: { sent: 2, skipped: 0 },
    writes: writes("dropbox"),
    delivered: () => {
      const csv = fake.dropbox.files.get(`/tangabiz/shop/sales-${yesterday().toISOString().slice(0, 10)}.csv`)!;
      expect(csv.content.toString()).toContain("12.50,USD");
      expect([...fake.dropbox.files.keys()].some((path) => /^\/tangabiz\/shop\/invoice-inv-t-\w+\.pdf$/.test(path))).toBe(true);
    },
  },
];

describe.each(cases)("$name", (c) => {
  it("refuses bad credentials with the provider's answer and saves nothing", async () => {
    const shop = await createBusiness(`${c.name} Bad Shop`);
    const res = await connect(shop.owner.cookie, c.provider, c.bad());
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe("integration_credentials_rejected");
    expect(res.json.error.message).toContain(c.badAnswer);
    expect(await prisma.integration.count({ where: { businessId: shop.business.id } })).toBe(0);
  });

  it("sends the right records once; a second sync sends nothing", async () => {
    const shop = await createBusiness(`${c.name} Sync Shop`);
    const connected = await connect(shop.owner.cookie, c.provider, c.good());
    expect(connected.status).toBe(200);
    expect(JSON.stringify(connected.json)).not.toContain(Object.values(c.good()).find((v) => v.length > 12 && !v.startsWith("http"))!);
    await c.seed(shop);
    const before = c.writes();
    await drainSyncs(shop.business.id);
    expect(await latestRun(shop.business.id, c.provider)).toMatchObject({ status: "succeeded", ...c.expected, updated: 0, failed: 0 });
    await c.delivered(shop);
    const afterFirst = c.writes();
    expect(afterFirst - before).toBeGreaterThan(0);

    expect((await syncNow(shop.owner.cookie, c.provider)).status).toBe(202);
    await drainSyncs(shop.business.id, 0);
    expect(await latestRun(shop.business.id, c.provider)).toMatchObject({ status: "succeeded", sent: 0, updated: 0, skipped: 0, failed: 0 });
    expect(c.writes()).toBe(afterFirst);
  });

  it("honours a 429's Retry-After, then sends", async () => {
    const shop = await createBusiness(`${c.name} Busy Shop`);
    expect((await connect(shop.owner.cookie, c.provider, c.good())).status).toBe(200);
    await drainSyncs(shop.business.id, 0); // the sync that connecting queued
    await c.seed(shop);
    if (c.seed === salesAndInvoice) expect((await syncNow(shop.owner.cookie, c.provider)).status).toBe(202);
    fake.inject({ provider: c.provider, status: 429, retryAfter: "90", times: 1 });
    expect(await drainSyncs(shop.business.id)).toMatchObject({ retried: 1, succeeded: 0 });
    const job = await prisma.job.findFirstOrThrow({ where: { businessId: shop.business.id, kind: "integration.sync", status: "queued" } });
    expect(job.runAt.getTime() - Date.now()).toBeGreaterThan(61_000 + 85_000);
    expect(job.lastError).toContain("429");
    await drainSyncs(shop.business.id, 200_000);
    expect(await latestRun(shop.business.id, c.provider)).toMatchObject({ status: "succeeded", sent: c.expected.sent });
  });

  it("retries a 5xx later, and a 401 puts the integration in error until reconfigured", async () => {
    const shop = await createBusiness(`${c.name} Outage Shop`);
    expect((await connect(shop.owner.cookie, c.provider, c.good())).status).toBe(200);
    await drainSyncs(shop.business.id, 0); // the sync that connecting queued
    await c.seed(shop);
    if (c.seed === salesAndInvoice) expect((await syncNow(shop.owner.cookie, c.provider)).status).toBe(202);
    fake.inject({ provider: c.provider, status: 503, times: 1 });
    expect(await drainSyncs(shop.business.id)).toMatchObject({ retried: 1 });

    c.revoke();
    try {
      expect(await drainSyncs(shop.business.id, 200_000)).toMatchObject({ failed: 1 });
      const integration = await prisma.integration.findFirstOrThrow({ where: { businessId: shop.business.id } });
      expect(integration.status).toBe("error");
      expect(integration.lastError).toContain("refused the credentials (401)");
      expect((await syncNow(shop.owner.cookie, c.provider)).status).toBe(409);
    } finally {
      c.restore();
    }
    expect((await connect(shop.owner.cookie, c.provider, c.good())).status).toBe(200);
    await drainSyncs(shop.business.id);
    expect(await latestRun(shop.business.id, c.provider)).toMatchObject({ status: "succeeded", sent: c.expected.sent });
  });
});

describe("provider specifics", () => {
  it("Mailchimp unsubscribes a customer who withdraws consent, and adds one who gives it", async () => {
    const shop = await createBusiness("Consent Shop");
    await connect(shop.owner.cookie, "mailchimp", { apiKey: fake.mailchimp.apiKey, listId: fake.mailchimp.listId });
    await drainSyncs(shop.business.id, 0); // the sync that connecting queued
    await sale(shop.apiKey, { email: "withdraw@example.test", marketingConsent: true });
    await sale(shop.apiKey, { email: "later@example.test" });
    await drainSyncs(shop.business.id);
    await sale(shop.apiKey, { email: "withdraw@example.test", marketingConsent: false });
    await sale(shop.apiKey, { email: "later@example.test", marketingConsent: true });
    await drainSyncs(shop.business.id);
    expect(await latestRun(shop.business.id, "mailchimp")).toMatchObject({ sent: 1, updated: 1, skipped: 0 });
    const members = [...fake.mailchimp.members.values()].filter((m) => ["withdraw@example.test", "later@example.test"].includes(m.email_address as string));
    expect(members.map((m) => [m.email_address, m.status])).toEqual([
      ["withdraw@example.test", "unsubscribed"],
      ["later@example.test", "subscribed"],
    ]);
  });

  it("Mailchimp refuses an audience that does not exist", async () => {
    const shop = await createBusiness("Wrong List Shop");
    const res = await connect(shop.owner.cookie, "mailchimp", { apiKey: fake.mailchimp.apiKey, listId: "nolist1" });
    expect(res.status).toBe(422);
    expect(res.json.error.message).toBe("Mailchimp refused the connection (404): The requested resource could not be found.");
  });

  it("SendGrid refuses a key without the Mail Send permission", async () => {
    const shop = await createBusiness("No Send Shop");
    fake.sendgrid.scopes = ["user.profile.read"];
    try {
      const res = await connect(shop.owner.cookie, "sendgrid", { apiKey: fake.sendgrid.apiKey, fromEmail: "a@example.test" });
      expect(res.status).toBe(422);
      expect(res.json.error.message).toContain("Mail Send permission");
    } finally {
      fake.sendgrid.scopes = ["mail.send", "user.profile.read"];
    }
  });

  it("Salesforce only calls instance URLs that look like Salesforce's", async () => {
    const shop = await createBusiness("Metadata Shop");
    const before = fake.requests.length;
    const res = await connect(shop.owner.cookie, "salesforce", { instanceUrl: "http://169.254.169.254", accessToken: "x" });
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe("validation_failed");
    expect(res.json.error.message).toContain("instanceUrl: must be your Salesforce instance URL");
    expect(fake.requests.length).toBe(before);
  });

  it("Google Drive and Dropbox replace a day's file when late sales arrive for it", async () => {
    const shop = await createBusiness("Late Shop");
    await connect(shop.owner.cookie, "google_drive", { accessToken: fake.googleDrive.token, folderId: fake.googleDrive.folderId });
    await connect(shop.owner.cookie, "dropbox", { accessToken: fake.dropbox.token, path: "/Late" });
    await salesAndInvoice(shop);
    await drainSyncs(shop.business.id);
    await lateSaleYesterday(shop);
    for (const provider of ["google_drive", "dropbox"]) {
      expect((await syncNow(shop.owner.cookie, provider)).status).toBe(202);
    }
    await drainSyncs(shop.business.id, 0);
    expect(await latestRun(shop.business.id, "google_drive")).toMatchObject({ sent: 0, updated: 1 });
    const day = yesterday().toISOString().slice(0, 10);
    const driveFile = [...fake.googleDrive.files.values()].find((f) => f.name === `sales-${day}.csv` && f.content.toString().includes("late-1"));
    expect(driveFile?.versions).toBe(2);
    expect(fake.dropbox.files.get(`/late/sales-${day}.csv`)?.revisions).toBe(2);
  });

  it("a Google Drive ID that is not a folder is refused", async () => {
    const shop = await createBusiness("File Not Folder Shop");
    const res = await connect(shop.owner.cookie, "google_drive", { accessToken: fake.googleDrive.token, folderId: "missing_id" });
    expect(res.status).toBe(422);
    expect(res.json.error.message).toContain("File not found: missing_id.");
  });
});
