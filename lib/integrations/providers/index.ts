import type { SyncingProviderId } from "../catalog";
import type { ProviderAdapter } from "../sync-context";
import { hubspot } from "./hubspot";

export const adapters: Partial<Record<SyncingProviderId, ProviderAdapter>> = {
  hubspot,
};

export function adapterFor(provider: string): ProviderAdapter | undefined {
  return (adapters as Record<string, ProviderAdapter | undefined>)[provider];
}
