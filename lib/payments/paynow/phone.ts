// Zimbabwe mobile numbers: 07X XXX XXXX locally, +263 7X XXX XXXX internationally. The third digit names the
// network, and a mobile-money wallet lives on its network: EcoCash on Econet, OneMoney on NetOne.

export type MobileMethod = "ecocash" | "onemoney" | "innbucks";

const networks: Record<string, string> = { "71": "NetOne", "73": "Telecel", "77": "Econet", "78": "Econet" };

const allowed: Record<MobileMethod, { prefixes: string[]; needs: string }> = {
  ecocash: { prefixes: ["77", "78"], needs: "an Econet number (077 or 078)" },
  onemoney: { prefixes: ["71"], needs: "a NetOne number (071)" },
  // InnBucks wallets are opened with any Zimbabwean mobile number.
  innbucks: { prefixes: ["71", "73", "77", "78"], needs: "a Zimbabwean mobile number" },
};

const methodNames: Record<MobileMethod, string> = { ecocash: "EcoCash", onemoney: "OneMoney", innbucks: "InnBucks" };

// Accepts "0771234567", "+263771234567", "263 77 123 4567" (spaces, dashes, dots, brackets ignored) and
// answers the local form Paynow expects, or null.
export function normalizeZimbabweMobile(input: string): string | null {
  const compact = input.trim().replace(/[\s().-]/g, "");
  const match = /^(?:0|\+?263)(7\d{8})$/.exec(compact);
  return match ? `0${match[1]}` : null;
}

export type PhoneCheck = { ok: true; phone: string } | { ok: false; message: string };

export function checkPhoneForMethod(method: MobileMethod, input: string | undefined): PhoneCheck {
  const name = methodNames[method];
  if (!input?.trim()) return { ok: false, message: `${name} needs the mobile number of the wallet to charge.` };
  const phone = normalizeZimbabweMobile(input);
  if (!phone) {
    return { ok: false, message: `"${input.trim()}" is not a Zimbabwean mobile number: use 07XXXXXXXX or +2637XXXXXXXX.` };
  }
  const prefix = phone.slice(1, 3);
  if (!allowed[method].prefixes.includes(prefix)) {
    const network = networks[prefix] ?? "an unknown network";
    return { ok: false, message: `${phone} is on ${network}; ${name} needs ${allowed[method].needs}.` };
  }
  return { ok: true, phone };
}
