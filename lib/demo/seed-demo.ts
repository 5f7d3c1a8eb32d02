import { randomUUID } from "node:crypto";
import { auth } from "@/lib/auth";
import { registerBusiness } from "@/lib/business/register-business";
import { prisma } from "@/lib/db";

export const demoAccounts = {
  owner: { name: "Tendai Moyo", email: "owner@demo.tangabiz.test", password: "demo-owner-2026" },
  staff: { name: "Rudo Chikore", email: "staff@demo.tangabiz.test", password: "demo-staff-2026" },
};

// Seeds one demo business with an owner and a staff member on an empty database, so a newcomer
// signs in to a working dashboard. Does nothing once any user exists.
export async function seedDemoData(): Promise<boolean> {
  if ((await prisma.user.count()) > 0) return false;
  const { user: owner } = await auth.api.signUpEmail({ body: demoAccounts.owner });
  const { business, key } = await registerBusiness({ userId: owner.id }, { businessName: "Demo Hardware Harare" });
  const { user: staff } = await auth.api.signUpEmail({ body: demoAccounts.staff });
  await prisma.member.create({ data: { id: randomUUID(), businessId: business.id, userId: staff.id, role: "staff" } });
  // Demo addresses receive no mail; count them as confirmed so no verification banner nags.
  await prisma.user.updateMany({ where: { id: { in: [owner.id, staff.id] } }, data: { emailVerified: true } });

  console.log(
    [
      "",
      "  Demo data created — sign in at /sign-in with:",
      `    owner  ${demoAccounts.owner.email}  /  ${demoAccounts.owner.password}`,
      `    staff  ${demoAccounts.staff.email}  /  ${demoAccounts.staff.password}`,
      `  POS API key (shown once): ${key}`,
      "",
    ].join("\n"),
  );
  return true;
}
