/// A WebDriver command that failed: which command, the driver's error code and message.
public struct WebDriverError: Error, CustomStringConvertible, Sendable {
    public var command: String
    public var status: Int
    /// The W3C error code, e.g. `no such element`.
    public var error: String
    public var message: String

    public var description: String {
        "WebDriver \(command): \(error) (HTTP \(status)): \(message.split(separator: "\n").first ?? "")"
    }
}
