/** Remix v2 classic compiler. Future flags on so the later move to React Router v7 stays small. */
/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ignoredRouteFiles: ["**/.*", "**/*.test.{ts,tsx}"],
  serverModuleFormat: "esm",
  serverPlatform: "node",
  // Leaflet's stylesheet is imported with ?url (the map loads Leaflet itself only in the browser)
  serverDependenciesToBundle: [/^leaflet\/dist\/leaflet\.css/],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
  },
};
