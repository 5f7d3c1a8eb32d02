import { bearerToken, type FakeRequest, type Reply, type Route } from "./server";

// SendGrid v3: Bearer API key; GET /v3/scopes lists the key's permissions; POST /v3/mail/send answers 202 with an
// X-Message-Id and no body; validation errors are { errors: [{ message, field }] }.
export class FakeSendgrid {
  apiKey = "SG.fake-sendgrid-key.0001";
  scopes = ["mail.send", "user.profile.read"];
  sent: { to: string; from: string; subject: string; text: string; html: string }[] = [];

  private unauthorized(req: FakeRequest): Reply | null {
    if (bearerToken(req) === this.apiKey) return null;
    return { status: 401, json: { errors: [{ field: null, message: "The provided authorization grant is invalid, expired, or revoked" }] } };
  }

  routes(): Route[] {
    return [
      { provider: "sendgrid", method: "GET", pattern: /^\/v3\/scopes$/, handle: (req) => this.unauthorized(req) ?? { status: 200, json: { scopes: this.scopes } } },
      {
        provider: "sendgrid",
        method: "POST",
        pattern: /^\/v3\/mail\/send$/,
        handle: (req) => {
          const refused = this.unauthorized(req);
          if (refused) return refused;
          if (!this.scopes.includes("mail.send")) return { status: 403, json: { errors: [{ field: null, message: "access forbidden" }] } };
          const body = req.json as {
            personalizations?: { to?: { email?: string }[] }[];
            from?: { email?: string };
            subject?: string;
            content?: { type: string; value: string }[];
          } | null;
          const to = body?.personalizations?.[0]?.to?.[0]?.email;
          const errors: { field: string; message: string }[] = [];
          if (!to) errors.push({ field: "personalizations.0.to", message: "The to array is required for all personalization objects" });
          if (!body?.from?.email) errors.push({ field: "from.email", message: "The from object must be provided for every email send." });
          if (!body?.subject) errors.push({ field: "subject", message: "The subject is required." });
          if (!body?.content?.length || body.content[0].type !== "text/plain") errors.push({ field: "content", message: "text/plain must be the first content type" });
          if (to?.endsWith(".invalid")) errors.push({ field: "personalizations.0.to.0.email", message: "Does not contain a valid address." });
          if (errors.length) return { status: 400, json: { errors } };
          this.sent.push({
            to: to!,
            from: body!.from!.email!,
            subject: body!.subject!,
            text: body!.content!.find((c) => c.type === "text/plain")?.value ?? "",
            html: body!.content!.find((c) => c.type === "text/html")?.value ?? "",
          });
          return { status: 202, text: "", headers: { "x-message-id": `msg-${this.sent.length}` } };
        },
      },
    ];
  }
}
