// Response headers for every page and route (next.config.ts). Pages get their Content-Security-Policy from the
// proxy instead (proxy.ts), with a nonce per request: Next puts it on its inline bootstrap scripts, and
// 'strict-dynamic' lets the scripts they load run, so no inline script an attacker injects can. Everything else is
// same-origin only, and no page can be framed (the pay page must not be clickjacked). Styles keep 'unsafe-inline'
// (style attributes cannot carry a nonce).
export function contentSecurityPolicy({ production, nonce }: { production: boolean; nonce?: string }): string {
  const scripts = nonce ? `'self' 'nonce-${nonce}' 'strict-dynamic'` : "'self'";
  return [
    "default-src 'self'",
    `script-src ${scripts}${production ? "" : " 'unsafe-eval'"}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${production ? "" : " ws: wss:"}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function securityHeaders({ production }: { production: boolean }): { key: string; value: string }[] {
  const csp = contentSecurityPolicy({ production });
  return [
    { key: "Content-Security-Policy", value: csp },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
    ...(production ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
  ];
}
