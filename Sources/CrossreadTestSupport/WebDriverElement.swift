import Foundation

/// An element found in a `WebDriverSession`'s page: click it, type into it, submit its form,
/// read its text or attributes.
public struct WebDriverElement: Sendable {
    /// The W3C key under which an element reference travels in JSON.
    static let referenceKey = "element-6066-11e4-a52e-4f735466cecf"

    public let session: WebDriverSession
    public let id: String
    /// The CSS selector it was found by, for error messages.
    public let selector: String

    static func reference(in value: Any) -> String? {
        (value as? [String: Any])?[referenceKey] as? String
    }

    private func command(_ method: String, _ path: String, _ body: [String: Any]? = nil) async throws -> Any {
        do {
            return try await session.command(method, "element/\(id)" + (path.isEmpty ? "" : "/\(path)"), body)
        } catch var error as WebDriverError {
            error.command += " on \(selector)"
            throw error
        }
    }

    /// Clicks it (scrolled into view first); a link or a submit button starts a navigation,
    /// which the driver waits for.
    public func click() async throws { _ = try await command("POST", "click") }

    /// Types `text` into it; `WebDriverElement.enterKey` presses Enter.
    public func sendKeys(_ text: String) async throws { _ = try await command("POST", "value", ["text": text]) }

    /// Empties an input or a text area.
    public func clear() async throws { _ = try await command("POST", "clear") }

    /// Submits the form it belongs to (or it, when it is a form), as pressing Enter would,
    /// then waits until the next page has loaded.
    public func submit() async throws {
        let before = try await session.execute("return performance.timeOrigin;")
        _ = try await session.execute("""
            const e = arguments[0]; const form = e.tagName === 'FORM' ? e : e.form;
            if (!form) throw new Error('not in a form'); form.requestSubmit();
            """, arguments: [self])
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline {
            try await Task.sleep(nanoseconds: 50_000_000)
            let now = try? await session.execute("return document.readyState === 'complete' ? performance.timeOrigin : null;")
            if let now, !(now is NSNull), "\(now)" != "\(before)" { return }
        }
        throw WebDriverError(command: "submit \(selector)", status: 0, error: "timeout", message: "no new page within 15 s")
    }

    /// Its rendered text, as a reader sees it.
    public func text() async throws -> String { try await command("GET", "text") as? String ?? "" }

    /// An attribute's value, or nil.
    public func attribute(_ name: String) async throws -> String? { try await command("GET", "attribute/\(name)") as? String }

    /// A computed CSS property, e.g. `background-color`.
    public func cssValue(_ property: String) async throws -> String { try await command("GET", "css/\(property)") as? String ?? "" }

    public func isDisplayed() async throws -> Bool { try await command("GET", "displayed") as? Bool ?? false }

    /// Elements inside this one matching the CSS selector.
    public func elements(_ css: String) async throws -> [WebDriverElement] {
        let value = try await command("POST", "elements", ["using": "css selector", "value": css])
        return (value as? [Any] ?? []).compactMap { Self.reference(in: $0) }
            .map { WebDriverElement(session: session, id: $0, selector: "\(selector) \(css)") }
    }

    /// The Enter key, for `sendKeys`.
    public static let enterKey = "\u{E007}"
}
