/// The entity tagger's feature templates: each feature is a template id hashed with a value
/// into a row of the flat weight table. Shared by training and tagging so they never disagree.
struct EntityFeatures {
    let mask: Int

    init(rowBits: Int) { mask = (1 << rowBits) - 1 }

    /// How a sentence is cased: headlines in Title Case or lower case make capitals less telling.
    enum SentenceCase: UInt8 { case normal, title, upper, lower }

    static let boundary: UInt64 = 0x5EED_B0DA_C0FF_EE01

    /// Decides the casing of the tokens `range` (one sentence).
    static func sentenceCase(_ profiles: [TokenProfile], _ tokens: [Token], _ range: Range<Int>) -> SentenceCase {
        var words = 0, capitalized = 0, upper = 0, lower = 0, content = 0, contentCapitalized = 0
        for k in range where tokens[k].kind == .word {
            words += 1
            switch profiles[k].casing {
            case .upper: upper += 1; capitalized += 1
            case .capitalized: capitalized += 1
            case .lower: lower += 1
            default: break
            }
            if k > range.lowerBound, tokens[k].range.count >= 4, !profiles[k].commonLower || profiles[k].casing != .lower {
                content += 1
                if profiles[k].casing == .capitalized || profiles[k].casing == .upper { contentCapitalized += 1 }
            }
        }
        if words >= 3, upper * 5 >= words * 4 { return .upper }
        if words >= 3, capitalized == 0 { return .lower }
        if content >= 3, contentCapitalized * 4 >= content * 3, lower * 3 <= words { return .title }
        return .normal
    }

    @inline(__always)
    func row(_ template: UInt64, _ value: UInt64) -> Int {
        return Int(truncatingIfNeeded: ByteHash.mix(template &* 0x9E37_79B9_7F4A_7C15, value)) & mask
    }

