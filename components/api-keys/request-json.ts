export class RequestError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly status: number,
  ) {
    super(message);
  }
}

// Calls one of our session routes and surfaces its `{ error: { code, message } }` body as a RequestError.
export async function requestJson<T>(url: string, init?: { method?: string; body?: unknown }): Promise<T> {
  const res = await fetch(url, {
    method: init?.method ?? "GET",
    headers: init?.body === undefined ? undefined : { "content-type": "application/json" },
    body: init?.body === undefined ? undefined : JSON.stringify(init.body),
  }).catch(() => {
    throw new RequestError("Could not reach the server. Check your connection and try again.", "network_error", 0);
  });
  const data = await res.json().catch(() => null);
  if (!res.ok) {
    throw new RequestError(data?.error?.message ?? `The request failed (${res.status}).`, data?.error?.code ?? "unknown", res.status);
  }
  return data as T;
}

// Validation messages read "field: problem; other: problem" (lib/api/errors.ts); split them per field.
export function fieldErrorsFrom(message: string, fields: readonly string[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const part of message.split("; ")) {
    const match = /^([\w.]+): (.+)$/.exec(part);
    const field = match?.[1].split(".")[0];
    if (match && field && fields.includes(field)) errors[field] ??= match[2];
  }
  return errors;
}
