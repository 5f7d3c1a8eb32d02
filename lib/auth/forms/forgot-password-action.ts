"use server";
import { z } from "zod";
import { describeAuthRefusal, forwardToAuth } from "./forward-to-auth";
import { emailField, firstIssue, text, type AuthFormState } from "./form-state";

const forgotInput = z.object({ email: emailField });

// The forgot-password form posts here, so it works before hydration and without JavaScript.
export async function forgotPasswordAction(_previous: AuthFormState, form: FormData): Promise<AuthFormState> {
  const parsed = forgotInput.safeParse({ email: text(form, "email") });
  if (!parsed.success) return { error: firstIssue(parsed.error), email: text(form, "email") };
  const reply = await forwardToAuth("/request-password-reset", { email: parsed.data.email, redirectTo: "/reset-password" });
  if (reply.status !== 200) return { error: describeAuthRefusal(reply, "Could not send the email."), email: parsed.data.email };
  return { error: null, done: true };
}
