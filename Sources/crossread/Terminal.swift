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

    /// `text` in bold on a terminal, unchanged otherwise.
    static func bold(_ text: String) -> String {
        stdoutIsTerminal ? "\u{1B}[1m" + text + "\u{1B}[0m" : text
    }
}

/// A one-line progress display on standard error, shown only on a terminal, redrawn at most ten times a second.
final class ProgressLine {
    private let enabled: Bool
    private let start = Date()
    private var lastDraw = Date.distantPast
    private var drawn = false

    init(enabled: Bool = Terminal.stderrIsTerminal) {
        self.enabled = enabled
    }

    func update(done: Int, new: Int, present: Int, failed: Int, force: Bool = false) {
        guard enabled else { return }
        let now = Date()
        guard force || now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        let elapsed = max(now.timeIntervalSince(start), 0.001)
        let rate = Double(done) / elapsed
        let width = 24
        let filled = Int(elapsed * 4) % (width + 1)
        let bar = String(repeating: "=", count: filled) + ">" + String(repeating: " ", count: width - filled)
        Terminal.err("\r\u{1B}[2K[\(bar)] \(done) read · \(new) new · \(present) present · \(failed) failed · \(Int(rate)) docs/s")
        drawn = true
    }

    func finish() {
        guard enabled, drawn else { return }
        Terminal.err("\r\u{1B}[2K")
    }
}
