import { APIError } from "better-auth/api";
import { z } from "zod";
import { MAX_JSON_DEPTH, findUnstorableText, nestedDeeperThan } from "@/lib/api/json-limits";
import { describeZodError } from "@/lib/api/errors";
import { passwordProblem } from "./password-policy";

// Better Auth checks little of what it stores; these schemas refuse wrong types before they reach the database.
const optionalName = (max: number) => z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`).optional();
const bodySchemas: Record<string, z.ZodType> = {
  "/update-user": z.looseObject({ name: optionalName(100), image: z.string().max(2048).nullable().optional() }),
  "/organization/update": z.looseObject({
    data: z.looseObject({
      name: optionalName(80),
      slug: z.string().max(80).optional(),
      logo: z.string().max(2048).nullable().optional(),
      metadata: z.record(z.string(), z.unknown()).refine((value) => JSON.stringify(value).length <= 4096, "must be at most 4 KiB").optional(),
    }),
  }),
  "/reset-password": z.looseObject({ newPassword: z.string(), token: z.string().max(512).optional() }),
};

// Where a new password is chosen, and the field that carries it.
const newPasswordField: Record<string, string> = {
  "/sign-up/email": "password",
  "/reset-password": "newPassword",
  "/change-password": "newPassword",
  "/set-password": "newPassword",
};

function invalid(message: string): APIError {
  return new APIError("BAD_REQUEST", { code: "INVALID_INPUT", message });
}

export function validateAuthInput(ctx: { path: string; body?: unknown }): void {
  const body: unknown = ctx.body;
  if (body === undefined || body === null) return;
  if (nestedDeeperThan(body, MAX_JSON_DEPTH)) throw invalid(`body: nested deeper than ${MAX_JSON_DEPTH} levels`);
  const unstorable = findUnstorableText(body);
  if (unstorable) throw invalid(unstorable);

  const schema = bodySchemas[ctx.path];
  const parsed = schema?.safeParse(body);
  if (parsed && !parsed.success) throw invalid(describeZodError(parsed.error));

  const field = newPasswordField[ctx.path];
  const password = field ? (body as Record<string, unknown>)[field] : undefined;
  if (typeof password === "string") {
    const problem = passwordProblem(password);
    if (problem) throw new APIError("BAD_REQUEST", { code: "WEAK_PASSWORD", message: problem });
  }
}
