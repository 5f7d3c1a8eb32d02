import "../../helpers/paynow";
import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { matrix, type MatrixRequest } from "./matrix";
import { buildWorld, callers, type Caller, type World } from "./world";

// Fake integration providers (HubSpot checks its token), started before lib/env is read.
const fakeProviders = await vi.hoisted(async () => (await import("../../fakes/integrations")).startFakeIntegrations());
afterAll(() => fakeProviders.close());

const apiDir = path.resolve(import.meta.dirname, "../../../app/api");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

const routeFiles = readdirSync(apiDir, { recursive: true, encoding: "utf8" })
  .filter((file) => path.basename(file) === "route.ts")
  .map((file) => file.split(path.sep).join("/"))
  .sort();

async function handlersOf(file: string): Promise<[string, Handler][]> {
  const module = (await import(path.join(apiDir, file))) as Record<string, unknown>;
  return METHODS.filter((method) => typeof module[method] === "function").map((method) => [`${file} ${method}`, module[method] as Handler]);
}

async function send(handler: Handler, method: string, request: MatrixRequest, caller: Caller, world: World) {
  const { cookie, key } = world.credentials[caller];
  const headers = new Headers({ origin: "http://localhost:3000", ...request.headers });
  if (cookie) headers.set("cookie", cookie);
  if (key) headers.set("authorization", `Bearer ${key}`);
  let body = request.rawBody;
  if (request.body !== undefined) {
    body = JSON.stringify(request.body);
    headers.set("content-type", "application/json");
  }
  const res = await handler(new Request(`http://localhost:3000${request.path}`, { method, headers, body }), {
    params: Promise.resolve(request.params ?? {}),
  });
  return { status: res.status, text: await res.text() };
}

describe("tenancy matrix: every route × every caller → exact status", () => {
  let world: World;
  let handlers: Map<string, Handler>;

  beforeAll(async () => {
    world = await buildWorld();
    handlers = new Map((await Promise.all(routeFiles.map(handlersOf))).flat());
  }, 120_000);

  it("has a row for every route handler under app/api, and none for handlers that no longer exist", () => {
    expect(routeFiles.length).toBeGreaterThan(0);
    expect([...handlers.keys()].filter((key) => !(key in matrix))).toEqual([]);
    expect(Object.keys(matrix).filter((key) => !handlers.has(key))).toEqual([]);
  });

  for (const [key, row] of Object.entries(matrix)) {
    it(key, async () => {
      const handler = handlers.get(key);
      expect(handler, `no handler for ${key}`).toBeDefined();
      const method = key.split(" ")[1];
      const actual = {} as Record<Caller, number>;
      for (const caller of callers) {
        const res = await send(handler!, method, await row.request(world), caller, world);
        actual[caller] = res.status;
        if (caller === "anonymous" || caller === "otherOwner" || caller === "otherKey") {
          for (const secretOfA of [world.a.business.id, world.a.owner.email, world.a.endpointId, world.a.deliveryId]) {
            expect(res.text, `${caller} saw business A`).not.toContain(secretOfA);
          }
        }
        if (res.status >= 400 && res.text) {
          const parsed = JSON.parse(res.text);
          expect(key.startsWith("auth/") ? typeof parsed.message : typeof parsed.error?.code, `${caller}: ${res.text}`).toBe("string");
        }
      }
      expect(actual).toEqual(row.expect);
    });
  }
});
