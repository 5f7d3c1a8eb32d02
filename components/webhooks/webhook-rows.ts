export interface EndpointRow {
  id: string;
  url: string;
  description: string | null;
  events: string[];
  enabled: boolean;
  source: "dashboard" | "zapier";
  failingSince: string | null;
  disabledReason: string | null;
  disabledAt: string | null;
  rotationOverlapUntil: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface DeliveryRow {
  id: string;
  eventId: string;
  eventType: string;
  payload: unknown;
  status: "pending" | "succeeded" | "failed";
  attempts: number;
  responseStatus: number | null;
  responseBody: string | null;
  latencyMs: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  lastAttemptAt: string | null;
  deliveredAt: string | null;
  replayOfId: string | null;
  createdAt: string;
}

export const endpointsQueryKey = ["webhook-endpoints"] as const;
export const deliveriesQueryKey = (endpointId: string) => ["webhook-deliveries", endpointId] as const;
