import HTTPTypes
import Hummingbird
import NIOCore

/// The checks every write passes: not from another site (`Sec-Fetch-Site`, `Origin`), within the
/// request size limit (413 before the body is read when its length is declared, and while reading
/// when not), and carrying the write token when the settings require one.
struct WriteGuard: Sendable {
    var settings: ServerSettings

    /// 403 for a browser request sent from another site.
    func checkSameOrigin(_ request: Request) throws(ServerError) {
        let site = request.headers[HTTPField.Name("Sec-Fetch-Site")!]?.lowercased()
        if site == "cross-site" || site == "same-site" {
            throw ServerError(.forbidden, "Writes from another site are refused.")
        }
        // The browser itself says the form is this server's own page; its Origin may then read
        // "null" (a privacy setting or policy), which proves nothing either way.
        if site == "same-origin" { return }
        if let origin = request.headers[.origin] {
            let authority = origin.split(separator: "://", maxSplits: 1).last.map(String.init) ?? ""
            guard origin != "null", let host = request.head.authority ?? request.headers[HTTPField.Name("Host")!],
                  authority.lowercased() == host.lowercased() else {
                throw ServerError(.forbidden, "Writes from another origin (\(origin)) are refused.")
            }
        }
    }

    /// The body, read up to the limit; 413 when it is larger.
    func body(of request: Request) async throws -> [UInt8] {
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > settings.maxRequestBytes {
            throw tooLarge
        }
        do {
            let buffer = try await request.body.collect(upTo: settings.maxRequestBytes)
            return Array(buffer.readableBytesView)
        } catch is NIOTooManyBytesError {
            throw tooLarge
        }
    }

    private var tooLarge: ServerError {
        ServerError(.contentTooLarge, "The request is larger than the \(settings.maxRequestBytes / (1024 * 1024)) MB this server accepts (--max-request-mb).")
    }

    /// 401 when a token is required and neither the `Authorization: Bearer` header nor `formToken` holds it.
    func checkToken(_ request: Request, formToken: String?) throws(ServerError) {
        guard settings.writesNeedToken else { return }
        guard let expected = settings.writeToken, !expected.isEmpty else {
            throw ServerError(.forbidden, "This server takes no writes: it listens beyond this machine without a token.")
        }
        var given = formToken
        if let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") {
            given = String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces)
        }
        guard let given, Self.constantTimeEqual(given, expected) else {
            throw ServerError(.unauthorized, "Adding documents needs the write token (Authorization: Bearer TOKEN, or the form's token field).")
        }
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        var difference = UInt8(x.count == y.count ? 0 : 1)
        for index in 0..<max(x.count, y.count) {
            difference |= (index < x.count ? x[index] : 0) ^ (index < y.count ? y[index] : 0)
        }
        return difference == 0
    }
}
