import { bearerToken, nextId, type FakeRequest, type Reply, type Route } from "./server";

// Salesforce REST (sObject Contact): Bearer access token; create answers 201 { id, success, errors }, update 204;
// LastName is required; an expired session answers 401 INVALID_SESSION_ID.
export class FakeSalesforce {
  token = "00Dfake!salesforce-session-token-0001";
  contacts = new Map<string, Record<string, unknown>>();

  private unauthorized(req: FakeRequest): Reply | null {
    if (bearerToken(req) === this.token) return null;
    return { status: 401, json: [{ message: "Session expired or invalid", errorCode: "INVALID_SESSION_ID" }] };
  }

  private invalid(fields: Record<string, unknown>): Reply | null {
    if (typeof fields?.LastName !== "string" || !fields.LastName) {
      return { status: 400, json: [{ message: "Required fields are missing: [LastName]", errorCode: "REQUIRED_FIELD_MISSING", fields: ["LastName"] }] };
    }
    const unknown = Object.keys(fields).filter((key) => !["FirstName", "LastName", "Email", "Phone"].includes(key));
    if (unknown.length) return { status: 400, json: [{ message: `No such column '${unknown[0]}' on sobject of type Contact`, errorCode: "INVALID_FIELD" }] };
    if (typeof fields.Email === "string" && fields.Email.endsWith(".invalid")) {
      return { status: 400, json: [{ message: `Email: invalid email address: ${fields.Email}`, errorCode: "INVALID_EMAIL_ADDRESS", fields: ["Email"] }] };
    }
    return null;
  }

  routes(): Route[] {
    return [
      {
        provider: "salesforce",
        method: "GET",
        pattern: /^\/services\/data\/v\d+\.\d\/sobjects\/Contact\/describe$/,
        handle: (req) => this.unauthorized(req) ?? { status: 200, json: { name: "Contact", createable: true, updateable: true } },
      },
      {
        provider: "salesforce",
        method: "POST",
        pattern: /^\/services\/data\/v\d+\.\d\/sobjects\/Contact\/?$/,
        handle: (req) => {
          const refused = this.unauthorized(req) ?? this.invalid(req.json as Record<string, unknown>);
          if (refused) return refused;
          const id = `003${nextId().padStart(15, "0")}`;
          this.contacts.set(id, req.json as Record<string, unknown>);
          return { status: 201, json: { id, success: true, errors: [] } };
        },
      },
      {
        provider: "salesforce",
        method: "PATCH",
        pattern: /^\/services\/data\/v\d+\.\d\/sobjects\/Contact\/([\w]+)$/,
        handle: (req, match) => {
          const refused = this.unauthorized(req) ?? this.invalid(req.json as Record<string, unknown>);
          if (refused) return refused;
          if (!this.contacts.has(match[1])) return { status: 404, json: [{ message: "The requested resource does not exist", errorCode: "NOT_FOUND" }] };
          this.contacts.set(match[1], { ...this.contacts.get(match[1]), ...(req.json as object) });
          return { status: 204 };
        },
      },
    ];
  }
}
