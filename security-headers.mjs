/**
 * Sent with every response: by Next for the dashboard (next.config.mjs), and by the production
 * server's own REST path (server/api/rest/direct.ts), which answers /api/ without Next.
 */
export const SECURITY_HEADERS = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
];
