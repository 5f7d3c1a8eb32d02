import { describe, expect, it } from "vitest";
import { describeAuditEntry } from "@/lib/audit/describe-audit-entry";

const tendai = { name: "Tendai Moyo", email: "tendai@example.test" };

describe("describeAuditEntry", () => {
  it("turns known action codes into sentences with the actor", () => {
    expect(describeAuditEntry({ action: "api_key.created", data: { name: "Till 1", prefix: "tb_live_abcd" }, actor: tendai })).toEqual({
      actor: "Tendai Moyo",
      sentence: "created the API key “Till 1” (tb_live_abcd…)",
    });
    expect(describeAuditEntry({ action: "business.registered", actor: tendai }).sentence).toBe("registered the business");
    expect(describeAuditEntry({ action: "api_key.rotated", data: { graceSeconds: 86_400 }, actor: tendai }).sentence).toBe(
      "rotated an API key (the old one works for 24 more hours)",
    );
    expect(describeAuditEntry({ action: "billing.plan_changed", data: { from: "free", to: "pro" }, actor: null })).toEqual({
      actor: "Tangabiz",
      sentence: "changed the plan from Free to Pro",
    });
    expect(describeAuditEntry({ action: "business.updated", data: { name: "New name" }, actor: tendai }).sentence).toBe(
      "changed the business's name",
    );
  });

  it("falls back to the email, and reads unknown codes as words rather than codes", () => {
    const described = describeAuditEntry({ action: "integration.sync_failed", actor: { name: "", email: "a@example.test" } });
    expect(described).toEqual({ actor: "a@example.test", sentence: "sync failed (integration)" });
    expect(described.sentence).not.toContain("_");
  });

  it("ignores data that is not an object", () => {
    expect(describeAuditEntry({ action: "api_key.created", data: ["x"], actor: tendai }).sentence).toBe("created the API key");
  });
});
