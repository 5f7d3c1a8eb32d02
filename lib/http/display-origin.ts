import { headers } from "next/headers";
import { env } from "@/lib/env";

// The origin to print in examples (curl commands): APP_URL, except in development, where the dev server may listen
// on another port than APP_URL says (`next dev -p 3555`) and the address in the browser is the one that works.
export async function displayOrigin(): Promise<string> {
  const configured = new URL(env.APP_URL).origin;
  if (env.NODE_ENV !== "development") return configured;
  const host = (await headers()).get("host");
  return host && /^[a-z0-9.\-[\]:]+$/i.test(host) ? `http://${host}` : configured;
}
