import { afterAll, describe, expect, it } from "vitest";
import { createLeasedLimiter } from "@/lib/rate-limit/api-key-limiter";
import { closeRedis } from "@/lib/rate-limit/limiter";

// Two instances of the app share hourly limits through Redis, each spending points it leased.
describe.skipIf(!process.env.REDIS_URL)("API-key rate limits shared through Redis leases", () => {
  afterAll(() => closeRedis());

  it("two instances under more load than the limit admit exactly the limit between them", async () => {
    const [a, b] = [createLeasedLimiter(), createLeasedLimiter()];
    const requests = Array.from({ length: 800 }, (_, i) => (i % 2 ? a : b).consume("key-both", 300));
    const decisions = await Promise.all(requests);
    expect(decisions.filter((d) => d.allowed)).toHaveLength(300);
    const refused = decisions.filter((d) => !d.allowed);
    expect(refused).toHaveLength(500);
    expect(refused.every((d) => d.remaining === 0 && d.resetSeconds > 3500 && d.resetSeconds <= 3600)).toBe(true);
  });

  it("a quiet key leases one point per request, so another instance sees the exact count", async () => {
    const [a, b] = [createLeasedLimiter(), createLeasedLimiter()];
    let clock = Date.now();
    const slowA = createLeasedLimiter(() => clock);
    for (let i = 0; i < 3; i++) {
      expect(await slowA.consume("key-quiet", 300)).toMatchObject({ allowed: true, remaining: 300 - (i + 1) });
      clock += 2_000;
    }
    expect(await b.consume("key-quiet", 300)).toMatchObject({ allowed: true, limit: 300, remaining: 296 });
    expect(await a.consume("key-quiet", 300)).toMatchObject({ allowed: true, remaining: 295 });
  });

  it("a steady key leases about two seconds of its requests: 8 points at 4 requests a second", async () => {
    let clock = Date.now();
    const steady = createLeasedLimiter(() => clock);
    for (let i = 0; i < 40; i++) {
      expect((await steady.consume("key-steady", 300)).allowed).toBe(true);
      clock += 250;
    }
    // Leases of 1, 2, 4, then 8 points every 2 s: 47 points taken for 40 requests, 7 unspent on that instance.
    expect(await createLeasedLimiter().consume("key-steady", 300)).toMatchObject({ allowed: true, remaining: 300 - 47 - 1 });
  });

  it("a key at its limit is refused by every instance until the window resets, without leasing again", async () => {
    const [a, b] = [createLeasedLimiter(), createLeasedLimiter()];
    const first = await Promise.all(Array.from({ length: 5 }, () => a.consume("key-small", 5)));
    expect(first.every((d) => d.allowed)).toBe(true);
    expect(await a.consume("key-small", 5)).toMatchObject({ allowed: false, remaining: 0 });
    expect(await b.consume("key-small", 5)).toMatchObject({ allowed: false, remaining: 0 });
  });
});
