import { hasValidPaynowHash, paynowHash, type PaynowFields } from "./hash";

// A urlencoded Paynow message (request, reply, callback or poll answer) with its fields in message order,
// which the hash depends on. Field names are matched case-insensitively: Paynow replies `Status=Ok&PollUrl=…`
// but posts `status=Paid&pollurl=…`.
export class PaynowMessage {
  constructor(readonly fields: PaynowFields) {}

  static parse(body: string): PaynowMessage {
    return new PaynowMessage([...new URLSearchParams(body.trim())]);
  }

  get(name: string): string | undefined {
    const wanted = name.toLowerCase();
    return this.fields.find(([key]) => key.toLowerCase() === wanted)?.[1];
  }

  isSignedWith(integrationKey: string): boolean {
    return hasValidPaynowHash(this.fields, integrationKey);
  }

  toObject(): Record<string, string> {
    return Object.fromEntries(this.fields.map(([key, value]) => [key.toLowerCase(), value]));
  }
}

// Appends the hash of the values as they are, then URL-encodes for the wire.
export function encodeSignedMessage(fields: PaynowFields, integrationKey: string): string {
  const signed = [...fields, ["hash", paynowHash(fields, integrationKey)] as const];
  return new URLSearchParams(signed.map(([key, value]) => [key, value])).toString();
}
