import Hummingbird

/// The stylesheet and the OpenAPI document.
extension ServerRoutes {
    func addAssetRoutes(to router: Router<BasicRequestContext>) {
        router.get("/style.css") { _, _ in
            Responses.text(Stylesheet.css, contentType: "text/css; charset=utf-8")
        }
        router.get("/openapi.json") { _, _ in
            Responses.jsonData(OpenAPIDocument.json)
        }
    }
}
