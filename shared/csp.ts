// The page's Content Security Policy, written once: the build puts it in index.html as a meta
// tag (which is all a file:// page in Electron gets), and the HTTP server also sends it as a
// header together with what only a header can carry.

/** Directives valid in a <meta http-equiv> tag. */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // antd writes its styles at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** The header form: the page policy plus directives a meta tag cannot set. */
export const HEADER_CSP = `${PAGE_CSP}; frame-ancestors 'none'`;
