// The ClinikAPI reference docs. Swagger UI renders the spec variant served beside this page, whose
// only server is the origin that served it, so "Try it out" calls this service or this mock and
// nothing else. Nothing is fetched from another origin (the page's Content-Security-Policy says so):
// no validator badge, no URL bar, no spec named in the page's query.
window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    url: "/docs/openapi.yaml",
    dom_id: "#swagger-ui",
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
    deepLinking: true,
    validatorUrl: null,
    queryConfigEnabled: false,
    displayOperationId: true,
    displayRequestDuration: true,
    // The key typed into Authorize stays in this page's memory, never in the browser's storage.
    persistAuthorization: false
  });
});
