import { errorResponse } from "@/lib/api/errors";
import { handleAuthRequest } from "@/lib/auth/handle-auth-request";

export const GET = handleAuthRequest;

// Deleting a business would take its financial records with it; closing it (POST /api/business/close) keeps them.
export function POST(req: Request) {
  if (new URL(req.url).pathname.replace(/\/+$/, "").endsWith("/organization/delete")) {
    return Promise.resolve(errorResponse("forbidden", "Businesses cannot be deleted. The owner can close the business in Settings; its records are kept."));
  }
  return handleAuthRequest(req);
}
