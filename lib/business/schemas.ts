import { z } from "zod";

export const registerBusinessSchema = z.strictObject({
  businessName: z.string().trim().min(2, "must be at least 2 characters").max(80, "must be at most 80 characters"),
  email: z.email().max(254).optional(),
  cvtApiKey: z.string().trim().min(8, "must be at least 8 characters").max(256, "must be at most 256 characters").optional(),
});

export type RegisterBusinessInput = z.infer<typeof registerBusinessSchema>;

export const businessSchema = z.object({ id: z.string(), name: z.string(), slug: z.string() });

export const updateBusinessSchema = z
  .strictObject({
    name: z.string().trim().min(2, "must be at least 2 characters").max(80, "must be at most 80 characters").optional(),
    contactEmail: z.email().max(254).nullable().optional(),
  })
  .refine((value) => Object.keys(value).length > 0, { message: "send at least one of name, contactEmail" });

export type UpdateBusinessInput = z.infer<typeof updateBusinessSchema>;

export const closeBusinessSchema = z.strictObject({
  confirmName: z.string().max(200, "must be at most 200 characters").transform((value) => value.trim()),
});

export type CloseBusinessInput = z.infer<typeof closeBusinessSchema>;
