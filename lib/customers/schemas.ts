import { z } from "zod";

// A customer the till captured with a sale. Email or phone is required: they are how the same person is
// recognised on the next sale (and what every integration needs to reach them).
export const tillCustomerSchema = z
  .strictObject({
    name: z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters").optional(),
    email: z.email("must be an email address").max(254).transform((email) => email.toLowerCase()).optional(),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9][0-9 ()-]{5,24}$/, "must be a phone number (digits, spaces, +, -, parentheses)")
      .transform((phone) => (phone.startsWith("+") ? "+" : "") + phone.replace(/\D/g, ""))
      .refine((phone) => phone.replace("+", "").length <= 15, "must have at most 15 digits")
      .optional(),
    marketingConsent: z.boolean().optional(),
  })
  .refine((c) => c.email !== undefined || c.phone !== undefined, "needs an email or a phone number")
  .meta({ id: "TillCustomer", description: "Deduplicated per business by email (else phone); marketingConsent gates Mailchimp." });

export type TillCustomer = z.infer<typeof tillCustomerSchema>;

export function customerMatchKey(customer: TillCustomer): string {
  return customer.email ? `email:${customer.email}` : `phone:${customer.phone}`;
}
