import { Mail } from "lucide-react";
import type { Metadata } from "next";
import { AccessDenied } from "@/components/dashboard/access-denied";
import { PageHeader } from "@/components/dashboard/page-header";
import { Badge, statusTone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requireMember } from "@/lib/auth/page-session";
import { hasRole } from "@/lib/auth/roles";
import { listOutbox } from "@/lib/business/queries";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Outbox" };

export default async function OutboxPage() {
  const { member } = await requireMember();
  if (!hasRole(member.role, "admin")) return <AccessDenied required="admin" />;
  const messages = await listOutbox(member.businessId);

  return (
    <>
      <PageHeader
        title="Outbox"
        description="Every email this business sent. Without RESEND_API_KEY nothing leaves this machine: read the messages here."
      />
      {messages.length === 0 ? (
        <EmptyState icon={Mail} title="No emails yet" description="Invitations and billing emails will appear here." />
      ) : (
        <div className="space-y-3">
          {messages.map((message) => (
            <Card key={message.id}>
              <details className="group">
                <summary className="flex cursor-pointer list-none flex-wrap items-center gap-3 p-4">
                  <Badge tone={statusTone(message.status)}>{message.status}</Badge>
                  <span className="font-medium">{message.subject}</span>
                  <span className="text-sm text-zinc-600">to {message.to}</span>
                  <time className="ml-auto text-xs text-zinc-500" dateTime={message.createdAt.toISOString()}>
                    {formatDateTime(message.createdAt)} · {message.transport}
                  </time>
                </summary>
                {message.error && <p className="px-4 pb-2 text-sm text-red-700">{message.error}</p>}
                {linksIn(message.html).length > 0 && (
                  <ul aria-label="Links in this email" className="px-4 pb-3 text-sm">
                    {linksIn(message.html).map((href) => (
                      <li key={href}>
                        <a href={href} className="break-all text-accent-700 hover:underline">
                          {href}
                        </a>
                      </li>
                    ))}
                  </ul>
                )}
                <iframe
                  title={`Email: ${message.subject}`}
                  srcDoc={message.html}
                  sandbox="allow-popups allow-popups-to-escape-sandbox"
                  className="h-96 w-full border-t border-zinc-200"
                />
              </details>
            </Card>
          ))}
        </div>
      )}
    </>
  );
}

function linksIn(html: string): string[] {
  const hrefs = [...html.matchAll(/href="(https?:[^"]+)"/g)].map((match) => match[1].replaceAll("&amp;", "&"));
  return [...new Set(hrefs)];
}
