/** /api/docs: Swagger UI (served from this worker, no CDN) reading the worker's own OpenAPI document. */
declare const SwaggerUIBundle: (options: Record<string, unknown>) => unknown;

SwaggerUIBundle({ url: "/api/openapi.json", dom_id: "#swagger-ui", deepLinking: true, tryItOutEnabled: false });
