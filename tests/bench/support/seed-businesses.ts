// Businesses on the Enterprise plan with one POS key each, written straight into the benchmark's database
// (200 sign-ups through the app would take a minute of password hashing and measure nothing we want).
import { randomUUID } from "node:crypto";
import pg from "pg";
import { generateApiKey } from "@/lib/api-keys/key-format";
import { posScopes } from "@/lib/api-keys/scopes";

export async function seedBusinesses(databaseUrl: string, count: number): Promise<{ businessId: string; key: string }[]> {
  const run = randomUUID().slice(0, 8);
  const seeded = Array.from({ length: count }, (_, i) => ({ businessId: `bench_${run}_${i}`, ...generateApiKey("live") }));
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const ids = seeded.map((s) => s.businessId);
    await db.query(
      `INSERT INTO "Business" (id, name, slug) SELECT id, 'Bench Shop ' || n, id FROM unnest($1::text[]) WITH ORDINALITY AS t(id, n)`,
      [ids],
    );
    await db.query(
      `INSERT INTO "Subscription" (id, "businessId", plan, status, "updatedAt") SELECT gen_random_uuid()::text, id, 'enterprise', 'active', now() FROM unnest($1::text[]) AS id`,
      [ids],
    );
    await db.query(
      `INSERT INTO "ApiKey" (id, "businessId", name, prefix, hash, scopes, "updatedAt")
       SELECT gen_random_uuid()::text, b, 'Till', p, h, $4::text[], now() FROM unnest($1::text[], $2::text[], $3::text[]) AS t(b, p, h)`,
      [ids, seeded.map((s) => s.prefix), seeded.map((s) => s.hash), posScopes],
    );
  } finally {
    await db.end();
  }
  return seeded.map(({ businessId, key }) => ({ businessId, key }));
}
