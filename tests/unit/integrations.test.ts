import { describe, expect, it } from "vitest";
import { csvCell, majorUnits } from "@/lib/integrations/files/daily-sales";
import { renderPdf } from "@/lib/integrations/files/minimal-pdf";
import { retryAfterMs } from "@/lib/integrations/provider-http";
import { headerSafeJson } from "@/lib/integrations/providers/dropbox";
import { mailchimpBase, subscriberHash } from "@/lib/integrations/providers/mailchimp";
import { tillCustomerSchema } from "@/lib/customers/schemas";
import { maskSecret } from "@/lib/integrations/credentials";
import { buildOpenApiDocument } from "@/lib/openapi/document";

describe("minimal PDF", () => {
  it("has a cross-reference table whose offsets point at each object", () => {
    const pdf = renderPdf([{ text: "Invoice (INV-1) \\ total", bold: true }, { text: "Zimbabwe dollar — ZiG 10" }], "Invoice INV-1").toString("latin1");
    expect(pdf.startsWith("%PDF-1.4\n")).toBe(true);
    expect(pdf.trimEnd().endsWith("%%EOF")).toBe(true);
    const startxref = Number(/startxref\n(\d+)\n/.exec(pdf)![1]);
    expect(pdf.slice(startxref, startxref + 4)).toBe("xref");
    const entries = pdf.slice(startxref).split("\n").slice(3, 10);
    entries.forEach((entry, i) => {
      const offset = Number(entry.slice(0, 10));
      expect(pdf.slice(offset, offset + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`);
    });
    const length = Number(/\/Length (\d+) >>\nstream\n/.exec(pdf)![1]);
    const streamStart = pdf.indexOf("stream\n") + 7;
    expect(pdf.slice(streamStart + length, streamStart + length + 10)).toBe("\nendstream");
    expect(pdf).toContain("(Invoice \\(INV-1\\) \\\\ total) Tj");
    expect(pdf).toContain("(Zimbabwe dollar ? ZiG 10) Tj");
  });
});

describe("daily sales CSV", () => {
  it("writes exact decimals from minor units", () => {
    expect(majorUnits(1250n, "USD")).toBe("12.50");
    expect(majorUnits(5n, "USD")).toBe("0.05");
    expect(majorUnits(1500n, "JPY")).toBe("1500");
    expect(majorUnits(123456789012n, "ZWG")).toBe("1234567890.12");
  });

  it("quotes what needs quoting and defuses formulas", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell('Rudo, "Jr"')).toBe('"Rudo, ""Jr"""');
    expect(csvCell("=SUM(A1:A9)")).toBe("'=SUM(A1:A9)");
    expect(csvCell("+263771234567")).toBe("'+263771234567");
    expect(csvCell("-12.50")).toBe("-12.50");
  });
});

describe("provider details", () => {
  it("reads Retry-After as seconds or an HTTP date, within bounds", () => {
    expect(retryAfterMs("120")).toBe(120_000);
    expect(retryAfterMs("0")).toBe(1000);
    expect(retryAfterMs(new Date(1_000_000 + 30_000).toUTCString(), 1_000_000)).toBe(30_000);
    expect(retryAfterMs("999999")).toBe(6 * 60 * 60_000);
    expect(retryAfterMs("soon")).toBeUndefined();
    expect(retryAfterMs(null)).toBeUndefined();
  });

  it("Mailchimp: member id is the MD5 of the lowercased email; the data center comes from the key", () => {
    expect(subscriberHash("Urist.McVankab@Freddiesjokes.com")).toBe("62eeb292278cc15f5817cb78f7790b08");
    expect(mailchimpBase("0123abcd-us21")).toBe("https://us21.api.mailchimp.com/3.0");
  });

  it("Dropbox-API-Arg stays ASCII", () => {
    expect(headerSafeJson({ path: "/Café/ZiG—1.csv" })).toBe('{"path":"/Caf\\u00e9/ZiG\\u20141.csv"}');
  });

  it("masks secrets to their last 4 characters", () => {
    expect(maskSecret("pat-na1-0123456789")).toBe("••••6789");
    expect(maskSecret("short")).toBe("••••");
  });
});

describe("till customer", () => {
  it("normalizes email and phone, and needs one of them", () => {
    expect(tillCustomerSchema.parse({ email: "Rudo@Example.TEST", phone: "+263 (77) 123-4567" })).toEqual({ email: "rudo@example.test", phone: "+263771234567" });
    expect(tillCustomerSchema.safeParse({ name: "Only" }).success).toBe(false);
    expect(tillCustomerSchema.safeParse({ email: "not-an-email" }).success).toBe(false);
    expect(tillCustomerSchema.safeParse({ phone: "call me" }).success).toBe(false);
    expect(tillCustomerSchema.safeParse({ email: "a@b.co", extra: 1 }).success).toBe(false);
  });
});

describe("OpenAPI", () => {
  it("documents the integrations routes and the till customer", () => {
    const doc = buildOpenApiDocument("http://localhost:3000");
    expect(doc.paths?.["/api/integrations"]?.get).toBeDefined();
    expect(doc.paths?.["/api/integrations/connect"]?.post?.responses?.["422"]).toBeDefined();
    expect(doc.paths?.["/api/integrations/{provider}/sync"]?.post?.responses?.["202"]).toBeDefined();
    expect(doc.paths?.["/api/integrations/{provider}/runs"]?.get).toBeDefined();
    expect(doc.paths?.["/api/integrations/{provider}"]?.delete).toBeDefined();
    expect(doc.components?.schemas?.TillCustomer).toBeDefined();
  });
});
