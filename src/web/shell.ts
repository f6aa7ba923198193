import { html } from "hono/html";

/**
 * The HTML the worker answers for the page's paths. It holds no data: the
 * script signs in with a token from sessionStorage and reads the REST API,
 * so the same cacheable shell serves every user.
 */
export function pageShell() {
  return html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Parts · cas-edge</title>
    <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
    <link rel="stylesheet" href="/app.css" />
    <script type="module" src="/build/app.js"></script>
  </head>
  <body>
    <header class="top">
      <a href="/" data-nav class="brand">cas-edge</a>
      <nav aria-label="Site"><a href="/api/docs">API reference</a></nav>
      <div id="account"></div>
    </header>
    <div id="status" class="status" role="alert" aria-live="assertive"></div>
    <main id="main"><noscript>This page needs JavaScript; the REST API is described at <a href="/api/docs">/api/docs</a>.</noscript></main>
  </body>
</html>`;
}

/** /api/docs: Swagger UI's standalone bundle, copied from npm into the assets at build time. */
export function apiDocsShell() {
  return html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>API reference · cas-edge</title>
    <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
    <link rel="stylesheet" href="/vendor/swagger-ui/swagger-ui.css" />
  </head>
  <body>
    <p><a href="/">← Parts</a> · <a href="/api/openapi.json">openapi.json</a></p>
    <div id="swagger-ui"></div>
    <script src="/vendor/swagger-ui/swagger-ui-bundle.js"></script>
    <script type="module" src="/build/api-docs.js"></script>
  </body>
</html>`;
}
