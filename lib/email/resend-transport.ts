import { Resend } from "resend";
import { env } from "@/lib/env";
import { PermanentJobError, RetryLaterError } from "@/lib/jobs/job-errors";

const TIMEOUT_MS = 15_000;

export interface SendableEmail {
  id: string;
  to: string;
  subject: string;
  html: string;
  text: string;
}

let client: Resend | undefined;

// Sends one message through Resend and answers its id. The message id is the idempotency key, so a retry after
// a lost answer returns the first send instead of sending again (Resend keeps keys for 24 hours).
export async function sendWithResend(message: SendableEmail, apiKey: string): Promise<string> {
  client ??= new Resend(apiKey, env.RESEND_BASE_URL ? { baseUrl: env.RESEND_BASE_URL } : undefined);
  const { data, error, headers } = await client.emails.send(
    { from: env.EMAIL_FROM, to: message.to, subject: message.subject, html: message.html, text: message.text },
    { idempotencyKey: `email/${message.id}`, signal: AbortSignal.timeout(TIMEOUT_MS) },
  );
  if (data?.id) return data.id;
  const status = error?.statusCode ?? null;
  const reason = `Resend ${status ?? "unreachable"}${error?.name ? ` ${error.name}` : ""}: ${error?.message ?? "no message id in the answer"}`;
  if (status === 429) throw new RetryLaterError(reason, retryAfterMs(headers?.["retry-after"]));
  // The message itself is wrong (address, sender, payload): sending it again cannot succeed.
  if (status === 400 || status === 422 || error?.name === "invalid_idempotent_request") throw new PermanentJobError(reason);
  // Network errors, 5xx, and 401/403 (a key or domain an operator can fix) are retried on schedule.
  throw new Error(reason);
}

function retryAfterMs(header: string | undefined): number {
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 60_000;
}
