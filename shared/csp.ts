/**
 * One Content Security Policy for the window, served by the custom protocol in Electron and by the
 * web host, and written into index.html at build time. No remote code, no inline script or style,
 * no plugins, no framing. (ECharts and React set styles through the CSSOM, which CSP allows.)
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
