/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its wasm and data files from its own package folder at run time.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "@signpdf/placeholder-plain", "@signpdf/signpdf", "@signpdf/utils", "node-forge"],
  poweredByHeader: false,
  experimental: {
    serverActions: { bodySizeLimit: "12mb" },
    // src/proxy.ts sees server-action posts (registration uploads up to 12 MB): it must not cut them short.
    proxyClientMaxBodySize: "13mb",
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          // Same text as PERMISSIONS_POLICY in src/server/http/csp.ts (a unit test keeps them equal). The
          // Content-Security-Policy needs a fresh nonce per page, so src/proxy.ts sets it.
          { key: "Permissions-Policy", value: "camera=(self), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=()" },
        ],
      },
    ];
  },
};

export default nextConfig;
