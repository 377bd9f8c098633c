import CrossreadCore
import Foundation

/// Name lists the entity tagger reads as features (regions, cities, counties, first names,
/// surnames, WordNet people, places and groups): hashed phrases of up to four tokens and their
/// kinds, in `lexicon.bin`. Unlike the `Gazetteer`, no rule acts on them; the tagger learns how far
/// to trust each kind.
public struct TaggerLexicon: Sendable {
    /// Kind names in the source list, in bit order.
    public static let kindNames = ["region", "city", "county", "first", "surname", "wnperson", "wnplace", "wngroup"]
    /// The value bit saying a longer phrase starts with this one.
    static let continues: Int32 = 1 << 8
    static let maxTokens = 4
    static let magic: UInt32 = 0x584C_5243  // "CRLX"
    static let version: UInt32 = 1

    private var phrases: HashIndex

    /// The lexicon shipped with the module (empty when its resource is missing).
    public static let standard: TaggerLexicon = {
        guard let url = Bundle.module.url(forResource: "lexicon", withExtension: "bin"),
              let data = try? Data(contentsOf: url) else { return TaggerLexicon() }
        return TaggerLexicon(data: data) ?? TaggerLexicon()
    }()

    init() { phrases = HashIndex() }

    /// Builds the lexicon from `kind<TAB>phrase` lines (kinds as in `kindNames`; others are skipped).
    public init(tsv: String) {
        phrases = HashIndex(capacity: 1 << 17)
        let tokenizer = Tokenizer()
        for line in tsv.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t")
            guard fields.count >= 2, let bit = TaggerLexicon.kindNames.firstIndex(of: String(fields[0])) else { continue }
            var phrase = String(fields[1])
            let tokens = tokenizer.tokenize(phrase)
            guard !tokens.isEmpty, tokens.count <= TaggerLexicon.maxTokens else { continue }
            phrase.withUTF8 { bytes in
                var h: UInt64 = 0
                for k in tokens.indices {
                    h = TaggerLexicon.extend(h, bytes, tokens[k], first: k == 0)
                    let key = TaggerLexicon.key(h)
                    var value = phrases.value(for: key) ?? 0
                    value |= k == tokens.count - 1 ? Int32(1 << bit) : TaggerLexicon.continues
                    phrases.set(key, value)
                }
            }
        }
    }

    /// Reads the `lexicon.bin` format written by `serialized()`.
    public init?(data: Data) {
        let parsed: HashIndex? = data.withUnsafeBytes { raw in
            func u32(_ offset: Int) -> UInt32 { UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self)) }
            guard raw.count >= 12, u32(0) == TaggerLexicon.magic, u32(4) == TaggerLexicon.version else { return nil }
            let count = Int(u32(8))
            guard raw.count >= 12 + count * 6 else { return nil }
            var index = HashIndex(capacity: count)
            for i in 0..<count {
                let offset = 12 + i * 6
                let value = UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt16.self))
                index.set(UInt64(u32(offset)) | 1 << 32, Int32(value))
            }
            return index
        }
        guard let parsed else { return nil }
        phrases = parsed
    }

    /// The file form: magic, version, count, then (UInt32 phrase key, UInt16 kinds) pairs.
    public func serialized() -> Data {
        var pairs: [(UInt32, UInt16)] = []
        phrases.forEach { key, value in pairs.append((UInt32(truncatingIfNeeded: key), UInt16(truncatingIfNeeded: value))) }
        pairs.sort { $0.0 < $1.0 }
        var data = Data()
        func write<T: FixedWidthInteger>(_ value: T) { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
        write(TaggerLexicon.magic)
        write(TaggerLexicon.version)
        write(UInt32(pairs.count))
        for (key, value) in pairs {
            write(key)
            write(value)
        }
        return data
    }

    public var count: Int { phrases.count }

    @inline(__always)
    static func key(_ h: UInt64) -> UInt64 { h & 0xFFFF_FFFF | 1 << 32 }

    /// The phrase hash of `Gazetteer.phraseHash`, one token at a time.
    @inline(__always)
    static func extend(_ h: UInt64, _ bytes: UnsafeBufferPointer<UInt8>, _ token: Token, first: Bool) -> UInt64 {
        if first { return ByteHash.hash(bytes, token.range) }
        return token.gap == .none ? ByteHash.hash(bytes, token.range, seed: h) : ByteHash.extend(h, bytes, token.range)
    }

    /// For every token, two bits per kind: 0 outside a phrase of that kind, 1 its first token,
    /// 2 a later token, 3 a one-token phrase. Phrases are matched longest first, left to right,
    /// never across a line break.
    func positions(_ bytes: UnsafeBufferPointer<UInt8>, _ tokens: [Token]) -> [UInt16] {
        var result = [UInt16](repeating: 0, count: tokens.count)
        guard phrases.count > 0 else { return result }
        var coveredUntil = SIMD8<Int32>(repeating: 0)
        for start in tokens.indices where tokens[start].kind == .word || tokens[start].kind == .number {
            var h: UInt64 = 0
            // Kinds of the phrases of 1...4 tokens starting here.
            var lengths = SIMD4<Int32>(repeating: 0)
            var end = start
            while end < tokens.count, end - start < TaggerLexicon.maxTokens {
                if end > start, tokens[end].gap >= .line { break }
                h = TaggerLexicon.extend(h, bytes, tokens[end], first: end == start)
                guard let value = phrases.value(for: TaggerLexicon.key(h)) else { break }
                lengths[end - start] = value & 0xFF
                end += 1
                if value & TaggerLexicon.continues == 0 { break }
            }
            let any = lengths[0] | lengths[1] | lengths[2] | lengths[3]
            guard any != 0 else { continue }
            for bit in 0..<TaggerLexicon.kindNames.count where any & Int32(1 << bit) != 0 && Int(coveredUntil[bit]) <= start {
                let flag = Int32(1 << bit)
                let length = lengths[3] & flag != 0 ? 4 : lengths[2] & flag != 0 ? 3 : lengths[1] & flag != 0 ? 2 : 1
                coveredUntil[bit] = Int32(start + length)
                for j in start..<(start + length) {
                    let position: UInt16 = length == 1 ? 3 : (j == start ? 1 : 2)
                    result[j] |= position << UInt16(2 * bit)
                }
            }
        }
        return result
    }
}
