import { createHash } from "node:crypto";
import type { FakeRequest, Reply, Route } from "./server";

// Mailchimp Marketing 3.0: HTTP basic auth (any user, the API key as password); PUT lists/{list}/members/{md5 of the
// lowercased email} adds or updates a member; errors are problem+json ({ title, status, detail }).
export class FakeMailchimp {
  apiKey = "0123456789abcdef0123456789abcdef-us21";
  listId = "a1b2c3d4e5";
  members = new Map<string, Record<string, unknown>>();

  private unauthorized(req: FakeRequest): Reply | null {
    const header = req.headers.authorization ?? "";
    const password = header.startsWith("Basic ") ? Buffer.from(header.slice(6), "base64").toString().split(":").slice(1).join(":") : "";
    if (password === this.apiKey) return null;
    return {
      status: 401,
      json: { type: "https://mailchimp.com/developer/marketing/docs/errors/", title: "API Key Invalid", status: 401, detail: "Your API key may be invalid, or you've attempted to access the wrong datacenter." },
    };
  }

  private missingList(list: string): Reply | null {
    if (list === this.listId) return null;
    return { status: 404, json: { title: "Resource Not Found", status: 404, detail: "The requested resource could not be found." } };
  }

  routes(): Route[] {
    return [
      {
        provider: "mailchimp",
        method: "GET",
        pattern: /^\/3\.0\/lists\/(\w+)$/,
        handle: (req, match) => this.unauthorized(req) ?? this.missingList(match[1]) ?? { status: 200, json: { id: this.listId, name: "Till customers" } },
      },
      {
        provider: "mailchimp",
        method: "PUT",
        pattern: /^\/3\.0\/lists\/(\w+)\/members\/([0-9a-f]{32})$/,
        handle: (req, match) => {
          const refused = this.unauthorized(req) ?? this.missingList(match[1]);
          if (refused) return refused;
          const body = req.json as { email_address?: string; status_if_new?: string; status?: string; merge_fields?: object } | null;
          const email = body?.email_address ?? "";
          const invalid = (detail: string): Reply => ({ status: 400, json: { title: "Invalid Resource", status: 400, detail } });
          if (createHash("md5").update(email.toLowerCase()).digest("hex") !== match[2]) return invalid("The subscriber hash does not match the email address.");
          if (email.endsWith(".invalid")) return invalid(`${email} looks fake or invalid, please enter a real email address.`);
          const statuses = ["subscribed", "unsubscribed", "cleaned", "pending", "transactional"];
          if (!statuses.includes(body?.status_if_new ?? "")) return invalid("status_if_new is required for new members.");
          if (body?.status && !statuses.includes(body.status)) return invalid("Invalid status.");
          const existing = this.members.get(match[2]);
          const member = { ...existing, email_address: email, status: existing ? (body?.status ?? existing.status) : body?.status_if_new, merge_fields: { ...(existing?.merge_fields as object), ...body?.merge_fields } };
          this.members.set(match[2], member);
          return { status: 200, json: { id: match[2], ...member, list_id: match[1] } };
        },
      },
    ];
  }
}
