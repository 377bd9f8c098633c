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
