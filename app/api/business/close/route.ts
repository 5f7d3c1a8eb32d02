import { parseJsonBody } from "@/lib/api/parse";
import { withSession } from "@/lib/api/with-session";
import { closeBusiness } from "@/lib/business/close-business";
import { closeBusinessSchema } from "@/lib/business/schemas";

// POST /api/business/close — close the active business (owner; confirm by typing its name). Records stay.
export const POST = withSession(
  async (req, { member, user }) => {
    const input = await parseJsonBody(req, closeBusinessSchema);
    return Response.json({ success: true, ...(await closeBusiness(member.businessId, user.id, input)) });
  },
  { role: "owner" },
);
