"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { safeRedirect } from "../safe-redirect";
import { describeAuthRefusal, forwardToAuth } from "./forward-to-auth";
import { emailField, firstIssue, passwordField, text, type AuthFormState } from "./form-state";

const signUpInput = z.object({
  name: z.string().trim().min(1, "Enter your name.").max(100),
  email: emailField,
  password: passwordField,
});

// The sign-up form posts here, with or without JavaScript, so the password never travels in a URL.
export async function signUpAction(_previous: AuthFormState, form: FormData): Promise<AuthFormState> {
  const parsed = signUpInput.safeParse({ name: text(form, "name"), email: text(form, "email"), password: text(form, "password") });
  if (!parsed.success) return { error: firstIssue(parsed.error), email: text(form, "email") };
  const reply = await forwardToAuth("/sign-up/email", parsed.data);
  if (reply.status !== 200) return { error: describeAuthRefusal(reply, "Could not create the account."), email: parsed.data.email };
  redirect(safeRedirect(text(form, "redirect") || null, "/onboarding"));
}
