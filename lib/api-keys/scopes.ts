// webhooks:manage lets a tool such as Zapier subscribe and unsubscribe webhook endpoints (REST hooks).
export const apiKeyScopes = ["pos:read", "pos:write", "usage:read", "credits:read", "credits:write", "webhooks:manage"] as const;
export type ApiKeyScope = (typeof apiKeyScopes)[number];

export const posScopes: ApiKeyScope[] = ["pos:read", "pos:write", "usage:read"];
