import Foundation

/// One browser under W3C WebDriver: navigate, find elements by CSS, run a script, take a
/// screenshot, read the console. End it with `delete()`.
public struct WebDriverSession: Sendable {
    public let endpoint: URL
    public let id: String

    /// One message from the browser's console (or the browser itself: failed loads, CSP reports).
    public struct LogEntry: Sendable, CustomStringConvertible {
        /// `SEVERE`, `WARNING`, `INFO` or `DEBUG`.
        public var level: String
        public var source: String
        public var message: String

        public var isError: Bool { level == "SEVERE" }
        public var description: String { "[\(level)] \(source): \(message)" }
    }

    var base: URL { endpoint.appendingPathComponent("session").appendingPathComponent(id) }

    func command(_ method: String, _ path: String, _ body: [String: Any]? = nil) async throws -> Any {
        let url = path.isEmpty ? base : base.appendingPathComponent(path)
        return try await WebDriverHTTP.command(method, url, body: body, name: "\(method) \(path.isEmpty ? "session" : path)")
    }

    /// Loads `url` and waits for the page's load event.
    public func navigate(to url: URL) async throws {
        _ = try await command("POST", "url", ["url": url.absoluteString])
    }

    /// The address of the page shown now.
    public func currentURL() async throws -> URL? {
        (try await command("GET", "url") as? String).flatMap(URL.init(string:))
    }

    public func title() async throws -> String { try await command("GET", "title") as? String ?? "" }

    /// The page's HTML as it is now.
    public func source() async throws -> String { try await command("GET", "source") as? String ?? "" }

    /// The first element matching the CSS selector; throws `no such element` when none does.
    public func element(_ css: String) async throws -> WebDriverElement {
        let value = try await command("POST", "element", ["using": "css selector", "value": css])
        guard let id = WebDriverElement.reference(in: value) else {
            throw WebDriverError(command: "find \(css)", status: 0, error: "bad response", message: "\(value)")
        }
        return WebDriverElement(session: self, id: id, selector: css)
    }

    /// Every element matching the CSS selector, in document order (possibly none).
    public func elements(_ css: String) async throws -> [WebDriverElement] {
        let value = try await command("POST", "elements", ["using": "css selector", "value": css])
        return (value as? [Any] ?? []).compactMap { WebDriverElement.reference(in: $0) }
            .map { WebDriverElement(session: self, id: $0, selector: css) }
    }

    /// Waits (polling) until an element matches the CSS selector, and returns it.
    public func waitForElement(_ css: String, timeout: TimeInterval = 10) async throws -> WebDriverElement {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let found = try await elements(css).first { return found }
            if Date() > deadline {
                throw WebDriverError(command: "wait for \(css)", status: 0, error: "timeout",
                                     message: "no element matched within \(Int(timeout)) s on \(try await currentURL()?.absoluteString ?? "?")")
            }
            try await Task.sleep(nanoseconds: 50_000_000)
        }
    }

    /// Runs `script` (a function body; `arguments[i]` are `arguments`, elements passed as
    /// references) in the page and returns what it returns.
    public func execute(_ script: String, arguments: [Any] = []) async throws -> Any {
        let encoded = arguments.map { argument -> Any in
            if let element = argument as? WebDriverElement { return [WebDriverElement.referenceKey: element.id] }
            return argument
        }
        return try await command("POST", "execute/sync", ["script": script, "args": encoded])
    }

    /// The HTTP status of the page shown now (from Navigation Timing), or nil when the browser
    /// does not report one.
    public func responseStatus() async throws -> Int? {
        let value = try await execute(
            "const n = performance.getEntriesByType('navigation')[0]; return n ? n.responseStatus : null;")
        return (value as? NSNumber)?.intValue ?? value as? Int
    }

    /// The visible viewport as PNG bytes.
    public func screenshot() async throws -> Data {
        guard let encoded = try await command("GET", "screenshot") as? String,
              let data = Data(base64Encoded: encoded) else {
            throw WebDriverError(command: "screenshot", status: 0, error: "bad response", message: "not base64 PNG")
        }
        return data
    }

    /// Saves a screenshot of the viewport as a PNG file.
    public func saveScreenshot(to file: URL) async throws {
        try await screenshot().write(to: file)
    }

    /// Console and browser messages since the last call (chromedriver empties the log as it is
    /// read). Uses the Selenium endpoint `se/log` and falls back to the legacy `log`.
    public func browserLog() async throws -> [LogEntry] {
        var value: Any
        do {
            value = try await command("POST", "se/log", ["type": "browser"])
        } catch let error as WebDriverError where error.status == 404 || error.error == "unknown command" {
            value = try await command("POST", "log", ["type": "browser"])
        }
        return (value as? [[String: Any]] ?? []).map {
            LogEntry(level: $0["level"] as? String ?? "", source: $0["source"] as? String ?? "",
                     message: $0["message"] as? String ?? "")
        }
    }

    /// Ends the session and closes the browser.
    public func delete() async throws {
        _ = try await command("DELETE", "")
    }
}
