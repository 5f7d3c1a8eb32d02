import { parseJsonBody } from "@/lib/api/parse";
import { withSession } from "@/lib/api/with-session";
import { getRenewalWallet, renewalWalletSchema, setRenewalWallet } from "@/lib/billing/renewal-wallet";

// GET /api/billing/renewal-wallet — whether renewals are pushed to the wallet of the last paid period (owner, admin)
export const GET = withSession(async (_req, { member }) => Response.json(await getRenewalWallet(member.businessId)), { role: "admin" });

// PUT /api/billing/renewal-wallet — { enabled } opt in or out (owner)
export const PUT = withSession(
  async (req, { member }) => {
    const { enabled } = await parseJsonBody(req, renewalWalletSchema);
    return Response.json(await setRenewalWallet(member.businessId, enabled));
  },
  { role: "owner" },
);
