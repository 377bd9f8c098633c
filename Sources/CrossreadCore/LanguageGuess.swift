/// Guesses the language of a text from its stop words (the short function words every sentence
/// carries), and exposes the stop-word table so other stages can measure stop-word density fast.
///
/// Languages: English, German, French, Spanish, Polish, Italian, Dutch, Portuguese and Chinese
/// (where each ideograph is a word). The table is keyed by the lowercased UTF-8 bytes of a word;
/// only words of up to 8 bytes are stop words.
public enum LanguageGuess {
    /// ISO 639-1 codes of the languages known, in the bit order of `stopWordMask`.
    public static let codes: [String] = ["en", "de", "fr", "es", "pl", "it", "nl", "pt", "zh"]

    /// The language of `text` as an ISO 639-1 code, or nil when too few stop words were seen or
    /// two languages are too close to call. Reads at most the first 64 KB.
    public static func code(for text: String) -> String? {
        var text = text
        let counts = text.withUTF8 { bytes in
            stopWordCounts(UnsafeBufferPointer(rebasing: bytes.prefix(65_536)))
        }
        return decide(counts)
    }

    /// Chooses a language from per-language stop-word scores (as `stopWordCounts` returns them):
    /// the best must have enough evidence and beat the runner-up clearly.
    public static func decide(_ counts: [Double]) -> String? {
        var best = -1, second = -1
        for index in counts.indices {
            if best < 0 || counts[index] > counts[best] {
                second = best
                best = index
            } else if second < 0 || counts[index] > counts[second] {
                second = index
            }
        }
        guard best >= 0, counts[best] >= 3 else { return nil }
        let runnerUp = second >= 0 ? counts[second] : 0
        guard counts[best] >= runnerUp * 1.5 + 1 else { return nil }
        return codes[best]
    }

    /// Stop-word evidence per language in `bytes` (index as in `codes`): a word that is a stop
    /// word in k languages adds 1/k to each.
    public static func stopWordCounts(_ bytes: UnsafeBufferPointer<UInt8>) -> [Double] {
        var counts = [Double](repeating: 0, count: codes.count)
        forEachWordKey(bytes) { key in
            let mask = stopWordMask(key: key)
            guard mask != 0 else { return }
            let share = 1.0 / Double(mask.nonzeroBitCount)
            var bits = mask
            while bits != 0 {
                let index = bits.trailingZeroBitCount
                counts[index] += share
                bits &= bits - 1
            }
        }
        return counts
    }

    /// Bit i set when the word with this key (see `wordKey`) is a stop word of `codes[i]`.
    @inline(__always)
    public static func stopWordMask(key: UInt64) -> UInt16 {
        key == 0 ? 0 : (table[key] ?? 0)
    }

