import { env } from "@/lib/env";
import { buildOpenApiDocument } from "@/lib/openapi/document";

export const dynamic = "force-dynamic";

// GET /api/openapi.json — the OpenAPI 3.1 document, built from the routes' zod schemas
export function GET() {
  return Response.json(buildOpenApiDocument(env.APP_URL), { headers: { "cache-control": "public, max-age=300" } });
}
