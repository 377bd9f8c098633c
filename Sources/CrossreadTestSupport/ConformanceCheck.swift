/// One named behaviour a backend must show; `run` returns what went wrong (empty when it behaves).
/// `DocumentStoreConformance` and `CorpusStoreConformance` list them.
public struct ConformanceCheck<Subject: Sendable>: Sendable, CustomStringConvertible {
    public let name: String
    let body: @Sendable (Subject, inout DocumentStoreConformance.Problems) async throws -> Void

    public var description: String { name }

    public func run(on subject: Subject) async throws -> [String] {
        var problems = DocumentStoreConformance.Problems()
        try await body(subject, &problems)
        return problems.list
    }
}
