// Errors that mean "the database cannot be reached right now" (server down or restarting, connection cut,
// pool timeout), as opposed to a bad query. Pure: no database import, so lib/api/errors can use it.
const CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENOTFOUND",
  // PostgreSQL: admin_shutdown, crash_shutdown, cannot_connect_now, connection_exception family.
  "57P01",
  "57P02",
  "57P03",
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
  // Prisma: can't reach server, timed out, connection closed, pool timeout.
  "P1001",
  "P1002",
  "P1008",
  "P1017",
  "P2024",
]);

// Kinds of @prisma/adapter-pg's errors for the same situations.
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);

const MESSAGES =
  /Connection terminated|terminating connection due to administrator command|the database system is (starting up|shutting down)|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended unexpectedly|connect ECONNREFUSED|read ECONNRESET|Can't reach database server|Server has closed the connection/i;

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const { code, errorCode, kind, message, cause, originalCode } = error as Record<string, unknown>;
  if (typeof code === "string" && CODES.has(code)) return true;
  if (typeof errorCode === "string" && CODES.has(errorCode)) return true;
  if (typeof kind === "string" && ADAPTER_KINDS.has(kind)) return true;
  if (typeof originalCode === "string" && CODES.has(originalCode)) return true;
  if (typeof message === "string" && MESSAGES.test(message)) return true;
  return isDatabaseUnavailable(cause, depth + 1);
}
