import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "../password-length";

// What a no-JavaScript-safe auth form shows after a submission that did not navigate away.
export interface AuthFormState {
  error: string | null;
  email?: string;
  done?: boolean;
}

export const initialAuthFormState: AuthFormState = { error: null };

export const emailField = z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address.")).pipe(z.string().max(254));
export const passwordField = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `The password needs at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(128, "The password can have at most 128 characters.");

export const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

export const firstIssue = (error: z.ZodError) => error.issues[0]?.message ?? "Check the form and try again.";
