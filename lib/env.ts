import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

// Every variable the app reads, validated once. Nothing else reads process.env.

const isBuild = process.env.NEXT_PHASE === "phase-production-build";

const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  APP_URL: z.url().default("http://localhost:3000"),
  DATABASE_URL: z.string().min(1).optional(),
  PGLITE_DIR: z.string().min(1).default(".data/pglite"),
  AUTO_MIGRATE: z.stringbool().default(true),
  SEED_DEMO: z.stringbool().default(true),
  BETTER_AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  ENCRYPTION_KEY: z
    .string()
    .regex(/^[0-9a-f]{64}$/i, "must be 64 hex characters (32 bytes)")
    .optional(),
  CRON_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  TRUSTED_ORIGINS: z.string().default(""),
  RESEND_API_KEY: z.string().min(1).optional(),
  RESEND_BASE_URL: z.url().optional(),
  EMAIL_FROM: z.string().min(3).default("Tangabiz <no-reply@tangabiz.local>"),
  REDIS_URL: z.url().optional(),
  // Drain background jobs right after the response that queued them (tests switch it off to drain explicitly).
  JOBS_RUN_AFTER_RESPONSE: z.stringbool().default(true),
  // Better Auth's limits per client IP and minute: every auth route, and sign-in / sign-up.
  // End-to-end tests raise them (every browser there shares 127.0.0.1); keep the defaults in production.
  AUTH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(100),
  AUTH_SIGN_IN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  // Which request header carries the client's IP, set by a proxy you control (Vercel: x-vercel-forwarded-for).
  // Unset: no header is trusted and per-IP limits are skipped (a client-sent header could fake any address).
  TRUST_PROXY_HEADER: z.enum(["x-forwarded-for", "x-real-ip", "x-vercel-forwarded-for"]).optional(),
  VERCEL: z.string().optional(),
  // Outbound webhooks to private, loopback and link-local addresses are refused unless this is true (tests and
  // local development only: it lets a webhook reach the server's own network).
  OUTBOUND_WEBHOOKS_ALLOW_PRIVATE_NETWORKS: z.stringbool().default(false),
  STRIPE_SECRET_KEY: z.string().startsWith("sk_").optional(),
  STRIPE_WEBHOOK_SECRET: z.string().startsWith("whsec_").optional(),
  STRIPE_API_BASE: z.url().optional(),
  STRIPE_PRICE_ID_BASIC: z.string().min(1).optional(),
  STRIPE_PRICE_ID_PRO: z.string().min(1).optional(),
  STRIPE_PRICE_ID_ENTERPRISE: z.string().min(1).optional(),
  PAYNOW_INTEGRATION_ID: z.string().min(1).optional(),
  PAYNOW_INTEGRATION_KEY: z.string().min(1).optional(),
  PAYNOW_RESULT_URL: z.url().optional(),
  PAYNOW_RETURN_URL: z.url().optional(),
  PAYNOW_API_BASE: z.url().default("https://www.paynow.co.zw"),
  CVT_API_URL: z.url().optional(),
  CVT_SECRET_KEY: z.string().min(1).optional(),
  CVT_WEBHOOK_SECRET: z.string().min(1).optional(),
  CVT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  // Integrations: each provider's API host (local fakes in tests). {dc} is the account's data center.
  HUBSPOT_API_BASE: z.url().default("https://api.hubapi.com"),
  SALESFORCE_API_VERSION: z.string().regex(/^v\d+\.\d$/).default("v64.0"),
  // Instance URLs owners may enter (the server calls them, so not any URL).
  SALESFORCE_INSTANCE_URL_PATTERN: z.string().default("^https://[a-zA-Z0-9.-]+\\.(salesforce|force|cloudforce)\\.com$"),
  ZOHO_API_BASE: z.string().regex(/^https?:\/\//).default("https://www.zohoapis.{dc}"),
  MAILCHIMP_API_BASE: z.string().regex(/^https?:\/\//).default("https://{dc}.api.mailchimp.com"),
  SENDGRID_API_BASE: z.url().default("https://api.sendgrid.com"),
  GOOGLE_DRIVE_API_BASE: z.url().default("https://www.googleapis.com"),
  DROPBOX_API_BASE: z.url().default("https://api.dropboxapi.com"),
  DROPBOX_CONTENT_BASE: z.url().default("https://content.dropboxapi.com"),
  INTEGRATIONS_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(15_000),
  // Billing runs: open the next period's invoice this many days before the current period ends.
  BILLING_LEAD_DAYS: z.coerce.number().int().min(1).max(28).default(3),
  // Time budget of one billing-run invocation (Vercel functions stop at 60 s).
  BILLING_RUN_BUDGET_MS: z.coerce.number().int().min(1_000).max(300_000).default(50_000),
  SHOPIFY_WEBHOOK_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  // JSON maps: selling plan id → monthly credits, and top-up SKU → credits per unit.
  SHOPIFY_SELLING_PLAN_CREDITS: z.string().default("{}"),
  SHOPIFY_TOPUP_SKUS: z.string().default("{}"),
});

type Secrets = { BETTER_AUTH_SECRET: string; ENCRYPTION_KEY: string; CRON_SECRET: string };
const secretNames = ["BETTER_AUTH_SECRET", "ENCRYPTION_KEY", "CRON_SECRET"] as const;

// Outside production a missing secret is generated once and kept in .data/ so sessions survive restarts.
function developmentSecrets(): Secrets {
  const file = path.join(process.cwd(), ".data", "dev-secrets.json");
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as Secrets;
  const secrets: Secrets = {
    BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
    ENCRYPTION_KEY: randomBytes(32).toString("hex"),
    CRON_SECRET: randomBytes(24).toString("base64url"),
  };
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

function loadEnv() {
  // An empty value (as copied from .env.example) means "not set".
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== "")));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n  ${problems.join("\n  ")}`);
  }
  const env = parsed.data;
  const missing = secretNames.filter((name) => !env[name]);
  if (missing.length === 0) return env as typeof env & Secrets;
  if (env.NODE_ENV === "production" && !isBuild) {
    throw new Error(`Refusing to start in production without: ${missing.join(", ")} (see .env.example)`);
  }
  const fallback: Secrets = isBuild
    ? { BETTER_AUTH_SECRET: "build-only-secret-never-used-to-serve-x", ENCRYPTION_KEY: "0".repeat(64), CRON_SECRET: "build-only-cron-secret" }
    : developmentSecrets();
  return { ...env, ...Object.fromEntries(missing.map((name) => [name, fallback[name]])) } as typeof env & Secrets;
}

const loaded = loadEnv();
export const env = {
  ...loaded,
  TRUST_PROXY_HEADER: loaded.TRUST_PROXY_HEADER ?? (loaded.VERCEL ? ("x-vercel-forwarded-for" as const) : undefined),
};
export const isProduction = env.NODE_ENV === "production";
