import { describe, expect, it } from "vitest";
import { auditActions, describeAuditEntry } from "@/lib/audit/describe-audit-entry";
import { auditLogCsv } from "@/lib/audit/audit-csv";
import { buildOpenApiDocument } from "@/lib/openapi/document";
import { webhookEventTypes } from "@/lib/webhooks-out/event-types";

describe("OpenAPI: webhooks, Zapier hooks and the audit log", () => {
  const doc = buildOpenApiDocument("http://localhost:3000");

  it("documents every new route and every outgoing event", () => {
    const routes: [string, string][] = [
      ["/api/webhook-endpoints", "get"],
      ["/api/webhook-endpoints", "post"],
      ["/api/webhook-endpoints/{id}", "patch"],
      ["/api/webhook-endpoints/{id}", "delete"],
      ["/api/webhook-endpoints/{id}/rotate-secret", "post"],
      ["/api/webhook-endpoints/{id}/test", "post"],
      ["/api/webhook-endpoints/{id}/deliveries", "get"],
      ["/api/webhook-deliveries/{id}/replay", "post"],
      ["/api/audit-log", "get"],
      ["/api/v1/hooks", "post"],
      ["/api/v1/hooks/{id}", "delete"],
      ["/api/v1/hooks/sample/{event}", "get"],
    ];
    for (const [path, method] of routes) expect((doc.paths?.[path] as Record<string, unknown>)?.[method], `${method} ${path}`).toBeDefined();
    expect(Object.keys(doc.webhooks ?? {})).toEqual([...webhookEventTypes]);
    expect(JSON.stringify(doc.components?.schemas?.WebhookEndpoint)).not.toContain("secretEncrypted");
  });
});

describe("audit sentences", () => {
  it("has a label and a sentence for every action", () => {
    for (const [action, phrase] of Object.entries(auditActions)) {
      expect(phrase.label.length, action).toBeGreaterThan(3);
      const sentence = describeAuditEntry({ action, actorUserId: "u1", actorName: "Tendai", targetLabel: "X", data: { from: "free", to: "pro", role: "admin", events: ["invoice.paid"], changed: ["url"], reason: "r", device: "Chrome on Android" } });
      expect(sentence.startsWith("Tendai "), sentence).toBe(true);
      expect(sentence).not.toContain("undefined");
    }
  });

  it("reads like the issue's example and names the system when no one acted", () => {
    expect(describeAuditEntry({ action: "api_key.revoked", actorUserId: "u1", actorName: "Tendai", targetLabel: "tb_live_zFwc… (Till 2)" })).toBe(
      "Tendai revoked key tb_live_zFwc… (Till 2)",
    );
    expect(describeAuditEntry({ action: "billing.plan_changed", data: { from: "free", to: "pro" } })).toBe("The plan changed from Free to Pro");
    expect(describeAuditEntry({ action: "api_key.created", actorApiKeyId: "k1", targetLabel: "tb_live_abcd… (Zap)" })).toBe("An API key created key tb_live_abcd… (Zap)");
    expect(describeAuditEntry({ action: "something.new", actorUserId: "u1", actorName: "Rudo" })).toBe("Rudo: something.new");
  });

  it("writes CSV cells a spreadsheet will not run as formulas", () => {
    const csv = auditLogCsv([
      {
        id: "1",
        action: "api_key.created",
        actionLabel: "API key created",
        description: 'Tendai created key "=HYPERLINK()"',
        actor: { type: "user", id: "u1", name: "=cmd|' /C calc'!A0" },
        target: { type: "api_key", id: "k1", label: "a,b" },
        ipAddress: null,
        userAgent: null,
        createdAt: new Date("2026-11-28T07:00:00Z"),
      },
    ]);
    expect(csv.split("\r\n")[1]).toBe(`2026-11-28T07:00:00.000Z,"'=cmd|' /C calc'!A0",user,api_key.created,"Tendai created key ""=HYPERLINK()""",api_key,k1,"a,b",,`);
  });
});

describe("webhook-endpoint-disabled email", () => {
  it("names the endpoint, the reason and where to fix it", async () => {
    const { render } = await import("@react-email/components");
    const { default: WebhookEndpointDisabledEmail } = await import("@/emails/webhook-endpoint-disabled");
    const email = WebhookEndpointDisabledEmail({
      businessName: "Mbare Hardware & Tools",
      url: "https://erp.example.co.zw/hooks/tangabiz",
      reason: "Every delivery failed for 5 days.",
      webhooksUrl: "https://app.tangabiz.co.zw/dashboard/webhooks",
    });
    const text = await render(email, { plainText: true });
    const html = await render(email);
    expect(text).toContain("We disabled the webhook endpoint https://erp.example.co.zw/hooks/tangabiz of Mbare Hardware & Tools. Every delivery failed for 5 days.");
    expect(html).toContain('href="https://app.tangabiz.co.zw/dashboard/webhooks"');
  });
});
