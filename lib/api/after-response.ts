import { after } from "next/server";

// Work that must not delay the response (bookkeeping writes). Inside a Next.js request it runs after the
// response is sent (and is kept alive on serverless); elsewhere (scripts, tests) it simply runs detached.
export function afterResponse(task: () => Promise<unknown>): void {
  const run = () => task().catch((error) => console.error("background task failed:", (error as Error).message));
  try {
    after(run);
  } catch {
    void run();
  }
}
