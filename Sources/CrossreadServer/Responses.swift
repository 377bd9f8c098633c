import Foundation
import HTTPTypes
import Hummingbird

/// Building responses: HTML pages, JSON bodies, and the headers every response carries.
enum Responses {
    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'"

    static func html(_ page: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: page)))
    }

    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return jsonData(try encoder.encode(value), status: status)
    }

    static func jsonData(_ data: Data, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func text(_ body: String, contentType: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        headers[.cacheControl] = "public, max-age=3600"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    static func redirect(to location: String) -> Response {
        var headers = HTTPFields()
        headers[.location] = location
        return Response(status: .seeOther, headers: headers)
    }

    /// Adds the safety headers every response carries.
    static func secured(_ response: Response) -> Response {
        var response = response
        response.headers[.contentSecurityPolicy] = contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "same-origin"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        return response
    }

    /// An error as JSON (`{"error": {"status", "message"}}`) under `/api/`, as a page elsewhere.
    static func error(_ error: ServerError, api: Bool) -> Response {
        if api {
            struct Body: Encodable { var error: Detail }
            struct Detail: Encodable { var status: Int; var message: String }
            return (try? json(Body(error: Detail(status: error.status.code, message: error.message)), status: error.status))
                ?? Response(status: error.status)
        }
        let body = """
        <section id="error" class="card error"><h1>\(error.status.code) · \(HTML.text(error.status.reasonPhrase))</h1>
        <p id="error-message">\(HTML.text(error.message))</p><p><a href="/">Back to the library</a> · <a href="/search">Search</a></p></section>
        """
        return html(HTML.page(title: error.status.reasonPhrase, active: nil, body: body), status: error.status)
    }
}
