import { prisma } from "@/lib/db";
import { runDueJobs } from "@/lib/jobs/run-jobs";

// Sends one queued email through the job mechanism and returns it once it left the queue. On the shared
// PostgreSQL test database another file's drain may have claimed it first: wait for that run to finish it.
export async function drainEmail(messageId: string) {
  for (let attempt = 0; attempt < 50; attempt++) {
    await prisma.job.updateMany({ where: { dedupeKey: `email:${messageId}`, status: "queued" }, data: { runAt: new Date(0) } });
    await runDueJobs({ kinds: ["email.send"], limit: 20 });
    const message = await prisma.emailMessage.findUniqueOrThrow({ where: { id: messageId } });
    if (message.status !== "queued") return message;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`email ${messageId} is still queued`);
}
