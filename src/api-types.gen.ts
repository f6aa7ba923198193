/**
 * The worker's API as TypeScript types, written by `npm run gen:api` from its
 * OpenAPI document (src/openapi.ts): do not edit. `npm run check:api` fails
 * when this file and the document disagree.
 */

export interface paths {
  "/api/oauth/token": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/x-www-form-urlencoded": {
            grant_type: "client_credentials";
            scope?: string;
            client_id?: string;
            client_secret?: string;
          };
        };
      };
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Token"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["OAuthError"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["OAuthError"];
          };
        };
        429: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["OAuthError"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/.well-known/jwks.json": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": {
              keys: {
                kty: string;
                kid?: string;
                alg?: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/.well-known/oauth-authorization-server": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": {
              issuer: string;
              token_endpoint: string;
              jwks_uri: string;
              service_documentation?: string;
              scopes_supported?: string[];
              response_types_supported: string[];
              grant_types_supported?: string[];
              token_endpoint_auth_methods_supported?: string[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/whoami": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Whoami"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/admin/accounts": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["AccountList"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["AccountCreate"];
        };
      };
      responses: {
        201: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["AccountWithSecret"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        409: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/admin/accounts/{clientId}": {
    parameters: {
      query?: never;
      header?: never;
      path: {
        clientId: string;
      };
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          clientId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Account"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/admin/accounts/{clientId}/rotate": {
    parameters: {
      query?: never;
      header?: never;
      path: {
        clientId: string;
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          clientId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["AccountWithSecret"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        409: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/admin/accounts/{clientId}/retire": {
    parameters: {
      query?: never;
      header?: never;
      path: {
        clientId: string;
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          clientId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Account"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        409: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/admin/accounts/{clientId}/disable": {
    parameters: {
      query?: never;
      header?: never;
      path: {
        clientId: string;
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          clientId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Account"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        409: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/admin/accounts/{clientId}/enable": {
    parameters: {
      query?: never;
      header?: never;
      path: {
        clientId: string;
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          clientId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Account"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        409: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/admin/mode": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Mode"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["ModeUpdate"];
        };
      };
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Mode"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/cas/{hash}": {
    parameters: {
      query?: never;
      header?: never;
      path: {
        hash: string;
      };
      cookie?: never;
    };
    get: {
      parameters: {
        query?: {
          content_type?: string;
          disposition?: string;
          filename?: string;
          thumbnail?: string;
        };
        header?: never;
        path: {
          hash: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "*/*": string;
          };
        };
        206: {
          headers: { [name: string]: unknown };
          content: {
            "*/*": string;
          };
        };
        304: { headers: { [name: string]: unknown }; content?: never };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        416: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          hash: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/octet-stream": string;
        };
      };
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Stored"];
          };
        };
        201: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Stored"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        411: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        413: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          hash: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content?: never };
        304: { headers: { [name: string]: unknown }; content?: never };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    patch?: never;
    trace?: never;
  };
  "/api/private/{hash}": {
    parameters: {
      query?: never;
      header?: never;
      path: {
        hash: string;
      };
      cookie?: never;
    };
    get: {
      parameters: {
        query: {
          content_type?: string;
          disposition?: string;
          filename?: string;
          thumbnail?: string;
          exp: string;
          kid: string;
          sig: string;
        };
        header?: never;
        path: {
          hash: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "*/*": string;
          };
        };
        206: {
          headers: { [name: string]: unknown };
          content: {
            "*/*": string;
          };
        };
        304: { headers: { [name: string]: unknown }; content?: never };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        416: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        503: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          hash: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content?: never };
        304: { headers: { [name: string]: unknown }; content?: never };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        503: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    patch?: never;
    trace?: never;
  };
  "/api/cas/exists": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["ExistsRequest"];
        };
      };
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["ExistsResponse"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/uploads": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["UploadCreate"];
        };
      };
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["UploadExisting"];
          };
        };
        201: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Upload"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        413: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/uploads/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Upload"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        410: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        204: { headers: { [name: string]: unknown }; content?: never };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        409: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/uploads/{id}/parts/{part}": {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        part: number;
      };
      cookie?: never;
    };
    get?: never;
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          part: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/octet-stream": string;
        };
      };
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Upload"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        409: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        410: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        411: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        413: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        503: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/uploads/{id}/complete": {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Upload"];
          };
        };
        201: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Upload"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        409: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        410: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        503: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/parts": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
          q?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["PartList"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["PartCreate"];
        };
      };
      responses: {
        201: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Part"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/parts/{key}": {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
      };
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          key: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Part"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          key: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        204: { headers: { [name: string]: unknown }; content?: never };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          key: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["PartUpdate"];
        };
      };
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Part"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    trace?: never;
  };
  "/api/parts/{key}/cover": {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
      };
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          key: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        410: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          key: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["Cover"];
        };
      };
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Part"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        409: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        422: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/parts/{key}/cover/thumbnail": {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
      };
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          key: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        410: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/parts/{key}/attachments": {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
      };
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          key: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Attachments"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    put?: never;
    post: {
      parameters: {
        query?: {
          filename?: string;
          title?: string;
          sha256?: string;
        };
        header?: {
          "X-Content-SHA256"?: string;
          "X-Attributes"?: string;
        };
        path: {
          key: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["UrlAttachmentCreate"] | components["schemas"]["StoredBlobAttachmentCreate"];
          "multipart/form-data": {
            file?: string;
            title?: string;
            sha256?: string;
            /** JSON object, as in X-Attributes */
            attributes?: string;
          };
          "*/*": string;
        };
      };
      responses: {
        201: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Attachment"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        411: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        413: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        422: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/parts/{key}/attachments/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
        id: number;
      };
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          key: string;
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Attachment"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          key: string;
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        204: { headers: { [name: string]: unknown }; content?: never };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          key: string;
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/merge-patch+json": components["schemas"]["AttachmentUpdate"];
          "application/json": components["schemas"]["AttachmentUpdate"];
        };
      };
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Attachment"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        422: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    trace?: never;
  };
  "/api/parts/{key}/attachments/{id}/copy": {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
        id: number;
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          key: string;
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["Copy"];
        };
      };
      responses: {
        201: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Attachment"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/parts/{key}/attachments/{id}/download": {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
        id: number;
      };
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          key: string;
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        410: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/parts/{key}/attachments/{id}/thumbnail": {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
        id: number;
      };
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          key: string;
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        410: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/attachments": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: {
          part?: string;
          type?: string;
          "attr.{key}"?: string;
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["AttachmentList"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/search": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query: {
          q: string;
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["SearchPage"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/health": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": {
              status: "ok";
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/health/ready": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": {
              status: "ready";
              checks: {
                d1: {
                  ok: boolean;
                  ms: number;
                  /** timeout or unavailable */
                  error?: string;
                };
                r2: {
                  ok: boolean;
                  ms: number;
                  /** timeout or unavailable */
                  error?: string;
                };
                durable_object: {
                  ok: boolean;
                  ms: number;
                  /** timeout or unavailable */
                  error?: string;
                };
              };
            };
          };
        };
        503: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "text/html": string;
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/parts/{key}": {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
      };
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          key: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "text/html": string;
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/console/{section}": {
    parameters: {
      query?: never;
      header?: never;
      path: {
        section: string;
      };
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          section: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "text/html": string;
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/docs": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "text/html": string;
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/app.css": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "*/*": string;
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/favicon.svg": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "*/*": string;
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/build/{file}": {
    parameters: {
      query?: never;
      header?: never;
      path: {
        file: string;
      };
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          file: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "*/*": string;
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/vendor/swagger-ui/{file}": {
    parameters: {
      query?: never;
      header?: never;
      path: {
        file: string;
      };
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          file: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "*/*": string;
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/legacy/attachments/{id}/{variant}": {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
        variant: "download" | "view" | "thumbnail";
      };
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
          variant: "download" | "view" | "thumbnail";
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "*/*": string;
          };
        };
        307: { headers: { [name: string]: unknown }; content?: never };
        404: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        503: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/admin/migration": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["MigrationStatus"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/admin/migration/run": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["MigrationRun"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        409: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/admin/migration/cleanup": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["CleanupStatus"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    put?: never;
    post: {
      parameters: {
        query?: {
          dry_run?: "0" | "1" | "true" | "false";
          cursor?: string;
          budget_ms?: number;
          max_objects?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["CleanupProgress"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        409: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/admin/gc": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["PassStatus"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    put?: never;
    post: {
      parameters: {
        query?: {
          dry_run?: "0" | "1" | "true" | "false";
          cursor?: string;
          budget_ms?: number;
          max_objects?: number;
          grace_hours?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["GcProgress"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        409: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/admin/visibility": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["PassStatus"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    put?: never;
    post: {
      parameters: {
        query?: {
          dry_run?: "0" | "1" | "true" | "false";
          cursor?: string;
          budget_ms?: number;
          max_objects?: number;
          grace_hours?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["VisibilityProgress"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        409: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/admin/audit": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
          sub?: string;
          action?: string;
          since?: string;
          until?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["AuditPage"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/openapi.json": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": {
              openapi: string;
              info: { [key: string]: unknown };
              paths: { [key: string]: unknown };
              components?: { [key: string]: unknown };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/limits": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Limits"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/device-models": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["DeviceModel"][];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            key: string;
            name: string;
          };
        };
      };
      responses: {
        201: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["DeviceModel"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        409: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/device-models/{model}": {
    parameters: {
      query?: never;
      header?: never;
      path: {
        model: string;
      };
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          model: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["DeviceModelWithFirmware"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        503: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/device-models/{model}/firmware": {
    parameters: {
      query?: never;
      header?: never;
      path: {
        model: string;
      };
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          model: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Firmware"][];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        503: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          model: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/zip": string;
        };
      };
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["FirmwareUpload"];
          };
        };
        201: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["FirmwareUpload"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        409: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        411: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        413: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        415: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        422: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        503: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/device-models/{model}/firmware/{version}": {
    parameters: {
      query?: never;
      header?: never;
      path: {
        model: string;
        version: string;
      };
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          model: string;
          version: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Firmware"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        503: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/devices": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: {
          model?: string;
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["DevicePage"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/devices/{device}": {
    parameters: {
      query?: never;
      header?: never;
      path: {
        device: string;
      };
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          device: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Device"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          device: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            model: string;
            name?: string | null;
            tags?: string[];
            pinned_version?: string | null;
          };
        };
      };
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Device"];
          };
        };
        201: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Device"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        422: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/devices/{device}/firmware": {
    parameters: {
      query?: {
        version?: string;
      };
      header?: {
        "X-Firmware-Version"?: string;
      };
      path: {
        device: string;
      };
      cookie?: never;
    };
    get: {
      parameters: {
        query?: {
          version?: string;
        };
        header?: {
          "X-Firmware-Version"?: string;
        };
        path: {
          device: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["OtaManifest"];
          };
        };
        204: { headers: { [name: string]: unknown }; content?: never };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        503: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/.well-known/cas-edge-update-keys": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": {
              keys: {
                kty: string;
                kid?: string;
                alg?: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/devices/{device}/coredumps": {
    parameters: {
      query?: never;
      header?: never;
      path: {
        device: string;
      };
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          device: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Coredump"][];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        503: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          device: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/octet-stream": string;
        };
      };
      responses: {
        201: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["CoredumpReceived"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        411: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        413: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/devices/{device}/coredumps/{hash}": {
    parameters: {
      query?: never;
      header?: never;
      path: {
        device: string;
        hash: string;
      };
      cookie?: never;
    };
    get?: never;
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          device: string;
          hash: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/octet-stream": string;
        };
      };
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Coredump"];
          };
        };
        201: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Coredump"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        411: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        413: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        503: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/coredumps": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: {
          status?: "PENDING" | "PARSED" | "FAILED";
          device?: string;
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["CoredumpPage"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        503: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/coredumps/claim": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: {
        content: {
          "application/json": {
            lease_seconds?: number;
          };
        };
      };
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["CoredumpClaim"];
          };
        };
        204: { headers: { [name: string]: unknown }; content?: never };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        503: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/coredumps/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Coredump"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        503: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        204: { headers: { [name: string]: unknown }; content?: never };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/coredumps/{id}/result": {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json":
            | {
                lease_id: string;
                status: "PARSED";
                result: string;
              }
            | {
                lease_id: string;
                status: "FAILED";
                reason: string;
              };
        };
      };
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Coredump"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        409: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        503: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/device-models/{model}/groups": {
    parameters: {
      query?: never;
      header?: never;
      path: {
        model: string;
      };
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          model: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["DeviceGroup"][];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          model: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            key: string;
            tags: string[];
          };
        };
      };
      responses: {
        201: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["DeviceGroup"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        409: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/device-models/{model}/groups/{group}": {
    parameters: {
      query?: never;
      header?: never;
      path: {
        model: string;
        group: string;
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          model: string;
          group: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        204: { headers: { [name: string]: unknown }; content?: never };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        409: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/rollouts": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: {
          model?: string;
          state?: string;
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Rollout"][];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            model: string;
            group?: string;
            version: string;
            rollback?: boolean;
            stages: {
              percent?: number;
              devices?: string[];
              min_soak_seconds: number;
              max_failure_ratio: number;
              min_sample?: number;
            }[];
          };
        };
      };
      responses: {
        201: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Rollout"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        422: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/rollouts/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Rollout"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/rollouts/{id}/start": {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Rollout"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        409: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/rollouts/{id}/pause": {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Rollout"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        409: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/rollouts/{id}/resume": {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Rollout"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        409: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/rollouts/{id}/cancel": {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Rollout"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        409: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/rollouts/{id}/advance": {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Rollout"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        409: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/devices/{device}/update-status": {
    parameters: {
      query?: never;
      header?: never;
      path: {
        device: string;
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          device: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            status: "downloading" | "installing" | "rebooted" | "success" | "failure";
            version: string;
            rollout_id?: number;
            reason_code?: string;
            reason?: string;
          };
        };
      };
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["UpdateReport"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        409: {
          headers: { [name: string]: unknown };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}

export interface components {
  schemas: {
    Problem: {
      type: string;
      title: string;
      status: number;
      detail: string;
    };
    PartCreate: {
      name: string;
      description?: string | null;
      /** Private part (default false): see the Part's `private` */
      private?: boolean;
    };
    PartUpdate: {
      name?: string;
      description?: string | null;
      /** Private part (default false): see the Part's `private` */
      private?: boolean;
    };
    Part: {
      key: string;
      name: string;
      description: string | null;
      cover_attachment_id: number | null;
      /** Thumbnail URL of the cover image (a signed link for a private part), or null */
      cover_url: string | null;
      /** Private: the part's files are stored privately and its answers carry signed, expiring links instead of public CAS URLs */
      private: boolean;
      created_at: string;
      updated_at: string;
    };
    PartList: {
      parts: {
        key: string;
        name: string;
        description: string | null;
        cover_attachment_id: number | null;
        /** Thumbnail URL of the cover image (a signed link for a private part), or null */
        cover_url: string | null;
        /** Private: the part's files are stored privately and its answers carry signed, expiring links instead of public CAS URLs */
        private: boolean;
        created_at: string;
        updated_at: string;
      }[];
      next_cursor: string | null;
    };
    Attachment: {
      id: number;
      part_key: string;
      attachment_type: "image" | "pdf" | "file" | "url";
      title: string;
      filename: string | null;
      content_type: string | null;
      size: number | null;
      /** The link of a URL attachment; null for files */
      url: string | null;
      /** CAS URL that downloads the file; a signed, expiring link when the file is private */
      download_url: string | null;
      /** CAS URL that shows the file inline, where that is safe; signed when the file is private */
      view_url: string | null;
      /** CAS URL of a 150 px thumbnail (image/jpeg), for images; signed when the file is private */
      thumbnail_url: string | null;
      /** An <img srcset> value: the thumbnail_url at 1x and a 512 px thumbnail at 2x, for high-DPI screens; null where thumbnail_url is */
      thumbnail_srcset: string | null;
      /** Custom attributes: a JSON object of at most 4096 bytes serialized, nested at most 16 levels deep; top-level keys are 1-64 characters of A-Z a-z 0-9 _ . -, and no key anywhere is "__proto__" */
      attributes: {
        [key: string]:
          | string
          | number
          | boolean
          | null
          | (
              | string
              | number
              | boolean
              | null
              | (
                  | string
                  | number
                  | boolean
                  | null
                  | (
                      | string
                      | number
                      | boolean
                      | null
                      | (
                          | string
                          | number
                          | boolean
                          | null
                          | (
                              | string
                              | number
                              | boolean
                              | null
                              | (
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                  | {
                                      [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                    }
                                )[]
                              | {
                                  [key: string]:
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                    | {
                                        [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                      };
                                }
                            )[]
                          | {
                              [key: string]:
                                | string
                                | number
                                | boolean
                                | null
                                | (
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                    | {
                                        [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                      }
                                  )[]
                                | {
                                    [key: string]:
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                      | {
                                          [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                        };
                                  };
                            }
                        )[]
                      | {
                          [key: string]:
                            | string
                            | number
                            | boolean
                            | null
                            | (
                                | string
                                | number
                                | boolean
                                | null
                                | (
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                    | {
                                        [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                      }
                                  )[]
                                | {
                                    [key: string]:
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                      | {
                                          [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                        };
                                  }
                              )[]
                            | {
                                [key: string]:
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                      | {
                                          [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                        | {
                                            [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                          };
                                    };
                              };
                        }
                    )[]
                  | {
                      [key: string]:
                        | string
                        | number
                        | boolean
                        | null
                        | (
                            | string
                            | number
                            | boolean
                            | null
                            | (
                                | string
                                | number
                                | boolean
                                | null
                                | (
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                    | {
                                        [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                      }
                                  )[]
                                | {
                                    [key: string]:
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                      | {
                                          [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                        };
                                  }
                              )[]
                            | {
                                [key: string]:
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                      | {
                                          [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                        | {
                                            [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                          };
                                    };
                              }
                          )[]
                        | {
                            [key: string]:
                              | string
                              | number
                              | boolean
                              | null
                              | (
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                      | {
                                          [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                        | {
                                            [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                          };
                                    }
                                )[]
                              | {
                                  [key: string]:
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                        | {
                                            [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                          | {
                                              [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                            };
                                      };
                                };
                          };
                    }
                )[]
              | {
                  [key: string]:
                    | string
                    | number
                    | boolean
                    | null
                    | (
                        | string
                        | number
                        | boolean
                        | null
                        | (
                            | string
                            | number
                            | boolean
                            | null
                            | (
                                | string
                                | number
                                | boolean
                                | null
                                | (
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                    | {
                                        [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                      }
                                  )[]
                                | {
                                    [key: string]:
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                      | {
                                          [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                        };
                                  }
                              )[]
                            | {
                                [key: string]:
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                      | {
                                          [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                        | {
                                            [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                          };
                                    };
                              }
                          )[]
                        | {
                            [key: string]:
                              | string
                              | number
                              | boolean
                              | null
                              | (
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                      | {
                                          [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                        | {
                                            [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                          };
                                    }
                                )[]
                              | {
                                  [key: string]:
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                        | {
                                            [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                          | {
                                              [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                            };
                                      };
                                };
                          }
                      )[]
                    | {
                        [key: string]:
                          | string
                          | number
                          | boolean
                          | null
                          | (
                              | string
                              | number
                              | boolean
                              | null
                              | (
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                      | {
                                          [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                        | {
                                            [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                          };
                                    }
                                )[]
                              | {
                                  [key: string]:
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                        | {
                                            [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                          | {
                                              [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                            };
                                      };
                                }
                            )[]
                          | {
                              [key: string]:
                                | string
                                | number
                                | boolean
                                | null
                                | (
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                        | {
                                            [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                          | {
                                              [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                            };
                                      }
                                  )[]
                                | {
                                    [key: string]:
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                          | {
                                              [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                            }
                                        )[]
                                      | {
                                          [key: string]:
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                            | {
                                                [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                              };
                                        };
                                  };
                            };
                      };
                }
            )[]
          | {
              [key: string]:
                | string
                | number
                | boolean
                | null
                | (
                    | string
                    | number
                    | boolean
                    | null
                    | (
                        | string
                        | number
                        | boolean
                        | null
                        | (
                            | string
                            | number
                            | boolean
                            | null
                            | (
                                | string
                                | number
                                | boolean
                                | null
                                | (
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                    | {
                                        [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                      }
                                  )[]
                                | {
                                    [key: string]:
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                      | {
                                          [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                        };
                                  }
                              )[]
                            | {
                                [key: string]:
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                      | {
                                          [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                        | {
                                            [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                          };
                                    };
                              }
                          )[]
                        | {
                            [key: string]:
                              | string
                              | number
                              | boolean
                              | null
                              | (
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                      | {
                                          [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                        | {
                                            [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                          };
                                    }
                                )[]
                              | {
                                  [key: string]:
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                        | {
                                            [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                          | {
                                              [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                            };
                                      };
                                };
                          }
                      )[]
                    | {
                        [key: string]:
                          | string
                          | number
                          | boolean
                          | null
                          | (
                              | string
                              | number
                              | boolean
                              | null
                              | (
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                      | {
                                          [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                        | {
                                            [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                          };
                                    }
                                )[]
                              | {
                                  [key: string]:
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                        | {
                                            [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                          | {
                                              [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                            };
                                      };
                                }
                            )[]
                          | {
                              [key: string]:
                                | string
                                | number
                                | boolean
                                | null
                                | (
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                        | {
                                            [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                          | {
                                              [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                            };
                                      }
                                  )[]
                                | {
                                    [key: string]:
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                          | {
                                              [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                            }
                                        )[]
                                      | {
                                          [key: string]:
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                            | {
                                                [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                              };
                                        };
                                  };
                            };
                      }
                  )[]
                | {
                    [key: string]:
                      | string
                      | number
                      | boolean
                      | null
                      | (
                          | string
                          | number
                          | boolean
                          | null
                          | (
                              | string
                              | number
                              | boolean
                              | null
                              | (
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                      | {
                                          [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                        | {
                                            [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                          };
                                    }
                                )[]
                              | {
                                  [key: string]:
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                        | {
                                            [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                          | {
                                              [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                            };
                                      };
                                }
                            )[]
                          | {
                              [key: string]:
                                | string
                                | number
                                | boolean
                                | null
                                | (
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                        | {
                                            [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                          | {
                                              [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                            };
                                      }
                                  )[]
                                | {
                                    [key: string]:
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                          | {
                                              [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                            }
                                        )[]
                                      | {
                                          [key: string]:
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                            | {
                                                [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                              };
                                        };
                                  };
                            }
                        )[]
                      | {
                          [key: string]:
                            | string
                            | number
                            | boolean
                            | null
                            | (
                                | string
                                | number
                                | boolean
                                | null
                                | (
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                        | {
                                            [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                          | {
                                              [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                            };
                                      }
                                  )[]
                                | {
                                    [key: string]:
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                          | {
                                              [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                            }
                                        )[]
                                      | {
                                          [key: string]:
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                            | {
                                                [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                              };
                                        };
                                  }
                              )[]
                            | {
                                [key: string]:
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                          | {
                                              [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                            }
                                        )[]
                                      | {
                                          [key: string]:
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                            | {
                                                [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                              };
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                            | {
                                                [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                              }
                                          )[]
                                        | {
                                            [key: string]:
                                              | string
                                              | number
                                              | boolean
                                              | null
                                              | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                              | {
                                                  [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                                };
                                          };
                                    };
                              };
                        };
                  };
            };
      };
      /** Layout version of attributes; 1 is a flat JSON object */
      attributes_schema_version: number;
      created_at: string;
    };
    Attachments: {
      id: number;
      part_key: string;
      attachment_type: "image" | "pdf" | "file" | "url";
      title: string;
      filename: string | null;
      content_type: string | null;
      size: number | null;
      /** The link of a URL attachment; null for files */
      url: string | null;
      /** CAS URL that downloads the file; a signed, expiring link when the file is private */
      download_url: string | null;
      /** CAS URL that shows the file inline, where that is safe; signed when the file is private */
      view_url: string | null;
      /** CAS URL of a 150 px thumbnail (image/jpeg), for images; signed when the file is private */
      thumbnail_url: string | null;
      /** An <img srcset> value: the thumbnail_url at 1x and a 512 px thumbnail at 2x, for high-DPI screens; null where thumbnail_url is */
      thumbnail_srcset: string | null;
      /** Custom attributes: a JSON object of at most 4096 bytes serialized, nested at most 16 levels deep; top-level keys are 1-64 characters of A-Z a-z 0-9 _ . -, and no key anywhere is "__proto__" */
      attributes: {
        [key: string]:
          | string
          | number
          | boolean
          | null
          | (
              | string
              | number
              | boolean
              | null
              | (
                  | string
                  | number
                  | boolean
                  | null
                  | (
                      | string
                      | number
                      | boolean
                      | null
                      | (
                          | string
                          | number
                          | boolean
                          | null
                          | (
                              | string
                              | number
                              | boolean
                              | null
                              | (
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | unknown[]
                                  | {
                                      [key: string]: unknown;
                                    }
                                )[]
                              | {
                                  [key: string]:
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | unknown[]
                                    | {
                                        [key: string]: unknown;
                                      };
                                }
                            )[]
                          | {
                              [key: string]:
                                | string
                                | number
                                | boolean
                                | null
                                | (
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | unknown[]
                                    | {
                                        [key: string]: unknown;
                                      }
                                  )[]
                                | {
                                    [key: string]:
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | unknown[]
                                      | {
                                          [key: string]: unknown;
                                        };
                                  };
                            }
                        )[]
                      | {
                          [key: string]:
                            | string
                            | number
                            | boolean
                            | null
                            | (
                                | string
                                | number
                                | boolean
                                | null
                                | (
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | unknown[]
                                    | {
                                        [key: string]: unknown;
                                      }
                                  )[]
                                | {
                                    [key: string]:
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | unknown[]
                                      | {
                                          [key: string]: unknown;
                                        };
                                  }
                              )[]
                            | {
                                [key: string]:
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | unknown[]
                                      | {
                                          [key: string]: unknown;
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          };
                                    };
                              };
                        }
                    )[]
                  | {
                      [key: string]:
                        | string
                        | number
                        | boolean
                        | null
                        | (
                            | string
                            | number
                            | boolean
                            | null
                            | (
                                | string
                                | number
                                | boolean
                                | null
                                | (
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | unknown[]
                                    | {
                                        [key: string]: unknown;
                                      }
                                  )[]
                                | {
                                    [key: string]:
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | unknown[]
                                      | {
                                          [key: string]: unknown;
                                        };
                                  }
                              )[]
                            | {
                                [key: string]:
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | unknown[]
                                      | {
                                          [key: string]: unknown;
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          };
                                    };
                              }
                          )[]
                        | {
                            [key: string]:
                              | string
                              | number
                              | boolean
                              | null
                              | (
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | unknown[]
                                      | {
                                          [key: string]: unknown;
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          };
                                    }
                                )[]
                              | {
                                  [key: string]:
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            };
                                      };
                                };
                          };
                    }
                )[]
              | {
                  [key: string]:
                    | string
                    | number
                    | boolean
                    | null
                    | (
                        | string
                        | number
                        | boolean
                        | null
                        | (
                            | string
                            | number
                            | boolean
                            | null
                            | (
                                | string
                                | number
                                | boolean
                                | null
                                | (
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | unknown[]
                                    | {
                                        [key: string]: unknown;
                                      }
                                  )[]
                                | {
                                    [key: string]:
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | unknown[]
                                      | {
                                          [key: string]: unknown;
                                        };
                                  }
                              )[]
                            | {
                                [key: string]:
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | unknown[]
                                      | {
                                          [key: string]: unknown;
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          };
                                    };
                              }
                          )[]
                        | {
                            [key: string]:
                              | string
                              | number
                              | boolean
                              | null
                              | (
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | unknown[]
                                      | {
                                          [key: string]: unknown;
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          };
                                    }
                                )[]
                              | {
                                  [key: string]:
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            };
                                      };
                                };
                          }
                      )[]
                    | {
                        [key: string]:
                          | string
                          | number
                          | boolean
                          | null
                          | (
                              | string
                              | number
                              | boolean
                              | null
                              | (
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | unknown[]
                                      | {
                                          [key: string]: unknown;
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          };
                                    }
                                )[]
                              | {
                                  [key: string]:
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            };
                                      };
                                }
                            )[]
                          | {
                              [key: string]:
                                | string
                                | number
                                | boolean
                                | null
                                | (
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            };
                                      }
                                  )[]
                                | {
                                    [key: string]:
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            }
                                        )[]
                                      | {
                                          [key: string]:
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | unknown[]
                                            | {
                                                [key: string]: unknown;
                                              };
                                        };
                                  };
                            };
                      };
                }
            )[]
          | {
              [key: string]:
                | string
                | number
                | boolean
                | null
                | (
                    | string
                    | number
                    | boolean
                    | null
                    | (
                        | string
                        | number
                        | boolean
                        | null
                        | (
                            | string
                            | number
                            | boolean
                            | null
                            | (
                                | string
                                | number
                                | boolean
                                | null
                                | (
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | unknown[]
                                    | {
                                        [key: string]: unknown;
                                      }
                                  )[]
                                | {
                                    [key: string]:
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | unknown[]
                                      | {
                                          [key: string]: unknown;
                                        };
                                  }
                              )[]
                            | {
                                [key: string]:
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | unknown[]
                                      | {
                                          [key: string]: unknown;
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          };
                                    };
                              }
                          )[]
                        | {
                            [key: string]:
                              | string
                              | number
                              | boolean
                              | null
                              | (
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | unknown[]
                                      | {
                                          [key: string]: unknown;
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          };
                                    }
                                )[]
                              | {
                                  [key: string]:
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            };
                                      };
                                };
                          }
                      )[]
                    | {
                        [key: string]:
                          | string
                          | number
                          | boolean
                          | null
                          | (
                              | string
                              | number
                              | boolean
                              | null
                              | (
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | unknown[]
                                      | {
                                          [key: string]: unknown;
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          };
                                    }
                                )[]
                              | {
                                  [key: string]:
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            };
                                      };
                                }
                            )[]
                          | {
                              [key: string]:
                                | string
                                | number
                                | boolean
                                | null
                                | (
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            };
                                      }
                                  )[]
                                | {
                                    [key: string]:
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            }
                                        )[]
                                      | {
                                          [key: string]:
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | unknown[]
                                            | {
                                                [key: string]: unknown;
                                              };
                                        };
                                  };
                            };
                      }
                  )[]
                | {
                    [key: string]:
                      | string
                      | number
                      | boolean
                      | null
                      | (
                          | string
                          | number
                          | boolean
                          | null
                          | (
                              | string
                              | number
                              | boolean
                              | null
                              | (
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | unknown[]
                                      | {
                                          [key: string]: unknown;
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          };
                                    }
                                )[]
                              | {
                                  [key: string]:
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            };
                                      };
                                }
                            )[]
                          | {
                              [key: string]:
                                | string
                                | number
                                | boolean
                                | null
                                | (
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            };
                                      }
                                  )[]
                                | {
                                    [key: string]:
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            }
                                        )[]
                                      | {
                                          [key: string]:
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | unknown[]
                                            | {
                                                [key: string]: unknown;
                                              };
                                        };
                                  };
                            }
                        )[]
                      | {
                          [key: string]:
                            | string
                            | number
                            | boolean
                            | null
                            | (
                                | string
                                | number
                                | boolean
                                | null
                                | (
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            };
                                      }
                                  )[]
                                | {
                                    [key: string]:
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            }
                                        )[]
                                      | {
                                          [key: string]:
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | unknown[]
                                            | {
                                                [key: string]: unknown;
                                              };
                                        };
                                  }
                              )[]
                            | {
                                [key: string]:
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            }
                                        )[]
                                      | {
                                          [key: string]:
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | unknown[]
                                            | {
                                                [key: string]: unknown;
                                              };
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | unknown[]
                                            | {
                                                [key: string]: unknown;
                                              }
                                          )[]
                                        | {
                                            [key: string]:
                                              | string
                                              | number
                                              | boolean
                                              | null
                                              | unknown[]
                                              | {
                                                  [key: string]: unknown;
                                                };
                                          };
                                    };
                              };
                        };
                  };
            };
      };
      /** Layout version of attributes; 1 is a flat JSON object */
      attributes_schema_version: number;
      created_at: string;
    }[];
    UrlAttachmentCreate: {
      url: string;
      title?: string;
      /** Custom attributes: a JSON object of at most 4096 bytes serialized, nested at most 16 levels deep; top-level keys are 1-64 characters of A-Z a-z 0-9 _ . -, and no key anywhere is "__proto__" */
      attributes?: {
        [key: string]:
          | string
          | number
          | boolean
          | null
          | (
              | string
              | number
              | boolean
              | null
              | (
                  | string
                  | number
                  | boolean
                  | null
                  | (
                      | string
                      | number
                      | boolean
                      | null
                      | (
                          | string
                          | number
                          | boolean
                          | null
                          | (
                              | string
                              | number
                              | boolean
                              | null
                              | (
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                  | {
                                      [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                    }
                                )[]
                              | {
                                  [key: string]:
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                    | {
                                        [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                      };
                                }
                            )[]
                          | {
                              [key: string]:
                                | string
                                | number
                                | boolean
                                | null
                                | (
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                    | {
                                        [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                      }
                                  )[]
                                | {
                                    [key: string]:
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                      | {
                                          [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                        };
                                  };
                            }
                        )[]
                      | {
                          [key: string]:
                            | string
                            | number
                            | boolean
                            | null
                            | (
                                | string
                                | number
                                | boolean
                                | null
                                | (
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                    | {
                                        [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                      }
                                  )[]
                                | {
                                    [key: string]:
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                      | {
                                          [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                        };
                                  }
                              )[]
                            | {
                                [key: string]:
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                      | {
                                          [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                        | {
                                            [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                          };
                                    };
                              };
                        }
                    )[]
                  | {
                      [key: string]:
                        | string
                        | number
                        | boolean
                        | null
                        | (
                            | string
                            | number
                            | boolean
                            | null
                            | (
                                | string
                                | number
                                | boolean
                                | null
                                | (
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                    | {
                                        [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                      }
                                  )[]
                                | {
                                    [key: string]:
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                      | {
                                          [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                        };
                                  }
                              )[]
                            | {
                                [key: string]:
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                      | {
                                          [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                        | {
                                            [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                          };
                                    };
                              }
                          )[]
                        | {
                            [key: string]:
                              | string
                              | number
                              | boolean
                              | null
                              | (
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                      | {
                                          [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                        | {
                                            [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                          };
                                    }
                                )[]
                              | {
                                  [key: string]:
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                        | {
                                            [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                          | {
                                              [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                            };
                                      };
                                };
                          };
                    }
                )[]
              | {
                  [key: string]:
                    | string
                    | number
                    | boolean
                    | null
                    | (
                        | string
                        | number
                        | boolean
                        | null
                        | (
                            | string
                            | number
                            | boolean
                            | null
                            | (
                                | string
                                | number
                                | boolean
                                | null
                                | (
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                    | {
                                        [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                      }
                                  )[]
                                | {
                                    [key: string]:
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                      | {
                                          [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                        };
                                  }
                              )[]
                            | {
                                [key: string]:
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                      | {
                                          [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                        | {
                                            [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                          };
                                    };
                              }
                          )[]
                        | {
                            [key: string]:
                              | string
                              | number
                              | boolean
                              | null
                              | (
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                      | {
                                          [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                        | {
                                            [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                          };
                                    }
                                )[]
                              | {
                                  [key: string]:
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                        | {
                                            [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                          | {
                                              [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                            };
                                      };
                                };
                          }
                      )[]
                    | {
                        [key: string]:
                          | string
                          | number
                          | boolean
                          | null
                          | (
                              | string
                              | number
                              | boolean
                              | null
                              | (
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                      | {
                                          [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                        | {
                                            [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                          };
                                    }
                                )[]
                              | {
                                  [key: string]:
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                        | {
                                            [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                          | {
                                              [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                            };
                                      };
                                }
                            )[]
                          | {
                              [key: string]:
                                | string
                                | number
                                | boolean
                                | null
                                | (
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                        | {
                                            [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                          | {
                                              [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                            };
                                      }
                                  )[]
                                | {
                                    [key: string]:
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                          | {
                                              [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                            }
                                        )[]
                                      | {
                                          [key: string]:
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                            | {
                                                [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                              };
                                        };
                                  };
                            };
                      };
                }
            )[]
          | {
              [key: string]:
                | string
                | number
                | boolean
                | null
                | (
                    | string
                    | number
                    | boolean
                    | null
                    | (
                        | string
                        | number
                        | boolean
                        | null
                        | (
                            | string
                            | number
                            | boolean
                            | null
                            | (
                                | string
                                | number
                                | boolean
                                | null
                                | (
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                    | {
                                        [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                      }
                                  )[]
                                | {
                                    [key: string]:
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                      | {
                                          [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                        };
                                  }
                              )[]
                            | {
                                [key: string]:
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                      | {
                                          [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                        | {
                                            [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                          };
                                    };
                              }
                          )[]
                        | {
                            [key: string]:
                              | string
                              | number
                              | boolean
                              | null
                              | (
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                      | {
                                          [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                        | {
                                            [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                          };
                                    }
                                )[]
                              | {
                                  [key: string]:
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                        | {
                                            [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                          | {
                                              [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                            };
                                      };
                                };
                          }
                      )[]
                    | {
                        [key: string]:
                          | string
                          | number
                          | boolean
                          | null
                          | (
                              | string
                              | number
                              | boolean
                              | null
                              | (
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                      | {
                                          [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                        | {
                                            [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                          };
                                    }
                                )[]
                              | {
                                  [key: string]:
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                        | {
                                            [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                          | {
                                              [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                            };
                                      };
                                }
                            )[]
                          | {
                              [key: string]:
                                | string
                                | number
                                | boolean
                                | null
                                | (
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                        | {
                                            [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                          | {
                                              [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                            };
                                      }
                                  )[]
                                | {
                                    [key: string]:
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                          | {
                                              [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                            }
                                        )[]
                                      | {
                                          [key: string]:
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                            | {
                                                [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                              };
                                        };
                                  };
                            };
                      }
                  )[]
                | {
                    [key: string]:
                      | string
                      | number
                      | boolean
                      | null
                      | (
                          | string
                          | number
                          | boolean
                          | null
                          | (
                              | string
                              | number
                              | boolean
                              | null
                              | (
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                      | {
                                          [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                        | {
                                            [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                          };
                                    }
                                )[]
                              | {
                                  [key: string]:
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                        | {
                                            [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                          | {
                                              [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                            };
                                      };
                                }
                            )[]
                          | {
                              [key: string]:
                                | string
                                | number
                                | boolean
                                | null
                                | (
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                        | {
                                            [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                          | {
                                              [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                            };
                                      }
                                  )[]
                                | {
                                    [key: string]:
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                          | {
                                              [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                            }
                                        )[]
                                      | {
                                          [key: string]:
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                            | {
                                                [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                              };
                                        };
                                  };
                            }
                        )[]
                      | {
                          [key: string]:
                            | string
                            | number
                            | boolean
                            | null
                            | (
                                | string
                                | number
                                | boolean
                                | null
                                | (
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                        | {
                                            [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                          | {
                                              [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                            };
                                      }
                                  )[]
                                | {
                                    [key: string]:
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                          | {
                                              [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                            }
                                        )[]
                                      | {
                                          [key: string]:
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                            | {
                                                [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                              };
                                        };
                                  }
                              )[]
                            | {
                                [key: string]:
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                          | {
                                              [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                            }
                                        )[]
                                      | {
                                          [key: string]:
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                            | {
                                                [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                              };
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                            | {
                                                [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                              }
                                          )[]
                                        | {
                                            [key: string]:
                                              | string
                                              | number
                                              | boolean
                                              | null
                                              | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                              | {
                                                  [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                                };
                                          };
                                    };
                              };
                        };
                  };
            };
      };
    };
    StoredBlobAttachmentCreate: {
      sha256: string;
      filename: string;
      title?: string;
      /** The file's type as the client knows it; the bytes decide for images and PDFs */
      content_type?: string;
      /** Custom attributes: a JSON object of at most 4096 bytes serialized, nested at most 16 levels deep; top-level keys are 1-64 characters of A-Z a-z 0-9 _ . -, and no key anywhere is "__proto__" */
      attributes?: {
        [key: string]:
          | string
          | number
          | boolean
          | null
          | (
              | string
              | number
              | boolean
              | null
              | (
                  | string
                  | number
                  | boolean
                  | null
                  | (
                      | string
                      | number
                      | boolean
                      | null
                      | (
                          | string
                          | number
                          | boolean
                          | null
                          | (
                              | string
                              | number
                              | boolean
                              | null
                              | (
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                  | {
                                      [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                    }
                                )[]
                              | {
                                  [key: string]:
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                    | {
                                        [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                      };
                                }
                            )[]
                          | {
                              [key: string]:
                                | string
                                | number
                                | boolean
                                | null
                                | (
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                    | {
                                        [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                      }
                                  )[]
                                | {
                                    [key: string]:
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                      | {
                                          [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                        };
                                  };
                            }
                        )[]
                      | {
                          [key: string]:
                            | string
                            | number
                            | boolean
                            | null
                            | (
                                | string
                                | number
                                | boolean
                                | null
                                | (
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                    | {
                                        [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                      }
                                  )[]
                                | {
                                    [key: string]:
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                      | {
                                          [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                        };
                                  }
                              )[]
                            | {
                                [key: string]:
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                      | {
                                          [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                        | {
                                            [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                          };
                                    };
                              };
                        }
                    )[]
                  | {
                      [key: string]:
                        | string
                        | number
                        | boolean
                        | null
                        | (
                            | string
                            | number
                            | boolean
                            | null
                            | (
                                | string
                                | number
                                | boolean
                                | null
                                | (
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                    | {
                                        [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                      }
                                  )[]
                                | {
                                    [key: string]:
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                      | {
                                          [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                        };
                                  }
                              )[]
                            | {
                                [key: string]:
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                      | {
                                          [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                        | {
                                            [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                          };
                                    };
                              }
                          )[]
                        | {
                            [key: string]:
                              | string
                              | number
                              | boolean
                              | null
                              | (
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                      | {
                                          [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                        | {
                                            [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                          };
                                    }
                                )[]
                              | {
                                  [key: string]:
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                        | {
                                            [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                          | {
                                              [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                            };
                                      };
                                };
                          };
                    }
                )[]
              | {
                  [key: string]:
                    | string
                    | number
                    | boolean
                    | null
                    | (
                        | string
                        | number
                        | boolean
                        | null
                        | (
                            | string
                            | number
                            | boolean
                            | null
                            | (
                                | string
                                | number
                                | boolean
                                | null
                                | (
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                    | {
                                        [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                      }
                                  )[]
                                | {
                                    [key: string]:
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                      | {
                                          [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                        };
                                  }
                              )[]
                            | {
                                [key: string]:
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                      | {
                                          [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                        | {
                                            [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                          };
                                    };
                              }
                          )[]
                        | {
                            [key: string]:
                              | string
                              | number
                              | boolean
                              | null
                              | (
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                      | {
                                          [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                        | {
                                            [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                          };
                                    }
                                )[]
                              | {
                                  [key: string]:
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                        | {
                                            [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                          | {
                                              [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                            };
                                      };
                                };
                          }
                      )[]
                    | {
                        [key: string]:
                          | string
                          | number
                          | boolean
                          | null
                          | (
                              | string
                              | number
                              | boolean
                              | null
                              | (
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                      | {
                                          [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                        | {
                                            [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                          };
                                    }
                                )[]
                              | {
                                  [key: string]:
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                        | {
                                            [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                          | {
                                              [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                            };
                                      };
                                }
                            )[]
                          | {
                              [key: string]:
                                | string
                                | number
                                | boolean
                                | null
                                | (
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                        | {
                                            [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                          | {
                                              [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                            };
                                      }
                                  )[]
                                | {
                                    [key: string]:
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                          | {
                                              [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                            }
                                        )[]
                                      | {
                                          [key: string]:
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                            | {
                                                [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                              };
                                        };
                                  };
                            };
                      };
                }
            )[]
          | {
              [key: string]:
                | string
                | number
                | boolean
                | null
                | (
                    | string
                    | number
                    | boolean
                    | null
                    | (
                        | string
                        | number
                        | boolean
                        | null
                        | (
                            | string
                            | number
                            | boolean
                            | null
                            | (
                                | string
                                | number
                                | boolean
                                | null
                                | (
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                    | {
                                        [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                      }
                                  )[]
                                | {
                                    [key: string]:
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                      | {
                                          [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                        };
                                  }
                              )[]
                            | {
                                [key: string]:
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                      | {
                                          [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                        | {
                                            [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                          };
                                    };
                              }
                          )[]
                        | {
                            [key: string]:
                              | string
                              | number
                              | boolean
                              | null
                              | (
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                      | {
                                          [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                        | {
                                            [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                          };
                                    }
                                )[]
                              | {
                                  [key: string]:
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                        | {
                                            [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                          | {
                                              [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                            };
                                      };
                                };
                          }
                      )[]
                    | {
                        [key: string]:
                          | string
                          | number
                          | boolean
                          | null
                          | (
                              | string
                              | number
                              | boolean
                              | null
                              | (
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                      | {
                                          [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                        | {
                                            [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                          };
                                    }
                                )[]
                              | {
                                  [key: string]:
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                        | {
                                            [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                          | {
                                              [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                            };
                                      };
                                }
                            )[]
                          | {
                              [key: string]:
                                | string
                                | number
                                | boolean
                                | null
                                | (
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                        | {
                                            [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                          | {
                                              [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                            };
                                      }
                                  )[]
                                | {
                                    [key: string]:
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                          | {
                                              [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                            }
                                        )[]
                                      | {
                                          [key: string]:
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                            | {
                                                [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                              };
                                        };
                                  };
                            };
                      }
                  )[]
                | {
                    [key: string]:
                      | string
                      | number
                      | boolean
                      | null
                      | (
                          | string
                          | number
                          | boolean
                          | null
                          | (
                              | string
                              | number
                              | boolean
                              | null
                              | (
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                      | {
                                          [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                        | {
                                            [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                          };
                                    }
                                )[]
                              | {
                                  [key: string]:
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                        | {
                                            [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                          | {
                                              [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                            };
                                      };
                                }
                            )[]
                          | {
                              [key: string]:
                                | string
                                | number
                                | boolean
                                | null
                                | (
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                        | {
                                            [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                          | {
                                              [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                            };
                                      }
                                  )[]
                                | {
                                    [key: string]:
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                          | {
                                              [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                            }
                                        )[]
                                      | {
                                          [key: string]:
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                            | {
                                                [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                              };
                                        };
                                  };
                            }
                        )[]
                      | {
                          [key: string]:
                            | string
                            | number
                            | boolean
                            | null
                            | (
                                | string
                                | number
                                | boolean
                                | null
                                | (
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                        | {
                                            [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                          | {
                                              [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                            };
                                      }
                                  )[]
                                | {
                                    [key: string]:
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                          | {
                                              [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                            }
                                        )[]
                                      | {
                                          [key: string]:
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                            | {
                                                [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                              };
                                        };
                                  }
                              )[]
                            | {
                                [key: string]:
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                          | {
                                              [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                            }
                                        )[]
                                      | {
                                          [key: string]:
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                            | {
                                                [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                              };
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                            | {
                                                [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                              }
                                          )[]
                                        | {
                                            [key: string]:
                                              | string
                                              | number
                                              | boolean
                                              | null
                                              | (unknown | unknown | unknown | unknown | unknown | unknown)[]
                                              | {
                                                  [key: string]: unknown | unknown | unknown | unknown | unknown | unknown;
                                                };
                                          };
                                    };
                              };
                        };
                  };
            };
      };
    };
    AttachmentUpdate: {
      title?: string;
      filename?: string;
      /** An RFC 7396 JSON Merge Patch of the attributes: a member set to null is deleted, an object is merged, anything else replaces; null clears them all */
      attributes?: {
        [key: string]:
          | string
          | number
          | boolean
          | null
          | (
              | string
              | number
              | boolean
              | null
              | (
                  | string
                  | number
                  | boolean
                  | null
                  | (
                      | string
                      | number
                      | boolean
                      | null
                      | (
                          | string
                          | number
                          | boolean
                          | null
                          | (
                              | string
                              | number
                              | boolean
                              | null
                              | (
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | unknown[]
                                  | {
                                      [key: string]: unknown;
                                    }
                                )[]
                              | {
                                  [key: string]:
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | unknown[]
                                    | {
                                        [key: string]: unknown;
                                      };
                                }
                            )[]
                          | {
                              [key: string]:
                                | string
                                | number
                                | boolean
                                | null
                                | (
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | unknown[]
                                    | {
                                        [key: string]: unknown;
                                      }
                                  )[]
                                | {
                                    [key: string]:
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | unknown[]
                                      | {
                                          [key: string]: unknown;
                                        };
                                  };
                            }
                        )[]
                      | {
                          [key: string]:
                            | string
                            | number
                            | boolean
                            | null
                            | (
                                | string
                                | number
                                | boolean
                                | null
                                | (
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | unknown[]
                                    | {
                                        [key: string]: unknown;
                                      }
                                  )[]
                                | {
                                    [key: string]:
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | unknown[]
                                      | {
                                          [key: string]: unknown;
                                        };
                                  }
                              )[]
                            | {
                                [key: string]:
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | unknown[]
                                      | {
                                          [key: string]: unknown;
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          };
                                    };
                              };
                        }
                    )[]
                  | {
                      [key: string]:
                        | string
                        | number
                        | boolean
                        | null
                        | (
                            | string
                            | number
                            | boolean
                            | null
                            | (
                                | string
                                | number
                                | boolean
                                | null
                                | (
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | unknown[]
                                    | {
                                        [key: string]: unknown;
                                      }
                                  )[]
                                | {
                                    [key: string]:
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | unknown[]
                                      | {
                                          [key: string]: unknown;
                                        };
                                  }
                              )[]
                            | {
                                [key: string]:
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | unknown[]
                                      | {
                                          [key: string]: unknown;
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          };
                                    };
                              }
                          )[]
                        | {
                            [key: string]:
                              | string
                              | number
                              | boolean
                              | null
                              | (
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | unknown[]
                                      | {
                                          [key: string]: unknown;
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          };
                                    }
                                )[]
                              | {
                                  [key: string]:
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            };
                                      };
                                };
                          };
                    }
                )[]
              | {
                  [key: string]:
                    | string
                    | number
                    | boolean
                    | null
                    | (
                        | string
                        | number
                        | boolean
                        | null
                        | (
                            | string
                            | number
                            | boolean
                            | null
                            | (
                                | string
                                | number
                                | boolean
                                | null
                                | (
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | unknown[]
                                    | {
                                        [key: string]: unknown;
                                      }
                                  )[]
                                | {
                                    [key: string]:
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | unknown[]
                                      | {
                                          [key: string]: unknown;
                                        };
                                  }
                              )[]
                            | {
                                [key: string]:
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | unknown[]
                                      | {
                                          [key: string]: unknown;
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          };
                                    };
                              }
                          )[]
                        | {
                            [key: string]:
                              | string
                              | number
                              | boolean
                              | null
                              | (
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | unknown[]
                                      | {
                                          [key: string]: unknown;
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          };
                                    }
                                )[]
                              | {
                                  [key: string]:
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            };
                                      };
                                };
                          }
                      )[]
                    | {
                        [key: string]:
                          | string
                          | number
                          | boolean
                          | null
                          | (
                              | string
                              | number
                              | boolean
                              | null
                              | (
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | unknown[]
                                      | {
                                          [key: string]: unknown;
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          };
                                    }
                                )[]
                              | {
                                  [key: string]:
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            };
                                      };
                                }
                            )[]
                          | {
                              [key: string]:
                                | string
                                | number
                                | boolean
                                | null
                                | (
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            };
                                      }
                                  )[]
                                | {
                                    [key: string]:
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            }
                                        )[]
                                      | {
                                          [key: string]:
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | unknown[]
                                            | {
                                                [key: string]: unknown;
                                              };
                                        };
                                  };
                            };
                      };
                }
            )[]
          | {
              [key: string]:
                | string
                | number
                | boolean
                | null
                | (
                    | string
                    | number
                    | boolean
                    | null
                    | (
                        | string
                        | number
                        | boolean
                        | null
                        | (
                            | string
                            | number
                            | boolean
                            | null
                            | (
                                | string
                                | number
                                | boolean
                                | null
                                | (
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | unknown[]
                                    | {
                                        [key: string]: unknown;
                                      }
                                  )[]
                                | {
                                    [key: string]:
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | unknown[]
                                      | {
                                          [key: string]: unknown;
                                        };
                                  }
                              )[]
                            | {
                                [key: string]:
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | unknown[]
                                      | {
                                          [key: string]: unknown;
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          };
                                    };
                              }
                          )[]
                        | {
                            [key: string]:
                              | string
                              | number
                              | boolean
                              | null
                              | (
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | unknown[]
                                      | {
                                          [key: string]: unknown;
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          };
                                    }
                                )[]
                              | {
                                  [key: string]:
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            };
                                      };
                                };
                          }
                      )[]
                    | {
                        [key: string]:
                          | string
                          | number
                          | boolean
                          | null
                          | (
                              | string
                              | number
                              | boolean
                              | null
                              | (
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | unknown[]
                                      | {
                                          [key: string]: unknown;
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          };
                                    }
                                )[]
                              | {
                                  [key: string]:
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            };
                                      };
                                }
                            )[]
                          | {
                              [key: string]:
                                | string
                                | number
                                | boolean
                                | null
                                | (
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            };
                                      }
                                  )[]
                                | {
                                    [key: string]:
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            }
                                        )[]
                                      | {
                                          [key: string]:
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | unknown[]
                                            | {
                                                [key: string]: unknown;
                                              };
                                        };
                                  };
                            };
                      }
                  )[]
                | {
                    [key: string]:
                      | string
                      | number
                      | boolean
                      | null
                      | (
                          | string
                          | number
                          | boolean
                          | null
                          | (
                              | string
                              | number
                              | boolean
                              | null
                              | (
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | unknown[]
                                      | {
                                          [key: string]: unknown;
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          };
                                    }
                                )[]
                              | {
                                  [key: string]:
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            };
                                      };
                                }
                            )[]
                          | {
                              [key: string]:
                                | string
                                | number
                                | boolean
                                | null
                                | (
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            };
                                      }
                                  )[]
                                | {
                                    [key: string]:
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            }
                                        )[]
                                      | {
                                          [key: string]:
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | unknown[]
                                            | {
                                                [key: string]: unknown;
                                              };
                                        };
                                  };
                            }
                        )[]
                      | {
                          [key: string]:
                            | string
                            | number
                            | boolean
                            | null
                            | (
                                | string
                                | number
                                | boolean
                                | null
                                | (
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            };
                                      }
                                  )[]
                                | {
                                    [key: string]:
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            }
                                        )[]
                                      | {
                                          [key: string]:
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | unknown[]
                                            | {
                                                [key: string]: unknown;
                                              };
                                        };
                                  }
                              )[]
                            | {
                                [key: string]:
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            }
                                        )[]
                                      | {
                                          [key: string]:
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | unknown[]
                                            | {
                                                [key: string]: unknown;
                                              };
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | unknown[]
                                            | {
                                                [key: string]: unknown;
                                              }
                                          )[]
                                        | {
                                            [key: string]:
                                              | string
                                              | number
                                              | boolean
                                              | null
                                              | unknown[]
                                              | {
                                                  [key: string]: unknown;
                                                };
                                          };
                                    };
                              };
                        };
                  };
            };
      } | null;
    };
    AttachmentList: {
      attachments: {
        id: number;
        part_key: string;
        attachment_type: "image" | "pdf" | "file" | "url";
        title: string;
        filename: string | null;
        content_type: string | null;
        size: number | null;
        /** The link of a URL attachment; null for files */
        url: string | null;
        /** CAS URL that downloads the file; a signed, expiring link when the file is private */
        download_url: string | null;
        /** CAS URL that shows the file inline, where that is safe; signed when the file is private */
        view_url: string | null;
        /** CAS URL of a 150 px thumbnail (image/jpeg), for images; signed when the file is private */
        thumbnail_url: string | null;
        /** An <img srcset> value: the thumbnail_url at 1x and a 512 px thumbnail at 2x, for high-DPI screens; null where thumbnail_url is */
        thumbnail_srcset: string | null;
        /** Custom attributes: a JSON object of at most 4096 bytes serialized, nested at most 16 levels deep; top-level keys are 1-64 characters of A-Z a-z 0-9 _ . -, and no key anywhere is "__proto__" */
        attributes: {
          [key: string]:
            | string
            | number
            | boolean
            | null
            | (
                | string
                | number
                | boolean
                | null
                | (
                    | string
                    | number
                    | boolean
                    | null
                    | (
                        | string
                        | number
                        | boolean
                        | null
                        | (
                            | string
                            | number
                            | boolean
                            | null
                            | (
                                | string
                                | number
                                | boolean
                                | null
                                | (
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | unknown[]
                                    | {
                                        [key: string]: unknown;
                                      }
                                  )[]
                                | {
                                    [key: string]:
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | unknown[]
                                      | {
                                          [key: string]: unknown;
                                        };
                                  }
                              )[]
                            | {
                                [key: string]:
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | unknown[]
                                      | {
                                          [key: string]: unknown;
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          };
                                    };
                              }
                          )[]
                        | {
                            [key: string]:
                              | string
                              | number
                              | boolean
                              | null
                              | (
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | unknown[]
                                      | {
                                          [key: string]: unknown;
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          };
                                    }
                                )[]
                              | {
                                  [key: string]:
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            };
                                      };
                                };
                          }
                      )[]
                    | {
                        [key: string]:
                          | string
                          | number
                          | boolean
                          | null
                          | (
                              | string
                              | number
                              | boolean
                              | null
                              | (
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | unknown[]
                                      | {
                                          [key: string]: unknown;
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          };
                                    }
                                )[]
                              | {
                                  [key: string]:
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            };
                                      };
                                }
                            )[]
                          | {
                              [key: string]:
                                | string
                                | number
                                | boolean
                                | null
                                | (
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            };
                                      }
                                  )[]
                                | {
                                    [key: string]:
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            }
                                        )[]
                                      | {
                                          [key: string]:
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | unknown[]
                                            | {
                                                [key: string]: unknown;
                                              };
                                        };
                                  };
                            };
                      }
                  )[]
                | {
                    [key: string]:
                      | string
                      | number
                      | boolean
                      | null
                      | (
                          | string
                          | number
                          | boolean
                          | null
                          | (
                              | string
                              | number
                              | boolean
                              | null
                              | (
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | unknown[]
                                      | {
                                          [key: string]: unknown;
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          };
                                    }
                                )[]
                              | {
                                  [key: string]:
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            };
                                      };
                                }
                            )[]
                          | {
                              [key: string]:
                                | string
                                | number
                                | boolean
                                | null
                                | (
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            };
                                      }
                                  )[]
                                | {
                                    [key: string]:
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            }
                                        )[]
                                      | {
                                          [key: string]:
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | unknown[]
                                            | {
                                                [key: string]: unknown;
                                              };
                                        };
                                  };
                            }
                        )[]
                      | {
                          [key: string]:
                            | string
                            | number
                            | boolean
                            | null
                            | (
                                | string
                                | number
                                | boolean
                                | null
                                | (
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            };
                                      }
                                  )[]
                                | {
                                    [key: string]:
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            }
                                        )[]
                                      | {
                                          [key: string]:
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | unknown[]
                                            | {
                                                [key: string]: unknown;
                                              };
                                        };
                                  }
                              )[]
                            | {
                                [key: string]:
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            }
                                        )[]
                                      | {
                                          [key: string]:
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | unknown[]
                                            | {
                                                [key: string]: unknown;
                                              };
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | unknown[]
                                            | {
                                                [key: string]: unknown;
                                              }
                                          )[]
                                        | {
                                            [key: string]:
                                              | string
                                              | number
                                              | boolean
                                              | null
                                              | unknown[]
                                              | {
                                                  [key: string]: unknown;
                                                };
                                          };
                                    };
                              };
                        };
                  }
              )[]
            | {
                [key: string]:
                  | string
                  | number
                  | boolean
                  | null
                  | (
                      | string
                      | number
                      | boolean
                      | null
                      | (
                          | string
                          | number
                          | boolean
                          | null
                          | (
                              | string
                              | number
                              | boolean
                              | null
                              | (
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | unknown[]
                                      | {
                                          [key: string]: unknown;
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          };
                                    }
                                )[]
                              | {
                                  [key: string]:
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            };
                                      };
                                }
                            )[]
                          | {
                              [key: string]:
                                | string
                                | number
                                | boolean
                                | null
                                | (
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            };
                                      }
                                  )[]
                                | {
                                    [key: string]:
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            }
                                        )[]
                                      | {
                                          [key: string]:
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | unknown[]
                                            | {
                                                [key: string]: unknown;
                                              };
                                        };
                                  };
                            }
                        )[]
                      | {
                          [key: string]:
                            | string
                            | number
                            | boolean
                            | null
                            | (
                                | string
                                | number
                                | boolean
                                | null
                                | (
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            };
                                      }
                                  )[]
                                | {
                                    [key: string]:
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            }
                                        )[]
                                      | {
                                          [key: string]:
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | unknown[]
                                            | {
                                                [key: string]: unknown;
                                              };
                                        };
                                  }
                              )[]
                            | {
                                [key: string]:
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            }
                                        )[]
                                      | {
                                          [key: string]:
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | unknown[]
                                            | {
                                                [key: string]: unknown;
                                              };
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | unknown[]
                                            | {
                                                [key: string]: unknown;
                                              }
                                          )[]
                                        | {
                                            [key: string]:
                                              | string
                                              | number
                                              | boolean
                                              | null
                                              | unknown[]
                                              | {
                                                  [key: string]: unknown;
                                                };
                                          };
                                    };
                              };
                        }
                    )[]
                  | {
                      [key: string]:
                        | string
                        | number
                        | boolean
                        | null
                        | (
                            | string
                            | number
                            | boolean
                            | null
                            | (
                                | string
                                | number
                                | boolean
                                | null
                                | (
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            };
                                      }
                                  )[]
                                | {
                                    [key: string]:
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            }
                                        )[]
                                      | {
                                          [key: string]:
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | unknown[]
                                            | {
                                                [key: string]: unknown;
                                              };
                                        };
                                  }
                              )[]
                            | {
                                [key: string]:
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            }
                                        )[]
                                      | {
                                          [key: string]:
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | unknown[]
                                            | {
                                                [key: string]: unknown;
                                              };
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | unknown[]
                                            | {
                                                [key: string]: unknown;
                                              }
                                          )[]
                                        | {
                                            [key: string]:
                                              | string
                                              | number
                                              | boolean
                                              | null
                                              | unknown[]
                                              | {
                                                  [key: string]: unknown;
                                                };
                                          };
                                    };
                              }
                          )[]
                        | {
                            [key: string]:
                              | string
                              | number
                              | boolean
                              | null
                              | (
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            }
                                        )[]
                                      | {
                                          [key: string]:
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | unknown[]
                                            | {
                                                [key: string]: unknown;
                                              };
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | unknown[]
                                            | {
                                                [key: string]: unknown;
                                              }
                                          )[]
                                        | {
                                            [key: string]:
                                              | string
                                              | number
                                              | boolean
                                              | null
                                              | unknown[]
                                              | {
                                                  [key: string]: unknown;
                                                };
                                          };
                                    }
                                )[]
                              | {
                                  [key: string]:
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | unknown[]
                                            | {
                                                [key: string]: unknown;
                                              }
                                          )[]
                                        | {
                                            [key: string]:
                                              | string
                                              | number
                                              | boolean
                                              | null
                                              | unknown[]
                                              | {
                                                  [key: string]: unknown;
                                                };
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | (
                                              | string
                                              | number
                                              | boolean
                                              | null
                                              | unknown[]
                                              | {
                                                  [key: string]: unknown;
                                                }
                                            )[]
                                          | {
                                              [key: string]:
                                                | string
                                                | number
                                                | boolean
                                                | null
                                                | unknown[]
                                                | {
                                                    [key: string]: unknown;
                                                  };
                                            };
                                      };
                                };
                          };
                    };
              };
        };
        /** Layout version of attributes; 1 is a flat JSON object */
        attributes_schema_version: number;
        created_at: string;
      }[];
      next_cursor: string | null;
    };
    Attributes: {
      [key: string]:
        | string
        | number
        | boolean
        | null
        | (
            | string
            | number
            | boolean
            | null
            | (
                | string
                | number
                | boolean
                | null
                | (
                    | string
                    | number
                    | boolean
                    | null
                    | (
                        | string
                        | number
                        | boolean
                        | null
                        | (
                            | string
                            | number
                            | boolean
                            | null
                            | (
                                | string
                                | number
                                | boolean
                                | null
                                | (
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | unknown[]
                                    | {
                                        [key: string]: unknown;
                                      }
                                  )[]
                                | {
                                    [key: string]:
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | unknown[]
                                      | {
                                          [key: string]: unknown;
                                        };
                                  }
                              )[]
                            | {
                                [key: string]:
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | unknown[]
                                      | {
                                          [key: string]: unknown;
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          };
                                    };
                              }
                          )[]
                        | {
                            [key: string]:
                              | string
                              | number
                              | boolean
                              | null
                              | (
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | unknown[]
                                      | {
                                          [key: string]: unknown;
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          };
                                    }
                                )[]
                              | {
                                  [key: string]:
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            };
                                      };
                                };
                          }
                      )[]
                    | {
                        [key: string]:
                          | string
                          | number
                          | boolean
                          | null
                          | (
                              | string
                              | number
                              | boolean
                              | null
                              | (
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | unknown[]
                                      | {
                                          [key: string]: unknown;
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          };
                                    }
                                )[]
                              | {
                                  [key: string]:
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            };
                                      };
                                }
                            )[]
                          | {
                              [key: string]:
                                | string
                                | number
                                | boolean
                                | null
                                | (
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            };
                                      }
                                  )[]
                                | {
                                    [key: string]:
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            }
                                        )[]
                                      | {
                                          [key: string]:
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | unknown[]
                                            | {
                                                [key: string]: unknown;
                                              };
                                        };
                                  };
                            };
                      }
                  )[]
                | {
                    [key: string]:
                      | string
                      | number
                      | boolean
                      | null
                      | (
                          | string
                          | number
                          | boolean
                          | null
                          | (
                              | string
                              | number
                              | boolean
                              | null
                              | (
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | unknown[]
                                      | {
                                          [key: string]: unknown;
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          };
                                    }
                                )[]
                              | {
                                  [key: string]:
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            };
                                      };
                                }
                            )[]
                          | {
                              [key: string]:
                                | string
                                | number
                                | boolean
                                | null
                                | (
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            };
                                      }
                                  )[]
                                | {
                                    [key: string]:
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            }
                                        )[]
                                      | {
                                          [key: string]:
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | unknown[]
                                            | {
                                                [key: string]: unknown;
                                              };
                                        };
                                  };
                            }
                        )[]
                      | {
                          [key: string]:
                            | string
                            | number
                            | boolean
                            | null
                            | (
                                | string
                                | number
                                | boolean
                                | null
                                | (
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            };
                                      }
                                  )[]
                                | {
                                    [key: string]:
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            }
                                        )[]
                                      | {
                                          [key: string]:
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | unknown[]
                                            | {
                                                [key: string]: unknown;
                                              };
                                        };
                                  }
                              )[]
                            | {
                                [key: string]:
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            }
                                        )[]
                                      | {
                                          [key: string]:
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | unknown[]
                                            | {
                                                [key: string]: unknown;
                                              };
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | unknown[]
                                            | {
                                                [key: string]: unknown;
                                              }
                                          )[]
                                        | {
                                            [key: string]:
                                              | string
                                              | number
                                              | boolean
                                              | null
                                              | unknown[]
                                              | {
                                                  [key: string]: unknown;
                                                };
                                          };
                                    };
                              };
                        };
                  }
              )[]
            | {
                [key: string]:
                  | string
                  | number
                  | boolean
                  | null
                  | (
                      | string
                      | number
                      | boolean
                      | null
                      | (
                          | string
                          | number
                          | boolean
                          | null
                          | (
                              | string
                              | number
                              | boolean
                              | null
                              | (
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | unknown[]
                                      | {
                                          [key: string]: unknown;
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          };
                                    }
                                )[]
                              | {
                                  [key: string]:
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            };
                                      };
                                }
                            )[]
                          | {
                              [key: string]:
                                | string
                                | number
                                | boolean
                                | null
                                | (
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            };
                                      }
                                  )[]
                                | {
                                    [key: string]:
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            }
                                        )[]
                                      | {
                                          [key: string]:
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | unknown[]
                                            | {
                                                [key: string]: unknown;
                                              };
                                        };
                                  };
                            }
                        )[]
                      | {
                          [key: string]:
                            | string
                            | number
                            | boolean
                            | null
                            | (
                                | string
                                | number
                                | boolean
                                | null
                                | (
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            };
                                      }
                                  )[]
                                | {
                                    [key: string]:
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            }
                                        )[]
                                      | {
                                          [key: string]:
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | unknown[]
                                            | {
                                                [key: string]: unknown;
                                              };
                                        };
                                  }
                              )[]
                            | {
                                [key: string]:
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            }
                                        )[]
                                      | {
                                          [key: string]:
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | unknown[]
                                            | {
                                                [key: string]: unknown;
                                              };
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | unknown[]
                                            | {
                                                [key: string]: unknown;
                                              }
                                          )[]
                                        | {
                                            [key: string]:
                                              | string
                                              | number
                                              | boolean
                                              | null
                                              | unknown[]
                                              | {
                                                  [key: string]: unknown;
                                                };
                                          };
                                    };
                              };
                        }
                    )[]
                  | {
                      [key: string]:
                        | string
                        | number
                        | boolean
                        | null
                        | (
                            | string
                            | number
                            | boolean
                            | null
                            | (
                                | string
                                | number
                                | boolean
                                | null
                                | (
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            };
                                      }
                                  )[]
                                | {
                                    [key: string]:
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            }
                                        )[]
                                      | {
                                          [key: string]:
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | unknown[]
                                            | {
                                                [key: string]: unknown;
                                              };
                                        };
                                  }
                              )[]
                            | {
                                [key: string]:
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            }
                                        )[]
                                      | {
                                          [key: string]:
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | unknown[]
                                            | {
                                                [key: string]: unknown;
                                              };
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | unknown[]
                                            | {
                                                [key: string]: unknown;
                                              }
                                          )[]
                                        | {
                                            [key: string]:
                                              | string
                                              | number
                                              | boolean
                                              | null
                                              | unknown[]
                                              | {
                                                  [key: string]: unknown;
                                                };
                                          };
                                    };
                              }
                          )[]
                        | {
                            [key: string]:
                              | string
                              | number
                              | boolean
                              | null
                              | (
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            }
                                        )[]
                                      | {
                                          [key: string]:
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | unknown[]
                                            | {
                                                [key: string]: unknown;
                                              };
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | unknown[]
                                            | {
                                                [key: string]: unknown;
                                              }
                                          )[]
                                        | {
                                            [key: string]:
                                              | string
                                              | number
                                              | boolean
                                              | null
                                              | unknown[]
                                              | {
                                                  [key: string]: unknown;
                                                };
                                          };
                                    }
                                )[]
                              | {
                                  [key: string]:
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | unknown[]
                                            | {
                                                [key: string]: unknown;
                                              }
                                          )[]
                                        | {
                                            [key: string]:
                                              | string
                                              | number
                                              | boolean
                                              | null
                                              | unknown[]
                                              | {
                                                  [key: string]: unknown;
                                                };
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | (
                                              | string
                                              | number
                                              | boolean
                                              | null
                                              | unknown[]
                                              | {
                                                  [key: string]: unknown;
                                                }
                                            )[]
                                          | {
                                              [key: string]:
                                                | string
                                                | number
                                                | boolean
                                                | null
                                                | unknown[]
                                                | {
                                                    [key: string]: unknown;
                                                  };
                                            };
                                      };
                                };
                          };
                    };
              }
          )[]
        | {
            [key: string]:
              | string
              | number
              | boolean
              | null
              | (
                  | string
                  | number
                  | boolean
                  | null
                  | (
                      | string
                      | number
                      | boolean
                      | null
                      | (
                          | string
                          | number
                          | boolean
                          | null
                          | (
                              | string
                              | number
                              | boolean
                              | null
                              | (
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | unknown[]
                                      | {
                                          [key: string]: unknown;
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          };
                                    }
                                )[]
                              | {
                                  [key: string]:
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            };
                                      };
                                }
                            )[]
                          | {
                              [key: string]:
                                | string
                                | number
                                | boolean
                                | null
                                | (
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            };
                                      }
                                  )[]
                                | {
                                    [key: string]:
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            }
                                        )[]
                                      | {
                                          [key: string]:
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | unknown[]
                                            | {
                                                [key: string]: unknown;
                                              };
                                        };
                                  };
                            }
                        )[]
                      | {
                          [key: string]:
                            | string
                            | number
                            | boolean
                            | null
                            | (
                                | string
                                | number
                                | boolean
                                | null
                                | (
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            };
                                      }
                                  )[]
                                | {
                                    [key: string]:
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            }
                                        )[]
                                      | {
                                          [key: string]:
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | unknown[]
                                            | {
                                                [key: string]: unknown;
                                              };
                                        };
                                  }
                              )[]
                            | {
                                [key: string]:
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            }
                                        )[]
                                      | {
                                          [key: string]:
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | unknown[]
                                            | {
                                                [key: string]: unknown;
                                              };
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | unknown[]
                                            | {
                                                [key: string]: unknown;
                                              }
                                          )[]
                                        | {
                                            [key: string]:
                                              | string
                                              | number
                                              | boolean
                                              | null
                                              | unknown[]
                                              | {
                                                  [key: string]: unknown;
                                                };
                                          };
                                    };
                              };
                        }
                    )[]
                  | {
                      [key: string]:
                        | string
                        | number
                        | boolean
                        | null
                        | (
                            | string
                            | number
                            | boolean
                            | null
                            | (
                                | string
                                | number
                                | boolean
                                | null
                                | (
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            };
                                      }
                                  )[]
                                | {
                                    [key: string]:
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            }
                                        )[]
                                      | {
                                          [key: string]:
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | unknown[]
                                            | {
                                                [key: string]: unknown;
                                              };
                                        };
                                  }
                              )[]
                            | {
                                [key: string]:
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            }
                                        )[]
                                      | {
                                          [key: string]:
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | unknown[]
                                            | {
                                                [key: string]: unknown;
                                              };
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | unknown[]
                                            | {
                                                [key: string]: unknown;
                                              }
                                          )[]
                                        | {
                                            [key: string]:
                                              | string
                                              | number
                                              | boolean
                                              | null
                                              | unknown[]
                                              | {
                                                  [key: string]: unknown;
                                                };
                                          };
                                    };
                              }
                          )[]
                        | {
                            [key: string]:
                              | string
                              | number
                              | boolean
                              | null
                              | (
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            }
                                        )[]
                                      | {
                                          [key: string]:
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | unknown[]
                                            | {
                                                [key: string]: unknown;
                                              };
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | unknown[]
                                            | {
                                                [key: string]: unknown;
                                              }
                                          )[]
                                        | {
                                            [key: string]:
                                              | string
                                              | number
                                              | boolean
                                              | null
                                              | unknown[]
                                              | {
                                                  [key: string]: unknown;
                                                };
                                          };
                                    }
                                )[]
                              | {
                                  [key: string]:
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | unknown[]
                                            | {
                                                [key: string]: unknown;
                                              }
                                          )[]
                                        | {
                                            [key: string]:
                                              | string
                                              | number
                                              | boolean
                                              | null
                                              | unknown[]
                                              | {
                                                  [key: string]: unknown;
                                                };
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | (
                                              | string
                                              | number
                                              | boolean
                                              | null
                                              | unknown[]
                                              | {
                                                  [key: string]: unknown;
                                                }
                                            )[]
                                          | {
                                              [key: string]:
                                                | string
                                                | number
                                                | boolean
                                                | null
                                                | unknown[]
                                                | {
                                                    [key: string]: unknown;
                                                  };
                                            };
                                      };
                                };
                          };
                    }
                )[]
              | {
                  [key: string]:
                    | string
                    | number
                    | boolean
                    | null
                    | (
                        | string
                        | number
                        | boolean
                        | null
                        | (
                            | string
                            | number
                            | boolean
                            | null
                            | (
                                | string
                                | number
                                | boolean
                                | null
                                | (
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | unknown[]
                                        | {
                                            [key: string]: unknown;
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            };
                                      }
                                  )[]
                                | {
                                    [key: string]:
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            }
                                        )[]
                                      | {
                                          [key: string]:
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | unknown[]
                                            | {
                                                [key: string]: unknown;
                                              };
                                        };
                                  }
                              )[]
                            | {
                                [key: string]:
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            }
                                        )[]
                                      | {
                                          [key: string]:
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | unknown[]
                                            | {
                                                [key: string]: unknown;
                                              };
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | unknown[]
                                            | {
                                                [key: string]: unknown;
                                              }
                                          )[]
                                        | {
                                            [key: string]:
                                              | string
                                              | number
                                              | boolean
                                              | null
                                              | unknown[]
                                              | {
                                                  [key: string]: unknown;
                                                };
                                          };
                                    };
                              }
                          )[]
                        | {
                            [key: string]:
                              | string
                              | number
                              | boolean
                              | null
                              | (
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            }
                                        )[]
                                      | {
                                          [key: string]:
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | unknown[]
                                            | {
                                                [key: string]: unknown;
                                              };
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | unknown[]
                                            | {
                                                [key: string]: unknown;
                                              }
                                          )[]
                                        | {
                                            [key: string]:
                                              | string
                                              | number
                                              | boolean
                                              | null
                                              | unknown[]
                                              | {
                                                  [key: string]: unknown;
                                                };
                                          };
                                    }
                                )[]
                              | {
                                  [key: string]:
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | unknown[]
                                            | {
                                                [key: string]: unknown;
                                              }
                                          )[]
                                        | {
                                            [key: string]:
                                              | string
                                              | number
                                              | boolean
                                              | null
                                              | unknown[]
                                              | {
                                                  [key: string]: unknown;
                                                };
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | (
                                              | string
                                              | number
                                              | boolean
                                              | null
                                              | unknown[]
                                              | {
                                                  [key: string]: unknown;
                                                }
                                            )[]
                                          | {
                                              [key: string]:
                                                | string
                                                | number
                                                | boolean
                                                | null
                                                | unknown[]
                                                | {
                                                    [key: string]: unknown;
                                                  };
                                            };
                                      };
                                };
                          }
                      )[]
                    | {
                        [key: string]:
                          | string
                          | number
                          | boolean
                          | null
                          | (
                              | string
                              | number
                              | boolean
                              | null
                              | (
                                  | string
                                  | number
                                  | boolean
                                  | null
                                  | (
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | unknown[]
                                          | {
                                              [key: string]: unknown;
                                            }
                                        )[]
                                      | {
                                          [key: string]:
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | unknown[]
                                            | {
                                                [key: string]: unknown;
                                              };
                                        }
                                    )[]
                                  | {
                                      [key: string]:
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | unknown[]
                                            | {
                                                [key: string]: unknown;
                                              }
                                          )[]
                                        | {
                                            [key: string]:
                                              | string
                                              | number
                                              | boolean
                                              | null
                                              | unknown[]
                                              | {
                                                  [key: string]: unknown;
                                                };
                                          };
                                    }
                                )[]
                              | {
                                  [key: string]:
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | unknown[]
                                            | {
                                                [key: string]: unknown;
                                              }
                                          )[]
                                        | {
                                            [key: string]:
                                              | string
                                              | number
                                              | boolean
                                              | null
                                              | unknown[]
                                              | {
                                                  [key: string]: unknown;
                                                };
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | (
                                              | string
                                              | number
                                              | boolean
                                              | null
                                              | unknown[]
                                              | {
                                                  [key: string]: unknown;
                                                }
                                            )[]
                                          | {
                                              [key: string]:
                                                | string
                                                | number
                                                | boolean
                                                | null
                                                | unknown[]
                                                | {
                                                    [key: string]: unknown;
                                                  };
                                            };
                                      };
                                }
                            )[]
                          | {
                              [key: string]:
                                | string
                                | number
                                | boolean
                                | null
                                | (
                                    | string
                                    | number
                                    | boolean
                                    | null
                                    | (
                                        | string
                                        | number
                                        | boolean
                                        | null
                                        | (
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | unknown[]
                                            | {
                                                [key: string]: unknown;
                                              }
                                          )[]
                                        | {
                                            [key: string]:
                                              | string
                                              | number
                                              | boolean
                                              | null
                                              | unknown[]
                                              | {
                                                  [key: string]: unknown;
                                                };
                                          }
                                      )[]
                                    | {
                                        [key: string]:
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | (
                                              | string
                                              | number
                                              | boolean
                                              | null
                                              | unknown[]
                                              | {
                                                  [key: string]: unknown;
                                                }
                                            )[]
                                          | {
                                              [key: string]:
                                                | string
                                                | number
                                                | boolean
                                                | null
                                                | unknown[]
                                                | {
                                                    [key: string]: unknown;
                                                  };
                                            };
                                      }
                                  )[]
                                | {
                                    [key: string]:
                                      | string
                                      | number
                                      | boolean
                                      | null
                                      | (
                                          | string
                                          | number
                                          | boolean
                                          | null
                                          | (
                                              | string
                                              | number
                                              | boolean
                                              | null
                                              | unknown[]
                                              | {
                                                  [key: string]: unknown;
                                                }
                                            )[]
                                          | {
                                              [key: string]:
                                                | string
                                                | number
                                                | boolean
                                                | null
                                                | unknown[]
                                                | {
                                                    [key: string]: unknown;
                                                  };
                                            }
                                        )[]
                                      | {
                                          [key: string]:
                                            | string
                                            | number
                                            | boolean
                                            | null
                                            | (
                                                | string
                                                | number
                                                | boolean
                                                | null
                                                | unknown[]
                                                | {
                                                    [key: string]: unknown;
                                                  }
                                              )[]
                                            | {
                                                [key: string]:
                                                  | string
                                                  | number
                                                  | boolean
                                                  | null
                                                  | unknown[]
                                                  | {
                                                      [key: string]: unknown;
                                                    };
                                              };
                                        };
                                  };
                            };
                      };
                };
          };
    };
    Cover: {
      attachment_id: number | null;
    };
    Copy: {
      target_part_key: string;
    };
    ExistsRequest: {
      hashes: string[];
    };
    ExistsResponse: {
      present: string[];
      missing: string[];
    };
    Stored: {
      hash: string;
      size: number;
      /** The blob's CAS URL (also Location) */
      url: string;
    };
    AccountCreate: {
      name: string;
      scopes?: ("cas:write" | "parts:read" | "parts:write" | "parts:delete" | "admin" | "device" | "coredumps:parse")[];
      device_key?: string | null;
    };
    Account: {
      client_id: string;
      name: string;
      scopes: string[];
      device_key: string | null;
      disabled: boolean;
      created_at: string;
      rotated_at: string | null;
      last_used_at: string | null;
      /** When each live secret was made, oldest first */
      secrets: string[];
    };
    AccountWithSecret: {
      client_id: string;
      name: string;
      scopes: string[];
      device_key: string | null;
      disabled: boolean;
      created_at: string;
      rotated_at: string | null;
      last_used_at: string | null;
      /** When each live secret was made, oldest first */
      secrets: string[];
      /** Shown once; only its hash is kept */
      client_secret: string;
    };
    AccountList: {
      accounts: {
        client_id: string;
        name: string;
        scopes: string[];
        device_key: string | null;
        disabled: boolean;
        created_at: string;
        rotated_at: string | null;
        last_used_at: string | null;
        /** When each live secret was made, oldest first */
        secrets: string[];
      }[];
    };
    ModeUpdate: {
      /** null: back to the STORAGE_MODE var */
      mode: ("edit" | "rw" | "ro") | null;
    };
    Mode: {
      mode: "edit" | "rw" | "ro";
      source: "runtime" | "STORAGE_MODE";
      /** The STORAGE_MODE var, used when no runtime switch is set */
      configured: "edit" | "rw" | "ro";
      /** How long other isolates may keep using the previous mode */
      cache_seconds: number;
    };
    Token: {
      access_token: string;
      token_type: "Bearer";
      expires_in: number;
      scope: string;
    };
    Whoami: {
      /** static:<TOKEN_NAME>, a service account's client_id, or a device key */
      sub: string;
      /** The service account behind a JWT; null for a static token */
      client_id: string | null;
      /** The device a device-bound account's tokens stand for */
      device: string | null;
      /** The scopes the token carries */
      scopes: string[];
      /** What the token may do: its scopes and what they imply (admin implies parts:* and cas:write) */
      granted: string[];
      mode: {
        mode: "edit" | "rw" | "ro";
        source: "runtime" | "STORAGE_MODE";
      };
    };
    OAuthError: {
      error: "invalid_request" | "invalid_client" | "invalid_scope" | "unsupported_grant_type" | "slow_down" | "server_error";
      error_description?: string;
    };
    UploadCreate: {
      sha256: string;
      size: number;
      content_type?: string;
      part_size?: number;
    };
    Upload: {
      id: string;
      sha256: string;
      size: number;
      content_type: string | null;
      part_size: number;
      part_count: number;
      status: "open" | "completed" | "failed";
      parts_received: number;
      next_part: number | null;
      next_part_size: number | null;
      bytes_received: number;
      expires_at: string;
      failure: string | null;
      url: string | null;
    };
    UploadExisting: {
      sha256: string;
      size: number;
      url: string;
      status: "completed";
    };
    AuditEntry: {
      id: number;
      /** When the row was written (ISO 8601, UTC) */
      at: string;
      /** Who: the service account, device key or static:<TOKEN_NAME> the guard let in, or "cron" */
      sub: string;
      /** What: accounts.rotate, parts.delete, gc.run, … */
      action: string;
      /** The route's path parameters by name */
      target: {
        [key: string]: string;
      } | null;
      request_id: string | null;
      /** The HTTP status of the answer (null for a cron run) */
      status: number | null;
      /** The problem code of a failed request, or why a cron run failed */
      error: string | null;
      /** Figures: a cron run's counts, the versions an upload pruned, … */
      detail: {
        [key: string]: unknown;
      } | null;
    };
    AuditPage: {
      entries: {
        id: number;
        /** When the row was written (ISO 8601, UTC) */
        at: string;
        /** Who: the service account, device key or static:<TOKEN_NAME> the guard let in, or "cron" */
        sub: string;
        /** What: accounts.rotate, parts.delete, gc.run, … */
        action: string;
        /** The route's path parameters by name */
        target: {
          [key: string]: string;
        } | null;
        request_id: string | null;
        /** The HTTP status of the answer (null for a cron run) */
        status: number | null;
        /** The problem code of a failed request, or why a cron run failed */
        error: string | null;
        /** Figures: a cron run's counts, the versions an upload pruned, … */
        detail: {
          [key: string]: unknown;
        } | null;
      }[];
      /** Pass as `cursor` for the next (older) page; null on the last */
      next_cursor: string | null;
    };
    SearchPage: {
      results: {
        kind: "part" | "attachment";
        part_key: string;
        /** Set when kind is attachment */
        attachment_id?: number;
        /** The part's name, or the attachment's title */
        title: string;
        /** The field the snippet comes from: the most important one that matched */
        field: "name" | "key" | "description" | "title" | "filename" | "attributes";
        /** The field's text (or, for a long one, the part around a match) cut into matched and unmatched segments */
        snippet: {
          text: string;
          match: boolean;
        }[];
        /** The API URL of the part (for an attachment, of its part) */
        url: string;
      }[];
      /** Pass as `cursor` for the next page; null on the last */
      next_cursor: string | null;
    };
    DeviceModel: {
      key: string;
      name: string;
      created_at: string;
    };
    DeviceModelWithFirmware: {
      key: string;
      name: string;
      created_at: string;
      firmware: {
        model: string;
        version: string;
        project_name: string;
        idf_ver: string;
        build_date: string;
        build_time: string;
        app_elf_sha256: string;
        /** esp_app_desc_t.secure_version; null for builds stored before it was kept */
        security_version: number | null;
        uploaded_at: string;
        downloads: number;
        artifacts: {
          /** The file's path inside the uploaded ZIP */
          name: string;
          kind: "app" | "elf" | "map" | "bootloader" | "partition_table" | "version_json" | "other";
          sha256: string;
          size: number;
          /** A signed, expiring link to the artifact */
          download_url: string;
        }[];
      }[];
    };
    Firmware: {
      model: string;
      version: string;
      project_name: string;
      idf_ver: string;
      build_date: string;
      build_time: string;
      app_elf_sha256: string;
      /** esp_app_desc_t.secure_version; null for builds stored before it was kept */
      security_version: number | null;
      uploaded_at: string;
      downloads: number;
      artifacts: {
        /** The file's path inside the uploaded ZIP */
        name: string;
        kind: "app" | "elf" | "map" | "bootloader" | "partition_table" | "version_json" | "other";
        sha256: string;
        size: number;
        /** A signed, expiring link to the artifact */
        download_url: string;
      }[];
    };
    FirmwareUpload: {
      model: string;
      version: string;
      project_name: string;
      idf_ver: string;
      build_date: string;
      build_time: string;
      app_elf_sha256: string;
      /** esp_app_desc_t.secure_version; null for builds stored before it was kept */
      security_version: number | null;
      uploaded_at: string;
      downloads: number;
      artifacts: {
        /** The file's path inside the uploaded ZIP */
        name: string;
        kind: "app" | "elf" | "map" | "bootloader" | "partition_table" | "version_json" | "other";
        sha256: string;
        size: number;
        /** A signed, expiring link to the artifact */
        download_url: string;
      }[];
      /** Older versions this upload deleted to keep the model under its limit */
      pruned_versions: string[];
    };
    Device: {
      key: string;
      model: string;
      name: string | null;
      tags: string[];
      pinned_version: string | null;
      /** The version the device last reported running */
      firmware_version: string | null;
      last_seen_at: string | null;
      created_at: string;
    };
    DevicePage: {
      devices: {
        key: string;
        model: string;
        name: string | null;
        tags: string[];
        pinned_version: string | null;
        /** The version the device last reported running */
        firmware_version: string | null;
        last_seen_at: string | null;
        created_at: string;
      }[];
      /** Pass as `cursor` for the next page; null on the last */
      next_cursor: string | null;
    };
    Coredump: {
      id: number;
      device: string;
      received_at: string;
      size: number;
      sha256: string;
      firmware_version: string | null;
      elf_sha256_prefix: string | null;
      /** The stored build whose ELF matches the dump, if any */
      app_elf_sha256: string | null;
      status: "PENDING" | "PARSED" | "FAILED";
      parsed_at: string | null;
      /** A signed, expiring link to the dump */
      download_url: string;
      /** The parser's text, or why it failed */
      parse_result: string | null;
    };
    CoredumpPage: {
      coredumps: {
        id: number;
        device: string;
        received_at: string;
        size: number;
        sha256: string;
        firmware_version: string | null;
        elf_sha256_prefix: string | null;
        /** The stored build whose ELF matches the dump, if any */
        app_elf_sha256: string | null;
        status: "PENDING" | "PARSED" | "FAILED";
        parsed_at: string | null;
        /** A signed, expiring link to the dump */
        download_url: string;
      }[];
      /** Pass as `cursor` for the next (older) page; null on the last */
      next_cursor: string | null;
    };
    CoredumpReceived: {
      coredump_id: number;
    };
    CoredumpClaim: {
      coredump_id: number;
      lease_id: string;
      lease_expires_at: string;
      device: string;
      firmware_version: string | null;
      app_elf_sha256: string | null;
      /** A signed, expiring link to the dump */
      dump_url: string;
      elf_url: string | null;
    };
    OtaManifest: {
      /** The compact JWS; a device acts on its verified payload alone */
      manifest: string;
      model: string;
      device: string;
      version: string;
      url: string;
      sha256: string;
      size: number;
      app_elf_sha256: string;
      security_version?: number;
      rollout_id: number | null;
      allow_downgrade: boolean;
      issued_at: number;
      expires_at: number;
    };
    DeviceGroup: {
      model: string;
      key: string;
      tags: string[];
      created_at: string;
    };
    Rollout: {
      id: number;
      model: string;
      group: string | null;
      group_tags: string[] | null;
      version: string;
      rollback: boolean;
      state: "draft" | "running" | "paused" | "halted" | "finished" | "cancelled";
      /** What an operator may do now (the transition table) */
      actions: ("start" | "pause" | "resume" | "cancel" | "advance")[];
      open_stage: number | null;
      halt_reason: string | null;
      created_by: string;
      created_at: string;
      updated_at: string;
      stages: {
        index: number;
        percent: number | null;
        devices: string[] | null;
        min_soak_seconds: number;
        max_failure_ratio: number;
        min_sample: number;
        open: boolean;
        opened_at: string | null;
        soak_ends_at: string | null;
        offered: number;
        downloading: number;
        installing: number;
        rebooted: number;
        success: number;
        failure: number;
        failure_ratio: number | null;
      }[];
    };
    UpdateReport: {
      rollout_id: number | null;
      stage: number | null;
      status: ("offered" | "downloading" | "installing" | "rebooted" | "success" | "failure") | null;
      reason_code: string | null;
      halted: boolean;
    };
    PassStatus: {
      pass: {
        started_at: string;
        grace_hours: number;
        scanned: number;
        deleted: number;
        kept: number;
        finished_at: string | null;
        /** The last key decided: where the next step resumes */
        cursor: string | null;
      } | null;
      /** A step holds the task's lease now */
      running: boolean;
    };
    CleanupStatus: {
      pass: {
        started_at: string;
        grace_hours: number;
        scanned: number;
        deleted: number;
        kept: number;
        finished_at: string | null;
        /** The last key decided: where the next step resumes */
        cursor: string | null;
      } | null;
      /** A step holds the task's lease now */
      running: boolean;
      /** Why the cleanup deletes nothing yet, or null */
      blocked_by: string | null;
    };
    CleanupProgress: {
      dry_run: boolean;
      scanned: number;
      deleted: number;
      kept: number;
      /** Pass back as ?cursor= to go on (dry runs keep none) */
      cursor: string | null;
      done: boolean;
      /** Why this step ended: done, a budget, the pass resting after a finished one, another run, a lost lease or the storage mode */
      stopped_by: "done" | "time_budget" | "object_budget" | "resting" | "busy" | "fenced" | "storage_mode";
      pass: {
        started_at: string;
        grace_hours: number;
        scanned: number;
        deleted: number;
        kept: number;
        finished_at: string | null;
        /** The last key decided: where the next step resumes */
        cursor: string | null;
      } | null;
      /** Why legacy objects may not be deleted yet (rows not migrated), or null */
      blocked_by: string | null;
      /** Attachment ids whose legacy object this step deleted (or, dry, would delete) */
      deleted_ids: number[];
      kept_unverified: number;
      kept_unreferenced: number;
    };
    GcProgress: {
      dry_run: boolean;
      scanned: number;
      deleted: number;
      kept: number;
      /** Pass back as ?cursor= to go on (dry runs keep none) */
      cursor: string | null;
      done: boolean;
      /** Why this step ended: done, a budget, the pass resting after a finished one, another run, a lost lease or the storage mode */
      stopped_by: "done" | "time_budget" | "object_budget" | "resting" | "busy" | "fenced" | "storage_mode";
      pass: {
        started_at: string;
        grace_hours: number;
        scanned: number;
        deleted: number;
        kept: number;
        finished_at: string | null;
        /** The last key decided: where the next step resumes */
        cursor: string | null;
      } | null;
      grace_hours: number;
      /** Hashes collected (or, dry, collectable) from cas/ by this step */
      collected: string[];
      /** The same from private/cas/ */
      collected_private: string[];
      kept_young: number;
      kept_in_use: number;
      thumbnails_deleted: number;
    };
    VisibilityProgress: {
      dry_run: boolean;
      scanned: number;
      deleted: number;
      kept: number;
      /** Pass back as ?cursor= to go on (dry runs keep none) */
      cursor: string | null;
      done: boolean;
      /** Why this step ended: done, a budget, the pass resting after a finished one, another run, a lost lease or the storage mode */
      stopped_by: "done" | "time_budget" | "object_budget" | "resting" | "busy" | "fenced" | "storage_mode";
      pass: {
        started_at: string;
        grace_hours: number;
        scanned: number;
        deleted: number;
        kept: number;
        finished_at: string | null;
        /** The last key decided: where the next step resumes */
        cursor: string | null;
      } | null;
      grace_hours: number;
      /** Rows moved (or, dry, that would move) by this step, as <table>:<rowid> */
      moved: string[];
      /** Copies written into the space a row moved to */
      copied: number;
      /** Source copies left in place: still read, or claimed by an upload */
      kept_source: number;
      /** Rows whose bytes are in neither space */
      missing: number;
      thumbnails_deleted: number;
    };
    MigrationStatus: {
      total_legacy: number;
      migrated: number;
      pending: number;
      failed: number;
      /** True only when no row is pending or failed */
      done: boolean;
      /** The first 100 rows that failed */
      failures: {
        attachment_id: number;
        error: string;
        attempts: number;
        /** False for a missing legacy object: no retry will find it */
        retryable: boolean;
        last_attempt_at: string;
      }[];
      lease: {
        owner: string;
        token: number;
        expires_at: string;
      } | null;
      last_run: {
        id: number;
        started_at: string;
        finished_at: string;
        fencing_token: number;
        migrated: number;
        failed: number;
        stopped_by: string;
        error: string | null;
      } | null;
    };
    MigrationRun: {
      dryRun: boolean;
      /** Attachment ids migrated */
      migrated: number[];
      failed: {
        id: number;
        error: string;
      }[];
      /** Dry run only: rows a real run would migrate */
      wouldMigrate: number[];
      stoppedBy: "done" | "batch_size" | "time_budget" | "error" | "fenced";
      error: string | null;
      status: {
        total_legacy: number;
        migrated: number;
        pending: number;
        failed: number;
        /** True only when no row is pending or failed */
        done: boolean;
        /** The first 100 rows that failed */
        failures: {
          attachment_id: number;
          error: string;
          attempts: number;
          /** False for a missing legacy object: no retry will find it */
          retryable: boolean;
          last_attempt_at: string;
        }[];
        lease: {
          owner: string;
          token: number;
          expires_at: string;
        } | null;
        last_run: {
          id: number;
          started_at: string;
          finished_at: string;
          fencing_token: number;
          migrated: number;
          failed: number;
          stopped_by: string;
          error: string | null;
        } | null;
      };
    };
    Limits: {
      /** The most bytes a body of each kind may have */
      bodies: { [key in "json" | "hash-list" | "parse-result" | "token-form" | "blob" | "upload" | "part" | "firmware-zip" | "coredump"]: number };
      /** The routes that take a body: its kind and limit (paths as OpenAPI writes them) */
      routes: {
        method: string;
        path: string;
        body: "json" | "hash-list" | "parse-result" | "token-form" | "blob" | "upload" | "part" | "firmware-zip" | "coredump";
        max_bytes: number;
      }[];
    };
  };
}
