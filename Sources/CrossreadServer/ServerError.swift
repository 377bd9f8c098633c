import HTTPTypes

/// A request the server refuses or cannot answer, with the status and a message for the user. The
/// error middleware renders it as JSON under `/api/` and as an HTML page elsewhere.
struct ServerError: Error, Sendable {
    var status: HTTPResponse.Status
    var message: String

    init(_ status: HTTPResponse.Status, _ message: String) {
        self.status = status
        self.message = message
    }

    static func notFound(_ what: String) -> ServerError { ServerError(.notFound, what) }
    static func badRequest(_ why: String) -> ServerError { ServerError(.badRequest, why) }
}
