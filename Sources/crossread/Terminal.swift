import CrossreadPipeline
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writing to standard output and error, and knowing whether they are terminals.
enum Terminal {
    static let stderrIsTerminal = isatty(2) == 1
    static let stdoutIsTerminal = isatty(1) == 1

    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func err(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// One JSON object per line (JSON Lines), keys in declaration order.
    static func jsonLines<Value: Encodable>(_ values: [Value]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        var out = ""
        for value in values { out += String(decoding: try encoder.encode(value), as: UTF8.self) + "\n" }
        return out
    }

    /// `text` in bold on a terminal, unchanged otherwise.
    static func bold(_ text: String) -> String {
        stdoutIsTerminal ? "\u{1B}[1m" + text + "\u{1B}[0m" : text
    }
}

/// A one-line progress bar on standard error, shown only on a terminal, redrawn at most ten times a
/// second: share of the input read (by bytes on disk, planned before reading), counts and rate.
final class ProgressLine {
    private let enabled: Bool
    private let totalFiles: Int
    private let totalBytes: Int
    private let start = Date()
    private var lastDraw = Date.distantPast
    private var drawn = false

    init(enabled: Bool = Terminal.stderrIsTerminal, totalFiles: Int = 0, totalBytes: Int = 0) {
        self.enabled = enabled
        self.totalFiles = totalFiles
        self.totalBytes = totalBytes
    }

    func update(_ batch: Pipeline.Batch, report tally: IngestReport) {
        guard enabled else { return }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        let share: Double
        if totalBytes > 0 {
            share = min(1, Double(batch.bytesRead) / Double(totalBytes))
        } else {
            share = totalFiles > 0 ? min(1, Double(batch.filesRead) / Double(totalFiles)) : 0
        }
        let width = 28
        let filled = Int(share * Double(width))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let rate = Double(tally.total) / max(now.timeIntervalSince(start), 0.001)
        Terminal.err("\r\u{1B}[2K\(bar) \(Int(share * 100))%  \(batch.filesRead)/\(totalFiles) files · "
            + "\(tally.added.count) new · \(tally.present.count) present · \(tally.failures.count) failed · \(Int(rate)) docs/s")
        drawn = true
    }

    func finish() {
        guard enabled, drawn else { return }
        Terminal.err("\r\u{1B}[2K")
    }
}
