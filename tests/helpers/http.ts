import { randomBytes } from "node:crypto";
import * as authRoute from "@/app/api/auth/[...all]/route";

const origin = "http://localhost:3000";

// Route handlers differ in their params type; tests pass whatever params the route expects.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Handler = (req: Request, ctx: { params: Promise<any> }) => Promise<Response>;

export interface CallOptions {
  method?: string;
  body?: unknown;
  rawBody?: string;
  cookie?: string;
  headers?: Record<string, string>;
  params?: Record<string, string>;
}

export async function call(handler: Handler, path: string, options: CallOptions = {}) {
  const headers = new Headers({ origin, ...options.headers });
  if (options.cookie) headers.set("cookie", options.cookie);
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers.set("content-type", "application/json");
  }
  const req = new Request(`${origin}${path}`, { method: options.method ?? (body ? "POST" : "GET"), headers, body });
  const res = await handler(req, { params: Promise.resolve(options.params ?? {}) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: text ? JSON.parse(text) : null };
}

export function authCall(path: string, options: CallOptions = {}) {
  const handler = options.method === "GET" || (!options.body && !options.method) ? authRoute.GET : authRoute.POST;
  return call(handler as Handler, `/api/auth${path}`, options);
}

export function uniqueEmail(label = "user") {
  return `${label}-${randomBytes(5).toString("hex")}@example.test`;
}

export function cookieFrom(headers: Headers): string {
  return headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

export async function signUp(label = "user", password = "correct-horse-battery") {
  const email = uniqueEmail(label);
  const res = await authCall("/sign-up/email", { body: { email, password, name: label } });
  if (res.status !== 200) throw new Error(`sign-up failed: ${res.status} ${JSON.stringify(res.json)}`);
  return { email, password, userId: res.json.user.id as string, cookie: cookieFrom(res.headers) };
}