    /// Rows of the features that do not depend on earlier decisions, for token `k` of the
    /// sentence `range`.
    @inline(__always)
    func staticRows(_ p: UnsafeBufferPointer<TokenProfile>, _ tokens: [Token], _ range: Range<Int>, _ k: Int,
                    _ mode: SentenceCase, into rows: inout [Int]) {
        let t = p[k]
        let hasPrev = k > range.lowerBound, hasPrev2 = k > range.lowerBound + 1
        let hasNext = k + 1 < range.upperBound, hasNext2 = k + 2 < range.upperBound
        let b = EntityFeatures.boundary
        let lowerP = hasPrev ? p[k - 1].lower : b, lowerN = hasNext ? p[k + 1].lower : b
        let lowerP2 = hasPrev2 ? p[k - 2].lower : b, lowerN2 = hasNext2 ? p[k + 2].lower : b
        let shapeP = hasPrev ? p[k - 1].shape : b, shapeN = hasNext ? p[k + 1].shape : b
        let casingP = hasPrev ? UInt64(p[k - 1].casing.rawValue) : 9, casingN = hasNext ? UInt64(p[k + 1].casing.rawValue) : 9
        let casing = UInt64(t.casing.rawValue)
        let modeValue = UInt64(mode.rawValue)
        rows.append(row(1, 0))
        rows.append(row(2, t.lower))
        rows.append(row(3, t.shape))
        rows.append(row(4, t.prefix1))
        rows.append(row(5, t.prefix2))
        rows.append(row(6, t.prefix3))
        rows.append(row(7, t.suffix1))
        rows.append(row(8, t.suffix2))
        rows.append(row(9, t.suffix3))
        rows.append(row(10, t.suffix4))
        rows.append(row(11, lowerP))
        rows.append(row(12, lowerN))
        rows.append(row(13, lowerP2))
        rows.append(row(14, lowerN2))
        rows.append(row(15, shapeP))
        rows.append(row(16, shapeN))
        rows.append(row(17, ByteHash.mix(lowerP, t.lower)))
        rows.append(row(18, ByteHash.mix(t.lower, lowerN)))
        rows.append(row(19, ByteHash.mix(ByteHash.mix(shapeP, t.shape), shapeN)))
        if t.phrase != 0 { rows.append(row(20, UInt64(t.phrase) << 2 | UInt64(t.phrasePosition))) }
        if hasPrev, p[k - 1].phrase != 0 { rows.append(row(21, UInt64(p[k - 1].phrase) << 2 | UInt64(p[k - 1].phrasePosition))) }
        if hasNext, p[k + 1].phrase != 0 { rows.append(row(22, UInt64(p[k + 1].phrase) << 2 | UInt64(p[k + 1].phrasePosition))) }
        if t.lexicon != 0 { rows.append(row(23, UInt64(t.lexicon) << 4 | casing)) }
        if hasPrev, p[k - 1].lexicon != 0 { rows.append(row(24, UInt64(p[k - 1].lexicon) << 4 | casingP)) }
        if hasNext, p[k + 1].lexicon != 0 { rows.append(row(25, UInt64(p[k + 1].lexicon) << 4 | casingN)) }
        if hasNext2, p[k + 2].lexicon != 0 { rows.append(row(26, UInt64(p[k + 2].lexicon))) }
        let initial: UInt64 = hasPrev ? 0 : 1
        rows.append(row(27, casing << 8 | initial << 4 | modeValue))
        rows.append(row(28, casing << 8 | (t.commonLower ? 1 : 0) << 4 | modeValue))
        let c = UInt64(t.cluster)
        rows.append(row(29, UInt64(t.run) << 4 | casing))
        let possessiveNext: UInt64 = hasNext && tokens[k + 1].kind == .possessive ? 1 : 0
        rows.append(row(31, possessiveNext << 4 | casing))
        rows.append(row(32, ByteHash.mix(lowerP, t.shape)))
        rows.append(row(33, ByteHash.mix(t.shape, lowerN)))
        rows.append(row(34, UInt64(t.run) << 8 | modeValue << 4 | (t.commonLower ? 1 : 0)))
        rows.append(row(50, c & 0xF | 1 << 32))
        rows.append(row(51, c & 0x3F | 1 << 32))
        rows.append(row(52, c & 0x3FF | 1 << 32))
        rows.append(row(53, c & 0x3FFF | 1 << 32))
        rows.append(row(54, c))
        let cP = hasPrev ? UInt64(p[k - 1].cluster) : 1 << 40, cN = hasNext ? UInt64(p[k + 1].cluster) : 1 << 40
        rows.append(row(55, cP & 0x3F | (cP >> 40) << 20))
        rows.append(row(56, cP & 0xFFF | (cP >> 40) << 20))
        rows.append(row(57, cN & 0x3F | (cN >> 40) << 20))
        rows.append(row(58, cN & 0xFFF | (cN >> 40) << 20))
        rows.append(row(59, (c & 0xFF) << 8 | casing))
        rows.append(row(30, casingP << 8 | casing << 4 | casingN))
        rows.append(row(66, (cP & 0xFF) << 16 | (c & 0xFF) << 8 | (cN & 0xFF)))
        let stats = UInt64(t.casingStats)
        rows.append(row(67, stats << 8 | casing))
        rows.append(row(68, (stats >> 4) << 8 | casing << 4 | modeValue))
        rows.append(row(69, (stats & 0xF) << 8 | casing << 4 | (initial)))
        let statsP = hasPrev ? UInt64(p[k - 1].casingStats) : 0x100, statsN = hasNext ? UInt64(p[k + 1].casingStats) : 0x100
        rows.append(row(70, (statsP >> 4) << 16 | (stats >> 4) << 8 | (statsN >> 4)))
        // The name lexicon: the token's place in phrases of each kind, alone and together.
        let names = UInt64(t.names)
        if names != 0 {
            rows.append(row(80, names << 8 | casing << 4 | modeValue))
            var bits = names, kind: UInt64 = 0
            while bits != 0 {
                if bits & 3 != 0 { rows.append(row(81 + kind, (bits & 3) << 4 | casing)) }
                bits >>= 2
                kind += 1
            }
        }
        let namesP = hasPrev ? UInt64(p[k - 1].names) : 1 << 20, namesN = hasNext ? UInt64(p[k + 1].names) : 1 << 20
        if namesP != 0 { rows.append(row(90, namesP)) }
        if namesN != 0 { rows.append(row(91, namesN)) }
        // MiniLM embedding classes of the token (with its casing) and its neighbours, per partition.
        for i in 0..<EmbeddingClasses.maxPartitions {
            let template = 100 + 4 * UInt64(i)
            let e = UInt64(t.embedding[i])
            let eP = hasPrev ? UInt64(p[k - 1].embedding[i]) : 1 << 20, eN = hasNext ? UInt64(p[k + 1].embedding[i]) : 1 << 20
            rows.append(row(template, e << 8 | casing))
            rows.append(row(template + 1, eP))
            rows.append(row(template + 2, eN))
        }
    }

    /// Base rows of the features that look at the previous token's tag: the row for previous tag
    /// `p` (`EntityViterbi.start` at the start of a sentence) is `transitionRow(base, p)`, so one
    /// hash serves all eight and their weights lie side by side.
    @inline(__always)
    func transitionBases(_ t: TokenProfile, _ mode: SentenceCase, into rows: inout [Int]) {
        rows.append(row(40, 0))
        rows.append(row(42, t.lower))
        rows.append(row(43, UInt64(t.casing.rawValue) << 4 | UInt64(mode.rawValue)))
        rows.append(row(44, UInt64(t.cluster) & 0x3F))
    }

    @inline(__always)
    func transitionRow(_ base: Int, _ previous: Int) -> Int { (base &+ previous) & mask }
}
