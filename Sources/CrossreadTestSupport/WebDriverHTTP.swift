import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The wire format of W3C WebDriver: JSON over HTTP, every answer `{"value": ...}`, errors as
/// `{"value": {"error", "message"}}` with a 4xx or 5xx status.
enum WebDriverHTTP {
    /// One session for every driver call: no caching, no cookies, no proxy.
    static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.connectionProxyDictionary = [:]
        configuration.timeoutIntervalForRequest = 60
        return URLSession(configuration: configuration)
    }()

    /// Sends one request and returns the body and the status.
    static func send(_ method: String, _ url: URL, body: Data? = nil, timeout: TimeInterval = 60) async throws -> (Data, Int) {
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.httpMethod = method
        if let body {
            request.httpBody = body
            request.setValue("application/json; charset=utf-8", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await session.data(for: request)
        return (data, (response as? HTTPURLResponse)?.statusCode ?? 0)
    }

    /// Runs a WebDriver command and returns its `value`, or throws the driver's error.
    static func command(_ method: String, _ url: URL, body: [String: Any]? = nil, name: String) async throws -> Any {
        let payload: Data? = try body.map { try JSONSerialization.data(withJSONObject: $0) }
            ?? (method == "POST" ? Data("{}".utf8) : nil)
        let (data, status) = try await send(method, url, body: payload)
        let object = (try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])) as? [String: Any]
        let value: Any = object?["value"] ?? NSNull()
        guard (200..<300).contains(status) else {
            let details = value as? [String: Any]
            throw WebDriverError(command: name, status: status, error: details?["error"] as? String ?? "HTTP \(status)",
                                 message: details?["message"] as? String ?? String(decoding: data.prefix(500), as: UTF8.self))
        }
        return value
    }
}