    /// Packs a lowercased word of 1 to 8 UTF-8 bytes into an integer key; 0 for longer words.
    /// (No byte of a word is 0, so words of different lengths never share a key.)
    @inline(__always)
    public static func wordKey(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> UInt64 {
        let length = end - start
        guard length > 0, length <= 8 else { return 0 }
        var key: UInt64 = 0
        for i in start..<end { key = key << 8 | UInt64(bytes[i]) }
        return key
    }

    /// Calls `body` with the key of each word of `bytes` after lowercasing it (ASCII, Latin-1
    /// and Latin Extended-A capitals); the key is 0 for words longer than 8 bytes. A word is a
    /// run of letters and digits; non-ASCII characters count as letters except general
    /// punctuation (U+2000...U+206F), the no-break space, guillemets and a few symbols.
    public static func forEachWordKey(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (UInt64) -> Void) {
        var key: UInt64 = 0
        var length = 0
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                let lower = b | 0x20
                if (lower >= 0x61 && lower <= 0x7A) || (b >= 0x30 && b <= 0x39) {
                    key = key << 8 | UInt64((b >= 0x41 && b <= 0x5A) ? lower : b)
                    length += 1
                } else if length > 0 {
                    body(length <= 8 ? key : 0)
                    key = 0
                    length = 0
                }
                i += 1
                continue
            }
            var size = 1
            if b >= 0xF0 { size = 4 } else if b >= 0xE0 { size = 3 } else if b >= 0xC0 { size = 2 }
            if i + size > n { break }
            if isSeparatorCharacter(bytes, at: i, size: size) || isIdeograph(bytes, at: i, size: size) {
                if length > 0 {
                    body(length <= 8 ? key : 0)
                    key = 0
                    length = 0
                }
                if isIdeograph(bytes, at: i, size: size) {
                    body(UInt64(bytes[i]) << 16 | UInt64(bytes[i + 1]) << 8 | UInt64(bytes[i + 2]))
                }
                i += size
                continue
            }
            var first = b
            var second = size > 1 ? bytes[i + 1] : 0
            if size == 2 { lowercaseLatin(&first, &second) }
            key = key << 8 | UInt64(first)
            if size > 1 { key = key << 8 | UInt64(second) }
            if size > 2 { for k in 2..<size { key = key << 8 | UInt64(bytes[i + k]) } }
            length += size
            i += size
        }
        if length > 0 { body(length <= 8 ? key : 0) }
    }

    /// True when the `size`-byte character at `i` separates words: general punctuation
    /// (U+2000...U+206F), no-break space, guillemets, inverted marks, ·, §, ©, ®, °, ×, ÷, BOM.
    @inline(__always)
    public static func isSeparatorCharacter(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, size: Int) -> Bool {
        let b = bytes[i]
        if size == 3, b == 0xE2, bytes[i + 1] == 0x80 || bytes[i + 1] == 0x81 { return true }
        if size == 2, b == 0xC2 {
            let c = bytes[i + 1]
            // no-break space, «, », ¡, ¿, ·, §, ©, ®, °
            return c == 0xA0 || c == 0xAB || c == 0xBB || c == 0xA1 || c == 0xBF || c == 0xB7
                || c == 0xA7 || c == 0xA9 || c == 0xAE || c == 0xB0
        }
        if size == 2, b == 0xC3, bytes[i + 1] == 0x97 || bytes[i + 1] == 0xB7 { return true } // × ÷
        if size == 3, b == 0xEF, bytes[i + 1] == 0xBB, bytes[i + 2] == 0xBF { return true } // BOM
        if size == 3, b == 0xE3, bytes[i + 1] == 0x80 { return true }  // CJK punctuation 、。「」
        if size == 3, b == 0xEF, bytes[i + 1] == 0xBC {  // fullwidth ！，：；？ and brackets
            let c = bytes[i + 2]
            return (c >= 0x81 && c <= 0x8F) || (c >= 0x9A && c <= 0xA0)
        }
        return false
    }

    /// True for a Chinese or Japanese character (U+3040...U+9FFF), which is a word by itself.
    @inline(__always)
    public static func isIdeograph(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, size: Int) -> Bool {
        guard size == 3 else { return false }
        let b = bytes[i]
        guard b >= 0xE3, b <= 0xE9 else { return false }
        let code = Int(b & 0x0F) << 12 | Int(bytes[i + 1] & 0x3F) << 6 | Int(bytes[i + 2] & 0x3F)
        return code >= 0x3040 && code <= 0x9FFF
    }

    /// Lowercases a two-byte UTF-8 capital of Latin-1 or Latin Extended-A in place.
    @inline(__always)
    public static func lowercaseLatin(_ first: inout UInt8, _ second: inout UInt8) {
        if first == 0xC3, second >= 0x80, second <= 0x9E, second != 0x97 {
            second += 0x20
        } else if first == 0xC4 || (first == 0xC5 && second < 0xB8) {
            // Latin Extended-A pairs capitals and small letters as even/odd code points, except
            // U+0139...U+0148 (odd capitals). Code point = (first & 0x1F) << 6 | (second & 0x3F).
            let code = Int(first & 0x1F) << 6 | Int(second & 0x3F)
            let capital = (code >= 0x139 && code <= 0x148) ? code % 2 == 1 : code % 2 == 0
            if capital, code != 0x130, code != 0x138 {
                let lower = code + 1
                first = UInt8(0xC0 | (lower >> 6))
                second = UInt8(0x80 | (lower & 0x3F))
            }
        } else if first == 0xC5, second >= 0xB9, second <= 0xBE {
            // Ź ź Ż ż Ž ž: capitals at odd code points.
            if second % 2 == 1 { second += 1 }
        }
    }

    private static let lists: [String] = [
        // en
        """
        the of and to in a is that for it as was with be by on not he i this are or his from at \
        which but have an had they you were their one all we can her has there been if more when \
        will would who so no she other its may these them than some him into only could new any \
        our also what about out up said how after most such where over us should those then very \
        while did do does just because both through during before between each under against \
        my your me our us our what whom being until why here off few own same too our themselves
        """,
        // de
        """
        der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es \
        an werden aus er hat dass daß sie nach wird bei einer um am sind noch wie einem über einen \
        so zum war haben nur oder aber vor zur bis mehr durch man sein wurde sei ihr ihre ich wir \
        wenn kann gegen vom schon hatte seine keine diese dieser dieses diesem doch ob unter sehr \
        zwischen ihm ihn ihnen uns wieder weil damit dann denn dort hier immer jetzt muss soll \
        wurden worden würde könnte waren seit selbst also etwa ohne sondern während nichts was \
        welche alle allem auch beim
        """,
        // fr
        """
        le la les de des du et à en un une est que qui dans pour pas par sur au aux ce cette ces \
        il elle ils elles on nous vous je ne se sa son ses leur leurs plus avec mais ou où comme \
        été être avait avoir sont ont fait aussi dont tout tous toute sans entre depuis lors \
        très peut même ainsi y l d qu c n s j m avant après chez si donc encore notre votre
        """,
        // es
        """
        el la los las de del y en un una es que por con para se su sus al lo como más pero o \
        fue ha han este esta estos estas ese esa entre cuando muy sin sobre también hasta desde \
        donde porque ya le les nos mi ni hay era son está están ser sido tiene había todo todos \
        otro otra otros durante según cual qué sino aunque e
        """,
        // pl
        """
        i w z na się do nie że to jest o a od po jak za ale co są przez dla tak jego jej ich go \
        jako może być był była było były już tylko przy lub oraz czy też tym tego które który \
        która których ze we ten ta te gdy kiedy bardzo można nas ma mają został została tej \
        także jednak gdzie więc pod nad bez między niż również sobie tu tam
        """,
        // it
        """
        il lo la i gli le di del della dei delle e è che in un una per con non si da al alla \
        nel nella sono come anche ma più ha hanno questo questa questi sul sulla tra fra dal \
        dalla degli stato essere era suo sua suoi loro ci ne se o quando dove perché molto \
        già solo ancora dopo cui sia tutto tutti
        """,
        // nl
        """
        de het een van en in is op te dat die voor met zijn niet aan er om ook als bij maar \
        door uit naar dan of wat nog wel was worden wordt werd kan heeft hebben hun ze zij hij \
        wij we je ik deze dit geen meer over tot toe zou zullen moet waren omdat onder tegen \
        al veel nu hier daar waar hoe
        """,
        // pt
        """
        o a os as de do da dos das e em um uma que para com por no na nos nas ao se não mais \
        como mas foi ser é são está pelo pela seu sua seus suas ele ela eles também já ou quando \
        muito há sobre entre depois sem até isso esta este essa esse onde
        """,
        // zh: single characters
        """
        的 了 是 在 和 有 也 就 不 我 他 她 这 那 们 都 与 及 对 将 被 从 而 但 为 以 之 其 个 到 说 要 会 把 让 向 着 过 还 又
        """,
    ]

    private static let table: [UInt64: UInt16] = {
        var table: [UInt64: UInt16] = [:]
        for (index, list) in lists.enumerated() {
            for word in list.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
                let bytes = Array(word.utf8)
                let key = bytes.withUnsafeBufferPointer { wordKey($0, from: 0, to: bytes.count) }
                if key != 0 { table[key, default: 0] |= UInt16(1) << UInt16(index) }
            }
        }
        return table
    }()
}
