import CrossreadCore
import Foundation

/// Trains the entity tagger's weights (averaged structured perceptron, Viterbi decoding of whole
/// sentences) from sentences with gold IOB2 tags, and writes them as the `tagger.bin` resource.
public struct EntityTaggerTrainer {
    /// A sentence of pre-split words with one IOB2 tag per word ("B-PER", "I-LOC", "O").
    public struct LabeledSentence: Sendable {
        public var words: [String]
        public var tags: [String]
        /// The document the sentence belongs to (`# newdoc id`), when the file says.
        public var document: String?
        public init(words: [String], tags: [String], document: String? = nil) {
            self.words = words
            self.tags = tags
            self.document = document
        }
    }

    /// Training settings.
    public struct Options: Sendable {
        /// Bits of the hashed feature table: 2^rowBits rows of eight 16-bit weights.
        public var rowBits = 18
        public var epochs = 10
        public var seed: UInt64 = 20_241_111
        /// Perceptrons trained on different orders of the data, their averaged weights summed.
        public var models = 4
        /// Share of sentences also trained as a Title Case headline and as lower case.
        public var titleCaseShare = 0.15
        public var lowerCaseShare = 0.05
        public init() {}
    }

    public let options: Options
    let gazetteer: Gazetteer
    let clusters: WordClusters
    let lexicon: TaggerLexicon

    public init(options: Options = Options(), gazetteer: Gazetteer = .standard, clusters: WordClusters = .standard,
                lexicon: TaggerLexicon = .standard) {
        self.options = options
        self.gazetteer = gazetteer
        self.clusters = clusters
        self.lexicon = lexicon
    }

