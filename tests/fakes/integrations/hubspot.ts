import { bearerToken, nextId, type FakeRequest, type Reply, type Route } from "./server";

// HubSpot CRM v3 contacts: Bearer private app token; batch upsert by email (idProperty), ≤ 100 inputs.
export class FakeHubspot {
  token = "pat-na1-fake-hubspot-token-0001";
  contacts = new Map<string, { id: string; properties: Record<string, string> }>();

  private unauthorized(req: FakeRequest): Reply | null {
    if (bearerToken(req) === this.token) return null;
    return {
      status: 401,
      json: {
        status: "error",
        message: "Authentication credentials not found. This API supports OAuth 2.0 authentication.",
        correlationId: "c0ffee00-0000-4000-8000-000000000001",
        category: "INVALID_AUTHENTICATION",
      },
    };
  }

  routes(): Route[] {
    return [
      {
        provider: "hubspot",
        method: "GET",
        pattern: /^\/crm\/v3\/objects\/contacts$/,
        handle: (req) => this.unauthorized(req) ?? { status: 200, json: { results: [...this.contacts.values()].slice(0, 1) } },
      },
      {
        provider: "hubspot",
        method: "POST",
        pattern: /^\/crm\/v3\/objects\/contacts\/batch\/upsert$/,
        handle: (req) => this.unauthorized(req) ?? this.upsert(req),
      },
    ];
  }

  private upsert(req: FakeRequest): Reply {
    const inputs = (req.json as { inputs?: unknown })?.inputs;
    const invalid = (message: string): Reply => ({ status: 400, json: { status: "error", message, category: "VALIDATION_ERROR" } });
    if (!Array.isArray(inputs) || inputs.length === 0 || inputs.length > 100) return invalid("inputs must be an array of 1 to 100 items");
    for (const input of inputs) {
      if (input.idProperty !== "email" || typeof input.id !== "string") return invalid("each input needs idProperty \"email\" and id");
      if (typeof input.properties !== "object") return invalid("each input needs properties");
      if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(input.id) || input.id.endsWith(".invalid")) {
        return invalid(`Property values were not valid: email "${input.id}" is invalid`);
      }
    }
    const now = new Date().toISOString();
    const results = inputs.map((input: { id: string; properties: Record<string, string> }) => {
      const email = input.id.toLowerCase();
      const existing = this.contacts.get(email);
      const contact = { id: existing?.id ?? nextId(), properties: { ...existing?.properties, ...input.properties, email } };
      this.contacts.set(email, contact);
      return { id: contact.id, properties: contact.properties, new: !existing, archived: false, createdAt: now, updatedAt: now };
    });
    return { status: 200, json: { status: "COMPLETE", results, startedAt: now, completedAt: now } };
  }
}
