import { nextId, type FakeRequest, type Reply, type Route } from "./server";

// Zoho CRM v8: `Authorization: Zoho-oauthtoken <token>`; Contacts/upsert takes { data: [...≤100], duplicate_check_fields }
// and answers one result per record (insert or update), 207 when some failed.
export class FakeZoho {
  token = "1000.fakezohoaccesstoken.0001";
  contacts = new Map<string, { id: string; record: Record<string, unknown> }>();

  private unauthorized(req: FakeRequest): Reply | null {
    if (req.headers.authorization === `Zoho-oauthtoken ${this.token}`) return null;
    return { status: 401, json: { code: "INVALID_TOKEN", details: {}, message: "invalid oauth token", status: "error" } };
  }

  routes(): Route[] {
    return [
      {
        provider: "zoho",
        method: "GET",
        pattern: /^\/crm\/v8\/users$/,
        handle: (req) =>
          this.unauthorized(req) ??
          (req.query.get("type") === "CurrentUser"
            ? { status: 200, json: { users: [{ id: "4150868000000225013", email: "owner@example.test", status: "active" }] } }
            : { status: 400, json: { code: "REQUIRED_PARAM_MISSING", message: "type is required", status: "error" } }),
      },
      {
        provider: "zoho",
        method: "POST",
        pattern: /^\/crm\/v8\/Contacts\/upsert$/,
        handle: (req) => this.unauthorized(req) ?? this.upsert(req),
      },
    ];
  }

  private upsert(req: FakeRequest): Reply {
    const body = req.json as { data?: Record<string, unknown>[]; duplicate_check_fields?: string[] } | null;
    if (!Array.isArray(body?.data) || body.data.length === 0 || body.data.length > 100) {
      return { status: 400, json: { code: "INVALID_DATA", message: "data must hold 1 to 100 records", status: "error" } };
    }
    if (JSON.stringify(body.duplicate_check_fields) !== JSON.stringify(["Email"])) {
      return { status: 400, json: { code: "INVALID_DATA", message: "expected duplicate_check_fields [\"Email\"]", status: "error" } };
    }
    let failures = 0;
    const data = body.data.map((record) => {
      if (typeof record.Last_Name !== "string" || !record.Last_Name) {
        failures += 1;
        return { code: "MANDATORY_NOT_FOUND", details: { api_name: "Last_Name" }, message: "required field not found", status: "error" };
      }
      const email = String(record.Email ?? "").toLowerCase();
      if (!email.includes("@") || email.endsWith(".invalid")) {
        failures += 1;
        return { code: "INVALID_DATA", details: { api_name: "Email" }, message: "invalid data", status: "error" };
      }
      const existing = this.contacts.get(email);
      const id = existing?.id ?? `4150868000${nextId().padStart(9, "0")}`;
      this.contacts.set(email, { id, record: { ...existing?.record, ...record } });
      return {
        code: "SUCCESS",
        duplicate_field: existing ? "Email" : null,
        action: existing ? "update" : "insert",
        details: { id, Modified_Time: new Date().toISOString() },
        message: existing ? "record updated" : "record added",
        status: "success",
      };
    });
    return { status: failures ? 207 : 200, json: { data } };
  }
}
