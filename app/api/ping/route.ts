export const dynamic = "force-dynamic";

// GET /api/ping — touches nothing; the framework's floor for the benchmark and for uptime checks
export function GET() {
  return Response.json({ ok: true });
}
