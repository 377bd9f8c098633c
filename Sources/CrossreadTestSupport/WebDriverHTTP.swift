import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The wire format of W3C WebDriver: JSON over HTTP, every answer `{"value": ...}`, errors as
/// `{"value": {"error", "message"}}` with a 4xx or 5xx status. Spoken over a plain loopback socket:
/// Foundation's libcurl-backed URLSession on Linux rejects chromedriver's headers, which have no
/// space after the colon ("Failed writing header", swift-corelibs-foundation issue 4965).
enum WebDriverHTTP {
    /// Sends one request (HTTP/1.1, `Connection: close`) and returns the body and the status.
    static func send(_ method: String, _ url: URL, body: Data? = nil, timeout: TimeInterval = 60) async throws -> (Data, Int) {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                do {
                    continuation.resume(returning: try exchange(method, url, body: body, timeout: timeout))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    private static func failure(_ url: URL, _ what: String) -> WebDriverError {
        WebDriverError(command: "HTTP \(url.path)", status: 0, error: "connection", message: "\(what) (errno \(errno))")
    }

    static func exchange(_ method: String, _ url: URL, body: Data?, timeout: TimeInterval) throws -> (Data, Int) {
        #if canImport(Glibc)
        guard let port = url.port, let host = url.host else { throw failure(url, "no host and port") }
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw failure(url, "socket") }
        defer { close(fd) }
        var limit = timeval(tv_sec: Int(timeout), tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr(host == "localhost" ? "127.0.0.1" : host)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw failure(url, "cannot connect to \(host):\(port)") }
        var path = url.path.isEmpty ? "/" : url.path
        if let query = url.query { path += "?" + query }
        var request = Data("\(method) \(path) HTTP/1.1\r\nHost: \(host):\(port)\r\nConnection: close\r\nAccept: application/json\r\n".utf8)
        if let body {
            request += Data("Content-Type: application/json; charset=utf-8\r\nContent-Length: \(body.count)\r\n\r\n".utf8)
            request += body
        } else {
            request += Data("Content-Length: 0\r\n\r\n".utf8)
        }
        var sent = 0
        while sent < request.count {
            let written = request.withUnsafeBytes { write(fd, $0.baseAddress! + sent, request.count - sent) }
            guard written > 0 else { throw failure(url, "write") }
            sent += written
        }
        var response = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(fd, &buffer, buffer.count)
            if count < 0 { throw failure(url, "read") }
            if count == 0 { break }
            response.append(contentsOf: buffer[0..<count])
            if let parsed = parse(response), parsed.complete { return (parsed.body, parsed.status) }
        }
        guard let parsed = parse(response) else { throw failure(url, "no HTTP response") }
        return (parsed.body, parsed.status)
        #else
        throw failure(url, "loopback HTTP needs Glibc")
        #endif
    }

    /// The status and body of a response read so far, and whether the body is complete
    /// (by `Content-Length`, or chunked encoding's last chunk).
    static func parse(_ response: Data) -> (status: Int, body: Data, complete: Bool)? {
        let separator = Data("\r\n\r\n".utf8)
        guard let end = response.range(of: separator) else { return nil }
        let head = String(decoding: response[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = head.first?.split(separator: " ") ?? []
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { return nil }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let raw = Data(response[end.upperBound...])
        if headers["transfer-encoding"]?.lowercased() == "chunked" {
            var body = Data(), index = raw.startIndex
            while let lineEnd = raw[index...].range(of: Data("\r\n".utf8)) {
                let sizeText = String(decoding: raw[index..<lineEnd.lowerBound], as: UTF8.self).split(separator: ";").first ?? ""
                guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else { break }
                if size == 0 { return (status, body, true) }
                let start = lineEnd.upperBound
                guard raw.endIndex >= start + size + 2 else { break }
                body += raw[start..<start + size]
                index = start + size + 2
            }
            return (status, body, false)
        }
        if let length = headers["content-length"].flatMap(Int.init) {
            return (status, Data(raw.prefix(length)), raw.count >= length)
        }
        return (status, raw, false)
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
