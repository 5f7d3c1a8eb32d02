import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { centsToDecimal, decimalToCents } from "@/lib/payments/paynow/amount";
import { hasValidPaynowHash, paynowHash } from "@/lib/payments/paynow/hash";
import { encodeSignedMessage, PaynowMessage } from "@/lib/payments/paynow/message";

const KEY = "3e9fed89-60e1-4ce5-ab6e-6b1eb2d4f977";
const POLL = "https://www.paynow.co.zw/Interface/CheckPayment/?guid=3cb27f4b-b3ef-4d1f-9178-5e5e62a43995";
// SHA-512 of the literal string below, computed outside this code base (Python hashlib) and pasted here.
const RESULT_HASH =
  "781E37D664F9DD02B1CD3D42E976350A0FBD9461E02B87B80019C2DDBC792A08BB4C6D8B88B3F7D582A095000A44748BBE9D73EF6A545DD031FE6F17C73425D9";
const resultFields: [string, string][] = [
  ["reference", "INV-2026-000001-AB12CD34"],
  ["paynowreference", "40001"],
  ["amount", "29.99"],
  ["status", "Paid"],
  ["pollurl", POLL],
];

describe("Paynow hash", () => {
  it("matches a vector computed by hand: values in message order, raw, then the key", () => {
    const literal = `INV-2026-000001-AB12CD344000129.99Paid${POLL}${KEY}`;
    expect(createHash("sha512").update(literal).digest("hex").toUpperCase()).toBe(RESULT_HASH);
    expect(paynowHash(resultFields, KEY)).toBe(RESULT_HASH);
  });

  it("signs an outgoing initiate message the same way", () => {
    const fields: [string, string][] = [
      ["id", "1201"],
      ["reference", "INV-2026-000001-AB12CD34"],
      ["amount", "29.99"],
      ["additionalinfo", "Tangabiz invoice INV-2026-000001"],
      ["returnurl", "http://localhost:3000/pay/tok"],
      ["resulturl", "http://localhost:3000/api/webhooks/paynow"],
      ["authemail", "payer@example.test"],
      ["phone", "0771111111"],
      ["method", "ecocash"],
      ["status", "Message"],
    ];
    const expected =
      "CF00BB2CDB5F269748DCAE6DB87F90098C3FEF952C900BB3859B2DA2D66B71E33C6CA385D4FD81C972E8B26310E51252B6DF3BE85E2788CBD8DBD6FC1A0A3CF6";
    expect(paynowHash(fields, KEY)).toBe(expected);
    const wire = new URLSearchParams(encodeSignedMessage(fields, KEY));
    expect(wire.get("hash")).toBe(expected);
    expect(wire.get("additionalinfo")).toBe("Tangabiz invoice INV-2026-000001");
  });

  it("verifies a message as it arrives on the wire, URL-decoding values before hashing", () => {
    const wire = new URLSearchParams([...resultFields, ["hash", RESULT_HASH]]).toString();
    expect(wire).toContain("pollurl=https%3A%2F%2F");
    const message = PaynowMessage.parse(wire);
    expect(message.isSignedWith(KEY)).toBe(true);
    expect(message.get("POLLURL")).toBe(POLL);
  });

  it("is not the hash of the seed's alphabetical order nor of URL-encoded values (the SDK's bug)", () => {
    const sorted = [...resultFields].sort(([a], [b]) => a.localeCompare(b));
    expect(paynowHash(sorted, KEY)).not.toBe(RESULT_HASH);
    const encoded = resultFields.map(([k, v]) => [k, encodeURIComponent(v)] as [string, string]);
    expect(hasValidPaynowHash([...encoded, ["hash", RESULT_HASH]], KEY)).toBe(false);
  });

  it("accepts Paynow's key in any case, since Paynow hashes its lowercase GUID form", () => {
    expect(paynowHash(resultFields, KEY.toUpperCase())).toBe(RESULT_HASH);
  });

  it("rejects tampered, missing, duplicated, short and non-hex hashes without throwing", () => {
    const tampered = resultFields.map(([k, v]) => [k, k === "amount" ? "2999.00" : v] as [string, string]);
    expect(hasValidPaynowHash([...tampered, ["hash", RESULT_HASH]], KEY)).toBe(false);
    expect(hasValidPaynowHash(resultFields, KEY)).toBe(false);
    expect(hasValidPaynowHash([...resultFields, ["hash", RESULT_HASH], ["hash", RESULT_HASH]], KEY)).toBe(false);
    expect(hasValidPaynowHash([...resultFields, ["hash", RESULT_HASH.slice(0, 64)]], KEY)).toBe(false);
    expect(hasValidPaynowHash([...resultFields, ["hash", "Z".repeat(128)]], KEY)).toBe(false);
    expect(hasValidPaynowHash([...resultFields, ["hash", ""]], KEY)).toBe(false);
    expect(hasValidPaynowHash([...resultFields, ["hash", RESULT_HASH]], "another-key")).toBe(false);
  });

  it("treats the hash field name case-insensitively (Paynow replies with Hash=)", () => {
    expect(hasValidPaynowHash([...resultFields, ["Hash", RESULT_HASH]], KEY)).toBe(true);
    expect(hasValidPaynowHash([...resultFields, ["Hash", RESULT_HASH.toLowerCase()]], KEY)).toBe(true);
  });
});

describe("Paynow amounts", () => {
  it("converts minor units to Paynow's decimals and back exactly", () => {
    expect(centsToDecimal(2999)).toBe("29.99");
    expect(centsToDecimal(5)).toBe("0.05");
    expect(centsToDecimal(80_000)).toBe("800.00");
    expect(decimalToCents("29.99")).toBe(2999);
    expect(decimalToCents("29.9")).toBe(2990);
    expect(decimalToCents("30")).toBe(3000);
    expect(decimalToCents(" 0.07 ")).toBe(7);
    // 0.1 + 0.2 style float errors cannot happen: 1.15 * 100 is 114.99999999999999 in floats.
    expect(decimalToCents("1.15")).toBe(115);
  });

  it("refuses anything that is not a plain decimal", () => {
    for (const bad of ["", "abc", "1,000.00", "29.999", "-5.00", "1e3", "29.99 USD", ".50"]) expect(decimalToCents(bad)).toBeNull();
    expect(() => centsToDecimal(-1)).toThrow();
    expect(() => centsToDecimal(1.5)).toThrow();
  });
});
