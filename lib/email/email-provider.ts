import { env } from "@/lib/env";

// Whether emails can leave this machine at all; without a provider they are kept in the outbox.
export function emailProviderConfigured(): boolean {
  return Boolean(env.RESEND_API_KEY);
}
