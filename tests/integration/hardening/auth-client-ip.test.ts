import http from "node:http";
import type { AddressInfo } from "node:net";
import { betterAuth } from "better-auth";
import { toNextJsHandler } from "better-auth/next-js";
import { afterAll, describe, expect, it } from "vitest";
import { CLIENT_IP_HEADER, installClientIpStamp, trustedClientIp } from "@/lib/api/client-ip-stamp";
import { auth } from "@/lib/auth";
import { signUp } from "../../helpers/http";

// The same Better Auth configuration as the app, with its rate limiter on (Better Auth enables it only in
// production) and kept in memory so this file starts from zero.
const limited = betterAuth({ ...auth.options, rateLimit: { ...auth.options.rateLimit, enabled: true, storage: "memory" } });
const { POST } = toNextJsHandler(limited);

function signInAttempt(email: string, headers: Record<string, string>) {
  return POST(
    new Request("http://localhost:3000/api/auth/sign-in/email", {
      method: "POST",
      headers: { origin: "http://localhost:3000", "content-type": "application/json", ...headers },
      body: JSON.stringify({ email, password: "not-the-password-at-all" }),
    }),
  );
}

describe("Better Auth's rate limit uses the IP we trust, not X-Forwarded-For", () => {
  it("14 wrong passwords, each with a new fake X-Forwarded-For, from one socket address → 429 after 10", async () => {
    const { email } = await signUp("victim");
    const statuses: number[] = [];
    for (let i = 0; i < 14; i++) {
      const res = await signInAttempt(email, { "x-forwarded-for": `203.0.113.${i + 1}`, [CLIENT_IP_HEADER]: "198.51.100.7" });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([...Array(10).fill(401), 429, 429, 429, 429]);
  });

  it("password-reset emails: 3 a minute per address, whatever X-Forwarded-For says", async () => {
    const { email } = await signUp("reset-target");
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await POST(
        new Request("http://localhost:3000/api/auth/request-password-reset", {
          method: "POST",
          headers: { origin: "http://localhost:3000", "content-type": "application/json", "x-forwarded-for": `203.0.113.${50 + i}`, [CLIENT_IP_HEADER]: "198.51.100.20" },
          body: JSON.stringify({ email, redirectTo: "/reset-password" }),
        }),
      );
      statuses.push(res.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
  });

  it("another socket address has its own budget", async () => {
    const { email } = await signUp("neighbour");
    const res = await signInAttempt(email, { "x-forwarded-for": "198.51.100.7", [CLIENT_IP_HEADER]: "198.51.100.8" });
    expect(res.status).toBe(401);
  });
});

describe("the server stamps the trusted client IP", () => {
  const servers: http.Server[] = [];
  afterAll(() => servers.forEach((server) => server.close()));

  it("a real HTTP request: the stamp is the socket address, whatever the client sends", async () => {
    installClientIpStamp(undefined);
    const server = http.createServer((req, res) => res.end(JSON.stringify(req.headers)));
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const res = await fetch(`http://127.0.0.1:${port}/`, { headers: { "x-forwarded-for": "203.0.113.9", [CLIENT_IP_HEADER]: "203.0.113.10" } });
    const seen = await res.json();
    expect(seen[CLIENT_IP_HEADER]).toBe("127.0.0.1");
    expect(seen["x-forwarded-for"]).toBe("203.0.113.9");
  });

  it("with a proxy header configured: its value (the last x-forwarded-for entry, the one our proxy appended)", () => {
    const headers = { "x-forwarded-for": "203.0.113.9, 198.51.100.4", "x-vercel-forwarded-for": "198.51.100.5", "x-real-ip": "nonsense" };
    expect(trustedClientIp(headers, "10.0.0.2", "x-forwarded-for")).toBe("198.51.100.4");
    expect(trustedClientIp(headers, "10.0.0.2", "x-vercel-forwarded-for")).toBe("198.51.100.5");
    expect(trustedClientIp(headers, "10.0.0.2", "x-real-ip")).toBeNull();
    expect(trustedClientIp(headers, "::ffff:10.0.0.2", undefined)).toBe("10.0.0.2");
    expect(trustedClientIp({}, "10.0.0.2", "x-forwarded-for")).toBeNull();
  });
});
