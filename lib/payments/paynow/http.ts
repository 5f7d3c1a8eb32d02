// One POST to Paynow, bounded by a timeout, with every failure classified: may Paynow have acted on the
// request (so repeating it could charge twice), and is it worth trying again.

export class PaynowUnavailableError extends Error {
  readonly mayHaveArrived: boolean;
  readonly transient: boolean;
  readonly circuitOpen: boolean;

  constructor(
    message: string,
    options: { mayHaveArrived: boolean; transient: boolean; circuitOpen?: boolean; cause?: unknown },
  ) {
    super(message, { cause: options.cause });
    this.name = "PaynowUnavailableError";
    this.mayHaveArrived = options.mayHaveArrived;
    this.transient = options.transient;
    this.circuitOpen = options.circuitOpen ?? false;
  }
}

// Paynow answered, but with something we cannot trust or understand (bad hash, wrong reference).
export class PaynowProtocolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PaynowProtocolError";
  }
}

// Failures where the connection was never made, so Paynow cannot have seen the request.
const NOT_SENT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "UND_ERR_CONNECT_TIMEOUT"]);

export async function postForm(url: string, body: string, timeoutMs: number): Promise<string> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "text/plain, */*" },
      body,
      signal: controller.signal,
      redirect: "error",
    });
    const text = await res.text();
    if (res.status >= 500) {
      // A gateway that says "unavailable" did not pass the request on; any other 5xx might have.
      const rejectedAtGate = res.status === 502 || res.status === 503;
      throw new PaynowUnavailableError(`Paynow answered HTTP ${res.status}`, { mayHaveArrived: !rejectedAtGate, transient: true });
    }
    if (!res.ok) throw new PaynowUnavailableError(`Paynow answered HTTP ${res.status}`, { mayHaveArrived: false, transient: false });
    return text;
  } catch (error) {
    if (error instanceof PaynowUnavailableError) throw error;
    if (controller.signal.aborted) {
      throw new PaynowUnavailableError(`Paynow did not answer within ${timeoutMs} ms`, { mayHaveArrived: true, transient: true });
    }
    const code = (error as { cause?: { code?: string } }).cause?.code;
    throw new PaynowUnavailableError(`Could not reach Paynow (${code ?? "network error"})`, {
      mayHaveArrived: !(code && NOT_SENT.has(code)),
      transient: true,
      cause: error,
    });
  } finally {
    clearTimeout(timer);
  }
}

export function isSameOrigin(url: string, base: string): boolean {
  try {
    return new URL(url).origin === new URL(base).origin;
  } catch {
    return false;
  }
}
