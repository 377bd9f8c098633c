import CrossreadCore

/// Every setting of the ingest-and-clean pipeline, with defaults in code. Loadable from a JSON file
/// (`--config`) and overridden by command-line flags.
public struct PipelineOptions: Sendable, Codable, Equatable {
    /// When false, text input is taken as already clean: no block is removed (HTML is still extracted).
    public var clean: Bool = true
    /// Articles larger than this many bytes are reported and skipped.
    public var maxArticleBytes: Int = 20 * 1024 * 1024
    /// Articles cleaned together on all cores before they are handed on.
    public var batchSize: Int = 32
    /// A batch is also closed once its articles' bytes reach this, so that the few batches in
    /// flight hold a bounded amount of memory whatever the pages weigh.
    public var batchBytes: Int = 4 << 20

    public init(clean: Bool = true, maxArticleBytes: Int = 20 * 1024 * 1024, batchSize: Int = 32) {
        self.clean = clean
        self.maxArticleBytes = maxArticleBytes
        self.batchSize = batchSize
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = PipelineOptions()
        clean = try c.decodeIfPresent(Bool.self, forKey: .clean) ?? defaults.clean
        maxArticleBytes = try c.decodeIfPresent(Int.self, forKey: .maxArticleBytes) ?? defaults.maxArticleBytes
        batchSize = max(1, try c.decodeIfPresent(Int.self, forKey: .batchSize) ?? defaults.batchSize)
        batchBytes = max(1, try c.decodeIfPresent(Int.self, forKey: .batchBytes) ?? defaults.batchBytes)
    }
}
