import { timingSafeEqual, createHash } from "node:crypto";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { errorResponse, handleApiError } from "./errors";

function sameSecret(given: string, expected: string): boolean {
  // Compare fixed-length digests so neither length nor content leaks through timing.
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}

// Cron routes (Vercel Cron): `Authorization: Bearer CRON_SECRET`, and every run is recorded with its result.
export function withCron(job: string, run: () => Promise<Record<string, unknown>>) {
  return async (req: Request): Promise<Response> => {
    const header = req.headers.get("authorization") ?? "";
    if (!header.startsWith("Bearer ") || !sameSecret(header.slice(7), env.CRON_SECRET)) {
      return errorResponse("unauthorized", "A valid cron secret is required.");
    }
    const record = await prisma.cronRun.create({ data: { job } });
    try {
      const result = await run();
      await prisma.cronRun.update({ where: { id: record.id }, data: { finishedAt: new Date(), result: result as object } });
      return Response.json({ job, ...result });
    } catch (error) {
      await prisma.cronRun
        .update({ where: { id: record.id }, data: { finishedAt: new Date(), error: String((error as Error).message).slice(0, 2000) } })
        .catch(() => {});
      return handleApiError(error);
    }
  };
}
