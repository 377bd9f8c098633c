/// Where the server listens and what it accepts: loopback by default; writes need a token when it
/// listens anywhere else; request bodies are bounded.
public struct ServerSettings: Sendable, Equatable {
    public var host: String
    public var port: Int
    /// Required on writes (`Authorization: Bearer TOKEN`) unless the host is loopback.
    public var writeToken: String?
    /// Largest request body accepted, in bytes; larger requests get 413.
    public var maxRequestBytes: Int

    public init(host: String = "127.0.0.1", port: Int = 8080, writeToken: String? = nil,
                maxRequestBytes: Int = 25 * 1024 * 1024) {
        self.host = host
        self.port = port
        self.writeToken = writeToken
        self.maxRequestBytes = maxRequestBytes
    }

    /// True when writes must carry the token: whenever one is set (and one must be set off loopback).
    public var writesNeedToken: Bool { !(writeToken ?? "").isEmpty || !isLoopback }

    /// True when only this machine can reach the server.
    public var isLoopback: Bool {
        host == "127.0.0.1" || host == "::1" || host == "localhost" || host.hasPrefix("127.")
    }

    /// Why these settings are unsafe to start with, if they are: listening beyond loopback
    /// without a write token would let anyone on the network add documents.
    public var problem: String? {
        if !(1...65535).contains(port) { return "port \(port) is not between 1 and 65535" }
        if maxRequestBytes < 1024 { return "a request limit under 1 KB would refuse every upload" }
        if !isLoopback && (writeToken ?? "").isEmpty {
            return "listening on \(host) needs a write token (--token or $CROSSREAD_TOKEN), "
                + "so that only its holders can add documents"
        }
        return nil
    }
}
