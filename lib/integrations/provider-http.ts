import { env } from "@/lib/env";
import { RetryLaterError } from "@/lib/jobs/job-errors";

// The provider refused the credentials (401/403): the integration stops until an owner reconfigures it.
export class ProviderAuthError extends Error {
  override name = "ProviderAuthError";
  constructor(
    message: string,
    readonly status: number,
    readonly answer: string,
  ) {
    super(message);
  }
}

// The provider refused this request for another reason (400, 404, 409…): the records involved failed, the run goes on.
export class ProviderRequestError extends Error {
  override name = "ProviderRequestError";
  constructor(
    message: string,
    readonly status: number,
    readonly answer: string,
  ) {
    super(message);
  }
}

export interface ProviderResponse {
  status: number;
  headers: Headers;
  json: unknown;
  text: string;
}

const DEFAULT_RETRY_MS = 60_000;
const MAX_RETRY_MS = 6 * 60 * 60_000;

// Every call to a provider goes through here: a timeout, and one mapping of outcomes to what the sync does next.
// 429 and 5xx honour Retry-After (seconds or an HTTP date); network failures and timeouts retry later too.
export async function providerFetch(provider: string, url: string, init: RequestInit = {}): Promise<ProviderResponse> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, redirect: "error", signal: AbortSignal.timeout(env.INTEGRATIONS_TIMEOUT_MS) });
  } catch (error) {
    const reason = (error as Error).name === "TimeoutError" ? `no answer within ${env.INTEGRATIONS_TIMEOUT_MS / 1000} s` : "could not be reached";
    throw new RetryLaterError(`${provider} ${reason}`, DEFAULT_RETRY_MS);
  }
  const text = await res.text().catch(() => "");
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  const answer = describeAnswer(res.status, json, text);
  if (res.status === 401 || res.status === 403) throw new ProviderAuthError(`${provider} refused the credentials (${res.status}): ${answer}`, res.status, answer);
  if (res.status === 429 || res.status >= 500) {
    const delay = retryAfterMs(res.headers.get("retry-after")) ?? DEFAULT_RETRY_MS;
    throw new RetryLaterError(`${provider} answered ${res.status} (${answer}); retrying in ${Math.ceil(delay / 1000)} s`, delay);
  }
  if (res.status >= 400) throw new ProviderRequestError(`${provider} answered ${res.status}: ${answer}`, res.status, answer);
  return { status: res.status, headers: res.headers, json, text };
}

export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - now;
  if (!Number.isFinite(ms)) return undefined;
  return Math.min(Math.max(ms, 1000), MAX_RETRY_MS);
}

// The provider's own words, short: the usual error fields of these APIs, else the start of the body.
function describeAnswer(status: number, json: unknown, text: string): string {
  const body = json as Record<string, unknown> | null;
  const candidates = [
    body?.message,
    body?.detail,
    body?.error_summary,
    (body?.error as Record<string, unknown> | undefined)?.message,
    typeof body?.error === "string" ? body.error : undefined,
    Array.isArray(body?.errors) ? (body.errors[0] as Record<string, unknown>)?.message : undefined,
    Array.isArray(json) ? (json[0] as Record<string, unknown>)?.message : undefined,
    body?.code,
  ];
  const found = candidates.find((value): value is string => typeof value === "string" && value.length > 0);
  return (found ?? (text.slice(0, 200) || `HTTP ${status}`)).slice(0, 300);
}

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}
