import { sha256Hex } from "@/lib/crypto/hash";
import { prisma } from "@/lib/db";
import { recordAudit } from "./record-audit";

export interface NewSession {
  userId: string;
  ipAddress?: string | null;
  userAgent?: string | null;
}

// "Chrome on Android", from a user agent, for sentences; the full string is kept on the entry.
export function describeDevice(userAgent: string | null | undefined): string {
  if (!userAgent) return "unknown browser";
  const browser = /Edg\//.test(userAgent)
    ? "Edge"
    : /OPR\//.test(userAgent)
      ? "Opera"
      : /Chrome\//.test(userAgent)
        ? "Chrome"
        : /Firefox\//.test(userAgent)
          ? "Firefox"
          : /Safari\//.test(userAgent)
            ? "Safari"
            : null;
  const os = /Android/.test(userAgent)
    ? "Android"
    : /iPhone|iPad/.test(userAgent)
      ? "iOS"
      : /Windows/.test(userAgent)
        ? "Windows"
        : /Mac OS X/.test(userAgent)
          ? "macOS"
          : /Linux/.test(userAgent)
            ? "Linux"
            : null;
  if (browser && os) return `${browser} on ${os}`;
  return browser ?? os ?? userAgent.slice(0, 60);
}

// Remembers the (user agent, IP) pair of each new session. A pair not seen before, for a user who has signed in
// before, is a sign-in from a new device: recorded in every business the user belongs to. The unique index
// decides between concurrent sign-ins.
export async function recordSignInDevice(session: NewSession): Promise<boolean> {
  const fingerprint = sha256Hex(`${session.userAgent ?? ""}\n${session.ipAddress ?? ""}`);
  return prisma.$transaction(async (tx) => {
    const inserted = await tx.knownDevice.createMany({
      data: [{ userId: session.userId, fingerprint, userAgent: session.userAgent?.slice(0, 400), ipAddress: session.ipAddress?.slice(0, 100) }],
      skipDuplicates: true,
    });
    if (inserted.count === 0) return false;
    if ((await tx.knownDevice.count({ where: { userId: session.userId } })) === 1) return false;
    const memberships = await tx.member.findMany({ where: { userId: session.userId }, select: { businessId: true } });
    const user = await tx.user.findUnique({ where: { id: session.userId }, select: { email: true } });
    for (const { businessId } of memberships) {
      await recordAudit(tx, {
        businessId,
        actor: { userId: session.userId, ipAddress: session.ipAddress, userAgent: session.userAgent },
        action: "auth.new_device_sign_in",
        target: { type: "user", id: session.userId, label: user?.email ?? null },
        data: { device: describeDevice(session.userAgent), ipAddress: session.ipAddress ?? null },
      });
    }
    return memberships.length > 0;
  });
}
