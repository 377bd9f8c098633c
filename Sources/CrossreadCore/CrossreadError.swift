/// An error with the context a user needs: which input, which stage, what went wrong.
/// One place (the CLI, later the server) turns it into a message; `description` is that message.
public struct CrossreadError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Stage: String, Sendable {
        case ingest, clean, extract, store, analyze, report, configuration
    }

    /// The file, URL or document id the error is about, when there is one.
    public var source: String?
    public var stage: Stage
    /// What went wrong, in words a user can act on ("truncated gzip stream", "binary file").
    public var reason: String

    public init(source: String? = nil, stage: Stage, reason: String) {
        self.source = source
        self.stage = stage
        self.reason = reason
    }

    public var description: String {
        if let source { return "\(source): \(reason)" }
        return reason
    }
}
