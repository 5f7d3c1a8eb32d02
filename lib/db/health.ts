import { prisma } from "./index";

export async function databaseVersion(timeoutMs = 3000): Promise<string> {
  const query = prisma.$queryRaw<{ version: string }[]>`SELECT current_setting('server_version') AS version`;
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error("database did not answer in time")), timeoutMs).unref(),
  );
  const [row] = await Promise.race([query, timeout]);
  return `PostgreSQL ${row.version}`;
}
