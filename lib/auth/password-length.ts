// Client-safe (the sign-up and reset forms import it); the common-password list stays in password-policy.ts.
export const MIN_PASSWORD_LENGTH = 10;
