import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { linksIn } from "@/lib/email/links-in";
import { formatDateTime } from "@/lib/format";
import { EmailPreview } from "./email-preview";
import { SendAgainButton } from "./send-again-button";

export interface OutboxMessage {
  id: string;
  to: string;
  subject: string;
  template: string;
  status: "queued" | "sent" | "kept" | "failed";
  transport: string;
  attempts: number;
  nextAttemptAt: Date | null;
  error: string | null;
  createdAt: Date;
  sentAt: Date | null;
  html: string;
}

const statuses: Record<OutboxMessage["status"], { label: string; tone: BadgeTone }> = {
  queued: { label: "Queued", tone: "amber" },
  sent: { label: "Sent", tone: "green" },
  // Nothing left this machine: no email provider is configured.
  kept: { label: "Kept in outbox", tone: "blue" },
  failed: { label: "Failed", tone: "red" },
};

export function OutboxList({ messages, maxAttempts, canSendAgain }: { messages: OutboxMessage[]; maxAttempts: number; canSendAgain: boolean }) {
  return (
    <ul className="space-y-3" aria-label="Emails">
      {messages.map((message) => {
        const status = statuses[message.status];
        const links = linksIn(message.html);
        return (
          <li key={message.id}>
            <Card className="overflow-hidden" data-testid="outbox-message">
              <div className="flex flex-wrap items-start gap-x-3 gap-y-2 p-4">
                <Badge tone={status.tone}>{status.label}</Badge>
                <div className="min-w-0 flex-1 basis-56">
                  <p className="font-medium break-words text-zinc-900">{message.subject}</p>
                  <p className="text-zinc-600 break-all">to {message.to}</p>
                </div>
                {canSendAgain && message.status === "failed" && <SendAgainButton emailId={message.id} subject={message.subject} />}
              </div>
              <dl className="grid grid-cols-2 gap-x-4 gap-y-2 border-t border-zinc-100 px-4 py-3 text-xs sm:grid-cols-4">
                <Fact label="Queued">{formatDateTime(message.createdAt)}</Fact>
                <Fact label="Attempts">
                  {message.attempts} of {maxAttempts}
                </Fact>
                <Fact label={message.status === "sent" ? "Sent" : "Next attempt"}>
                  {message.status === "sent" && message.sentAt
                    ? formatDateTime(message.sentAt)
                    : message.nextAttemptAt && message.status === "queued"
                      ? formatDateTime(message.nextAttemptAt)
                      : "—"}
                </Fact>
                <Fact label="Via">{message.transport === "resend" ? "Resend" : "Local outbox"}</Fact>
              </dl>
              {message.error && (
                <p className="border-t border-zinc-100 px-4 py-2 text-xs break-words text-red-700">
                  <span className="font-medium">Last error:</span> {message.error}
                </p>
              )}
              {links.length > 0 && (
                <ul aria-label="Links in this email" className="space-y-1 border-t border-zinc-100 px-4 py-2 text-xs">
                  {links.map((href) => (
                    <li key={href}>
                      <a href={href} className="break-all text-accent-700 hover:underline">
                        {href}
                      </a>
                    </li>
                  ))}
                </ul>
              )}
              <details className="border-t border-zinc-100">
                <summary className="cursor-pointer px-4 py-2 text-sm font-medium text-accent-700 hover:underline focus-visible:outline-2 focus-visible:outline-accent-600">
                  Show email
                </summary>
                <div className="border-t border-zinc-200 bg-zinc-50">
                  <EmailPreview html={message.html} title={`Email: ${message.subject}`} />
                </div>
              </details>
            </Card>
          </li>
        );
      })}
    </ul>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-zinc-500">{label}</dt>
      <dd className="text-zinc-800">{children}</dd>
    </div>
  );
}
