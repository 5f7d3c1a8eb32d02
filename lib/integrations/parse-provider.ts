import { ApiError } from "@/lib/api/errors";
import { providerIds, type ProviderId } from "./catalog";

// The :provider path segment: an unknown one is a missing resource (404), not a bad body.
export function parseProvider(value: string | undefined): ProviderId {
  if (providerIds.includes(value as ProviderId)) return value as ProviderId;
  throw new ApiError("not_found", `There is no integration called "${String(value).slice(0, 40)}". Known: ${providerIds.join(", ")}.`);
}
