/// Limits and choices for reading inputs. Defaults suit a laptop reading a news corpus;
/// the CLI overrides them from flags (`--max-size`).
public struct IngestOptions: Sendable, Equatable, Codable {
    /// The largest single article (a whole text or HTML file, one feed item, one JSON line), in bytes
    /// after decompression. Larger articles are reported as failures and skipped.
    public var maxArticleBytes: Int
    /// The largest file read whole although it holds many articles (a feed, a UTF-16 file), in bytes
    /// after decompression. JSON Lines files are streamed line by line and have no such limit.
    public var maxFileBytes: Int
    /// Whether symbolic links met inside a folder are followed (a link loop is read once).
    /// Paths named explicitly are always followed.
    public var followSymlinks: Bool

    public static let defaultMaxArticleBytes = 20 * 1024 * 1024
    public static let defaultMaxFileBytes = 256 * 1024 * 1024

    public init(maxArticleBytes: Int = IngestOptions.defaultMaxArticleBytes,
                maxFileBytes: Int = IngestOptions.defaultMaxFileBytes,
                followSymlinks: Bool = true) {
        self.maxArticleBytes = IngestOptions.clampedLimit(maxArticleBytes)
        self.maxFileBytes = IngestOptions.clampedLimit(maxFileBytes)
        self.followSymlinks = followSymlinks
    }

    /// Limits stay between 1 byte and 1 PiB, so arithmetic on them cannot overflow.
    static func clampedLimit(_ bytes: Int) -> Int { min(max(1, bytes), 1 << 50) }

    /// These options with limits clamped (a decoded configuration skips the initializer).
    var clamped: IngestOptions {
        IngestOptions(maxArticleBytes: maxArticleBytes, maxFileBytes: maxFileBytes, followSymlinks: followSymlinks)
    }
}
