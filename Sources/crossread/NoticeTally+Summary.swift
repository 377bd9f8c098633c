import CrossreadCore
import CrossreadPipeline

extension NoticeTally {
    /// Records skipped, in all (for the summary's first line).
    var skippedRecords: Int {
        entries.filter { $0.examples.first?.kind == .skippedRecord }.reduce(0) { $0 + $1.count }
    }

    /// The summary's lines about notices: skipped records counted by reason with a first example
    /// each, then the inputs whose stray control bytes were dropped (the first few).
    var summaryLines: [String] {
        var lines: [String] = []
        let skipped = entries.filter { $0.examples.first?.kind == .skippedRecord }
        if !skipped.isEmpty {
            lines.append("Skipped (not articles, counted by reason):")
            for entry in skipped {
                let example = entry.examples.first.map { ", first: " + $0.location } ?? ""
                lines.append("  \(entry.count) \(entry.reason)\(example)")
            }
        }
        for entry in entries where entry.examples.first?.kind != .skippedRecord {
            lines.append("Read with \(entry.reason) (\(entry.count) input\(entry.count == 1 ? "" : "s")):")
            for example in entry.examples { lines.append("  \(example.description)") }
            if entry.count > entry.examples.count { lines.append("  and \(entry.count - entry.examples.count) more") }
        }
        return lines
    }
}
