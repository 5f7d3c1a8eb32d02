import { databaseVersion } from "@/lib/db/health";

export const dynamic = "force-dynamic";

// GET /api/health — liveness with a real database round trip
export async function GET() {
  try {
    return Response.json({ ok: true, db: await databaseVersion() });
  } catch (error) {
    console.error("health check failed:", (error as Error).message);
    return Response.json(
      { ok: false, error: { code: "service_unavailable", message: "The database is not reachable." } },
      { status: 503 },
    );
  }
}
