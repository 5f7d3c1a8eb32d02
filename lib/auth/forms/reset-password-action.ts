"use server";
import { z } from "zod";
import { describeAuthRefusal, forwardToAuth } from "./forward-to-auth";
import { firstIssue, passwordField, text, type AuthFormState } from "./form-state";

const resetInput = z.object({ token: z.string().min(1).max(512), newPassword: passwordField });

// The reset form posts here, with or without JavaScript, so the new password never travels in a URL.
export async function resetPasswordAction(_previous: AuthFormState, form: FormData): Promise<AuthFormState> {
  const parsed = resetInput.safeParse({ token: text(form, "token"), newPassword: text(form, "password") });
  if (!parsed.success) return { error: firstIssue(parsed.error) };
  const reply = await forwardToAuth("/reset-password", parsed.data);
  if (reply.status !== 200) {
    const expired = reply.body?.code === "INVALID_TOKEN";
    return { error: expired ? "This link is no longer valid. Ask for a new one." : describeAuthRefusal(reply, "Could not change the password.") };
  }
  return { error: null, done: true };
}
