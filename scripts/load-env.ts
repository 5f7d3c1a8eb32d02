// Scripts read the same files as `next dev` (.env.development.local, .env.local, .env.development, .env) before
// anything imports lib/env.
import nextEnv from "@next/env";

nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV !== "production");
