"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { safeRedirect } from "../safe-redirect";
import { describeAuthRefusal, forwardToAuth } from "./forward-to-auth";
import { emailField, firstIssue, text, type AuthFormState } from "./form-state";

const signInInput = z.object({ email: emailField, password: z.string().min(1, "Enter your password.").max(128) });

// The sign-in form posts here, with or without JavaScript, so the password never travels in a URL.
export async function signInAction(_previous: AuthFormState, form: FormData): Promise<AuthFormState> {
  const parsed = signInInput.safeParse({ email: text(form, "email"), password: text(form, "password") });
  if (!parsed.success) return { error: firstIssue(parsed.error), email: text(form, "email") };
  const reply = await forwardToAuth("/sign-in/email", parsed.data);
  if (reply.status !== 200) {
    const error = reply.status === 401 ? "Wrong email or password." : describeAuthRefusal(reply, "Could not sign in.");
    return { error, email: parsed.data.email };
  }
  redirect(safeRedirect(text(form, "redirect") || null));
}