    /// Reads IOB2 text: `index<TAB>token<TAB>tag...` lines, blank lines between sentences, `#` comments.
    public static func readIOB2(_ text: String) -> [LabeledSentence] {
        var sentences: [LabeledSentence] = []
        var document: String?
        var current = LabeledSentence(words: [], tags: [])
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("# newdoc id = ") { document = String(line.dropFirst(14)) }
            if line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            if fields.count >= 3 {
                current.document = document
                current.words.append(String(fields[1]))
                current.tags.append(String(fields[2]))
            } else if line.trimmingCharacters(in: .whitespaces).isEmpty, !current.words.isEmpty {
                sentences.append(current)
                current = LabeledSentence(words: [], tags: [], document: document)
            }
        }
        if !current.words.isEmpty { sentences.append(current) }
        return sentences
    }

    /// Words seen in lower case often enough (and at least as often as capitalized inside a sentence).
    static func commonLowerWords(_ sentences: [LabeledSentence]) -> [UInt64] {
        var lower: [UInt64: Int] = [:], capitalized: [UInt64: Int] = [:]
        for sentence in sentences {
            for (index, word) in sentence.words.enumerated() {
                guard let first = word.unicodeScalars.first, first.properties.isAlphabetic else { continue }
                let key = ByteHash.hash(word)
                if first.properties.isLowercase { lower[key, default: 0] += 1 } else if index > 0 { capitalized[key, default: 0] += 1 }
            }
        }
        return lower.compactMap { key, count in count >= 2 && count >= capitalized[key, default: 0] ? key : nil }
    }

    /// The sentence as a headline in Title Case: words of four letters or more and the first word capitalized.
    static func titleCased(_ sentence: LabeledSentence) -> LabeledSentence {
        var copy = sentence
        copy.words = sentence.words.enumerated().map { index, word in
            guard index == 0 || word.count >= 4, let first = word.first, first.isLowercase else { return word }
            return first.uppercased() + word.dropFirst()
        }
        return copy
    }

    static func lowerCased(_ sentence: LabeledSentence) -> LabeledSentence {
        var copy = sentence
        copy.words = sentence.words.map { $0.lowercased() }
        return copy
    }

    /// One sentence ready for training: its bytes, tokens, profiles and gold tags.
    struct Prepared {
        var text: [UInt8]
        var tokens: [Token]
        var profiles: [TokenProfile]
        var gold: [EntityTag]
        var mode: EntityFeatures.SentenceCase
    }

    /// Trains and returns the model file's bytes. `log` receives one line per epoch.
    public func train(_ sentences: [LabeledSentence], log: (String) -> Void = { _ in }) -> Data {
        let common = EntityTaggerTrainer.commonLowerWords(sentences)
        var commonIndex = HashIndex(capacity: common.count)
        for word in common { commonIndex.set(word, 1) }
        var random = SplitMix64(seed: options.seed)
        var examples: [LabeledSentence] = []
        for sentence in sentences {
            examples.append(sentence)
            if random.unit() < options.titleCaseShare { examples.append(EntityTaggerTrainer.titleCased(sentence)) }
            if random.unit() < options.lowerCaseShare { examples.append(EntityTaggerTrainer.lowerCased(sentence)) }
        }
        let tokenizer = Tokenizer()
        let prepared: [Prepared] = examples.map { sentence in
            let (text, tokens) = tokenizer.join(words: sentence.words)
            var bytes = Array(text.utf8)
            let profiles = bytes.withUnsafeMutableBufferPointer {
                TokenProfile.profiles(UnsafeBufferPointer($0), tokens, gazetteer: gazetteer, commonLower: commonIndex, clusters: clusters, lexicon: lexicon)
            }
            let mode = EntityFeatures.sentenceCase(profiles, tokens, 0..<tokens.count)
            return Prepared(text: bytes, tokens: tokens, profiles: profiles, gold: sentence.tags.map(EntityTag.init(iob2:)), mode: mode)
        }

        let features = EntityFeatures(rowBits: options.rowBits)
        let slots = (1 << options.rowBits) * EntityTag.stride
        var averaged = [Float](repeating: 0, count: slots)
        for member in 0..<max(1, options.models) {
        var random = SplitMix64(seed: options.seed &+ UInt64(member) &* 7919)
        var weights = [Float](repeating: 0, count: slots)
        var totals = [Double](repeating: 0, count: slots)
        var stamps = [Int32](repeating: 0, count: slots)
        var clock: Int32 = 1
        var order = Array(prepared.indices)
        var rows: [Int] = []
        rows.reserveCapacity(96)
        var emissions: [SIMD8<Float>] = [], transitions: [SIMD8<Float>] = []
        var staticRows: [[Int]] = []
        var back: [UInt8] = []
        var predicted: [EntityTag] = []

        @inline(__always) func update(_ rows: [Int], _ tag: Int, _ delta: Float) {
            for row in rows {
                let slot = row * EntityTag.stride + tag
                totals[slot] += Double(clock - stamps[slot]) * Double(weights[slot])
                stamps[slot] = clock
                weights[slot] += delta
            }
        }

        for epoch in 1...options.epochs {
            random.shuffle(&order)
            var errors = 0, total = 0
            for index in order {
                let sentence = prepared[index]
                let range = 0..<sentence.tokens.count
                let n = range.count
                guard n > 0 else { continue }
                emissions.removeAll(keepingCapacity: true)
                transitions.removeAll(keepingCapacity: true)
                while staticRows.count < n { staticRows.append([]) }
                sentence.profiles.withUnsafeBufferPointer { p in
                    weights.withUnsafeBufferPointer { w in
                        let base = UnsafeRawPointer(w.baseAddress!)
                        func sum(_ rows: [Int]) -> SIMD8<Float> {
                            var scores = SIMD8<Float>(repeating: 0)
                            for row in rows { scores += base.loadUnaligned(fromByteOffset: row * EntityTag.stride * 4, as: SIMD8<Float>.self) }
                            return scores
                        }
                        for k in range {
                            staticRows[k].removeAll(keepingCapacity: true)
                            features.staticRows(p, sentence.tokens, range, k, sentence.mode, into: &staticRows[k])
                            emissions.append(sum(staticRows[k]))
                            rows.removeAll(keepingCapacity: true)
                            features.transitionBases(p[k], sentence.mode, into: &rows)
                            for previous in 0...EntityTag.count {
                                transitions.append(sum(rows.map { features.transitionRow($0, previous) }))
                            }
                        }
                    }
                }
                if predicted.count < n { predicted = [EntityTag](repeating: .outside, count: n) }
                emissions.withUnsafeBufferPointer { e in
                    transitions.withUnsafeBufferPointer { t in
                        EntityViterbi.decode(count: n, emissions: e, transitions: t, back: &back, into: &predicted)
                    }
                }
                total += n
                for k in range {
                    let gold = sentence.gold[k], guess = predicted[k]
                    let goldPrevious = k == 0 ? EntityViterbi.start : sentence.gold[k - 1].rawValue
                    let guessPrevious = k == 0 ? EntityViterbi.start : predicted[k - 1].rawValue
                    if gold != guess {
                        errors += 1
                        update(staticRows[k], gold.rawValue, 1)
                        update(staticRows[k], guess.rawValue, -1)
                    }
                    if gold != guess || goldPrevious != guessPrevious {
                        rows.removeAll(keepingCapacity: true)
                        features.transitionBases(sentence.profiles[k], sentence.mode, into: &rows)
                        update(rows.map { features.transitionRow($0, goldPrevious) }, gold.rawValue, 1)
                        update(rows.map { features.transitionRow($0, guessPrevious) }, guess.rawValue, -1)
                    }
                }
                clock += 1
            }
            log("model \(member + 1), epoch \(epoch): \(errors) errors in \(total) tokens (\(String(format: "%.2f", 100 * Double(errors) / Double(max(total, 1))))%)")
        }

        // Average over the updates, add to the other members, then quantize to 16 bits.
        for slot in 0..<slots {
            averaged[slot] += Float((totals[slot] + Double(clock - stamps[slot]) * Double(weights[slot])) / Double(clock))
        }
        }
        var largest: Float = 0
        for value in averaged { largest = max(largest, abs(value)) }
        let scale = largest > 0 ? 32_000 / largest : 1
        let quantized = averaged.map { Int16(clamping: Int(($0 * scale).rounded())) }
        return TaggerModel.serialized(rowBits: options.rowBits, weights: quantized, commonLower: common)
    }
}

extension SplitMix64 {
    /// A uniform value in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    /// Fisher–Yates with this generator's own draws, so a seed gives the same order on every platform.
    mutating func shuffle<T>(_ array: inout [T]) {
        guard array.count > 1 else { return }
        for i in stride(from: array.count - 1, to: 0, by: -1) {
            let j = Int(next() % UInt64(i + 1))
            array.swapAt(i, j)
        }
    }
}
