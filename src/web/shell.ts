import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/** The document both pages share: charset, viewport, icon; each adds its title, styles, scripts and body. */
function htmlPage(title: string, head: Html, body: Html) {
  return html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title} · cas-edge</title>
    <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
    ${head}
  </head>
  <body>
    ${body}
  </body>
</html>`;
}

/**
 * The HTML the worker answers for the page's paths. It holds no data: the
 * script signs in with a token from sessionStorage and reads the REST API,
 * so the same cacheable shell serves every user.
 */
export function pageShell() {
  return htmlPage(
    "Parts",
    html`<link rel="stylesheet" href="/app.css" />
    <script type="module" src="/build/app.js"></script>`,
    html`<header class="top">
      <a href="/" data-nav class="brand">cas-edge</a>
      <nav aria-label="Site" id="site-nav" class="site-nav"><a href="/api/docs">API reference</a></nav>
      <div id="account"></div>
    </header>
    <div id="banner"></div>
    <div id="status" class="status" role="alert" aria-live="assertive"></div>
    <main id="main"><noscript>This page needs JavaScript; the REST API is described at <a href="/api/docs">/api/docs</a>.</noscript></main>`,
  );
}

/** /api/docs: Swagger UI's standalone bundle, copied from npm into the assets at build time. */
export function apiDocsShell() {
  return htmlPage(
    "API reference",
    html`<link rel="stylesheet" href="/vendor/swagger-ui/swagger-ui.css" />`,
    html`<p><a href="/">← Parts</a> · <a href="/api/openapi.json">openapi.json</a></p>
    <div id="swagger-ui"></div>
    <script src="/vendor/swagger-ui/swagger-ui-bundle.js"></script>
    <script type="module" src="/build/api-docs.js"></script>`,
  );
}
