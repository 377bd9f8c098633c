import CrossreadCore

/// Phrases that mark a line as boilerplate of a given kind, matched on word hashes so case,
/// punctuation and bullets do not matter. A phrase matches the whole line, its start, or
/// anywhere in it, as each entry says.
struct ChromeLexicon: Sendable {
    enum Mode: UInt8, Sendable {
        /// The line is the phrase and nothing else.
        case whole
        /// The line starts with the phrase.
        case prefix
        /// The phrase appears anywhere in the line.
        case anywhere
    }

    /// What matched: the kind, how, and how many of the line's words the phrase covers.
    struct Match: Sendable, Equatable {
        var kind: BlockKind
        var mode: Mode
        var phraseWords: Int
        var lineWords: Int
        /// The share of the line's words that the phrase covers.
        var coverage: Double { lineWords == 0 ? 0 : Double(phraseWords) / Double(lineWords) }
    }

    private struct Entry: Sendable {
        var words: [UInt64]
        var kind: BlockKind
        var mode: Mode
    }

    private var byFirstWord: [UInt64: [Entry]] = [:]

    /// Builds the lexicon from `(kind, mode, phrases)` groups.
    init(_ groups: [(BlockKind, Mode, [String])]) {
        for (kind, mode, phrases) in groups {
            for phrase in phrases {
                let words = WordHasher.hashes(of: phrase)
                guard let first = words.first else { continue }
                byFirstWord[first, default: []].append(Entry(words: words, kind: kind, mode: mode))
            }
        }
    }

    /// The best match for a line given its word hashes: whole before prefix before anywhere,
    /// longer phrases first.
    func match(_ words: UnsafeBufferPointer<UInt64>) -> Match? {
        guard !words.isEmpty else { return nil }
        var best: Match?
        func consider(_ entry: Entry) {
            let candidate = Match(kind: entry.kind, mode: entry.mode, phraseWords: entry.words.count,
                                  lineWords: words.count)
            guard let current = best else { best = candidate; return }
            if candidate.mode.rawValue < current.mode.rawValue
                || (candidate.mode == current.mode && candidate.phraseWords > current.phraseWords) {
                best = candidate
            }
        }
        let limit = min(words.count, 80)
        for position in 0..<limit {
            guard let entries = byFirstWord[words[position]] else { continue }
            for entry in entries {
                let count = entry.words.count
                guard position + count <= words.count else { continue }
                switch entry.mode {
                case .whole: if position != 0 || count != words.count { continue }
                case .prefix: if position != 0 { continue }
                case .anywhere: break
                }
                var same = true
                for k in 1..<max(count, 1) where entry.words[k] != words[position + k] {
                    same = false
                    break
                }
                if same {
                    // A prefix that covers the whole line counts as a whole-line match.
                    var entry = entry
                    if entry.mode != .whole, position == 0, count == words.count { entry.mode = .whole }
                    consider(entry)
                }
            }
        }
        return best
    }
}

/// Hashes words the way `LineScanner` does (FNV-1a over lowercased UTF-8 bytes), for building
/// lexicons from strings.
enum WordHasher {
    static func hashes(of string: String) -> [UInt64] {
        var string = string
        return string.withUTF8 { bytes -> [UInt64] in
            var out: [UInt64] = []
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            var length = 0
            var i = 0
            func flush() {
                if length > 0 { out.append(hash) }
                hash = 0xcbf2_9ce4_8422_2325
                length = 0
            }
            func add(_ byte: UInt8) {
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
                length += 1
            }
            while i < bytes.count {
                let c = bytes[i]
                if c < 0x80 {
                    let lower = c | 0x20
                    if (lower >= 0x61 && lower <= 0x7A) || (c >= 0x30 && c <= 0x39) {
                        add((c >= 0x41 && c <= 0x5A) ? lower : c)
                    } else {
                        flush()
                    }
                    i += 1
                    continue
                }
                var size = 1
                if c >= 0xF0 { size = 4 } else if c >= 0xE0 { size = 3 } else if c >= 0xC0 { size = 2 }
                guard i + size <= bytes.count, c >= 0xC0 else { i += 1; continue }
                if LanguageGuess.isSeparatorCharacter(bytes, at: i, size: size) {
                    flush()
                    i += size
                    continue
                }
                var first = c
                var second = bytes[i + 1]
                if size == 2 { LanguageGuess.lowercaseLatin(&first, &second) }
                add(first)
                add(second)
                if size > 2 { for k in 2..<size { add(bytes[i + k]) } }
                i += size
            }
            flush()
            return out
        }
    }
}
