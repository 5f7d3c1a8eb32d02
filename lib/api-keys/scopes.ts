export const apiKeyScopes = ["pos:read", "pos:write", "usage:read", "credits:read", "credits:write"] as const;
export type ApiKeyScope = (typeof apiKeyScopes)[number];

export const posScopes: ApiKeyScope[] = ["pos:read", "pos:write", "usage:read"];
