// /docs: Swagger UI from the package's own copy of swagger-ui-dist, started here rather than in an
// inline script so the page works under a Content-Security-Policy that allows only same-origin scripts.
"use strict";
(() => {
  const el = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({
    url: el.dataset.openapi,
    dom_id: "#swagger-ui",
    layout: "BaseLayout",
    deepLinking: true,
    showExtensions: true,
    showCommonExtensions: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset].filter(Boolean),
  });
})();
