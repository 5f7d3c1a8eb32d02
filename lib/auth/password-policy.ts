import { dictionary } from "@zxcvbn-ts/language-common";

export const MIN_PASSWORD_LENGTH = 10;

// ~49,000 passwords seen most often in breaches (zxcvbn-ts's maintained list), compared case-insensitively.
let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set((dictionary["passwords-common"] as string[]).map((password) => password.toLowerCase()));
  return common;
}

// The reason a new password is refused, or null when it is acceptable.
export function passwordProblem(password: string): string | null {
  if (password.trim() === "") return "Password cannot be only spaces.";
  if ([...password].length < MIN_PASSWORD_LENGTH) return `Password must be at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (commonPasswords().has(password.trim().toLowerCase())) {
    return "This is one of the most common passwords and is easy to guess. Choose another.";
  }
  return null;
}
