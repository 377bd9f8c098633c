import CrossreadCore

extension EntityRules {
    /// Amounts of money and large quantities ("$12 million", "40,000", "3 billion euros") and
    /// percentages ("17%", "5.5 percent"), outside the names already found.
    func amounts(excluding candidates: [EntityCandidate]) -> [EntityCandidate] {
        var covered = coverage(candidates)
        var result: [EntityCandidate] = []
        var k = 0
        while k < tokens.count {
            guard !covered[k], let (range, type) = amount(at: k), !range.contains(where: { covered[$0] }) else {
                k += 1
                continue
            }
            result.append(EntityCandidate(tokens: range, type: type, fromTagger: false))
            for j in range { covered[j] = true }
            k = range.upperBound
        }
        return result
    }

    @inline(__always) func isCurrencySymbol(_ k: Int) -> Bool {
        guard tokens[k].kind == .symbol else { return false }
        let r = tokens[k].range
        let b = bytes[r.lowerBound]
        if b == UInt8(ascii: "$") { return true }
        if r.count == 2, b == 0xC2 { return bytes[r.lowerBound + 1] == 0xA3 || bytes[r.lowerBound + 1] == 0xA5 }  // £ ¥
        if r.count == 3, b == 0xE2, bytes[r.lowerBound + 1] == 0x82 { return true }  // € ₪ ₹ ₽ and other currency signs
        return false
    }

    /// A plain quantity: digits with optional "," and "." separators, no time or date punctuation.
    @inline(__always) func isQuantity(_ k: Int) -> Bool {
        guard tokens[k].kind == .number else { return false }
        for i in tokens[k].range {
            let b = bytes[i]
            if b == UInt8(ascii: ":") || b == UInt8(ascii: "/") { return false }
            if !b.isASCIIDigit, b != UInt8(ascii: ","), b != UInt8(ascii: ".") { return false }
        }
        return true
    }

    @inline(__always) func isScale(_ k: Int) -> Bool {
        isWord(k, "million") || isWord(k, "billion") || isWord(k, "trillion") || isWord(k, "thousand") || isWord(k, "bn")
            || isWord(k, "mln") || isWord(k, "hundred")
    }

    @inline(__always) func isCurrencyWord(_ k: Int) -> Bool {
        isWord(k, "dollars") || isWord(k, "dollar") || isWord(k, "euros") || isWord(k, "euro") || isWord(k, "pounds")
            || isWord(k, "shekels") || isWord(k, "yen") || isWord(k, "yuan") || isWord(k, "rubles") || isWord(k, "roubles")
            || isWord(k, "rupees") || isWord(k, "pesos") || isWord(k, "francs") || isWord(k, "usd") || isWord(k, "eur")
            || isWord(k, "gbp") || isWord(k, "nis") || isWord(k, "cents") || isWord(k, "riyals") || isWord(k, "dirhams")
    }

    /// The amount or percentage starting at token `k`, if one starts there.
    func amount(at k: Int) -> (Range<Int>, EntityType)? {
        let n = tokens.count
        @inline(__always) func follows(_ j: Int) -> Bool { j < n && tokens[j].gap <= .space }
        var start = k
        var j = k
        var money = false
        if isCurrencySymbol(k) || (isCurrencyWord(k) && tokens[k].range.count == 3 && isCapitalized(k)) {
            guard follows(k + 1), isQuantity(k + 1) else { return nil }
            money = true
            j = k + 1
        } else if isQuantity(k) {
            // "US$" / "C$": the country letters belong to the currency sign, handled from the letters.
        } else if tokens[k].kind == .word, k + 1 < n, tokens[k + 1].gap == .none, isCurrencySymbol(k + 1), follows(k + 2), isQuantity(k + 2) {
            start = k
            j = k + 2
            money = true
        } else {
            return nil
        }
        var end = j + 1
        if follows(end), tokens[end].kind == .symbol, bytes[tokens[end].range.lowerBound] == UInt8(ascii: "%") {
            return money ? (start..<end, .amount) : (start..<(end + 1), .percent)
        }
        if follows(end), isWord(end, "percent") || isWord(end, "pct") { return (start..<(end + 1), .percent) }
        if follows(end), isWord(end, "per"), follows(end + 1), isWord(end + 1, "cent") { return (start..<(end + 2), .percent) }
        var scaled = false
        if follows(end), isScale(end) { end += 1; scaled = true }
        if follows(end), isCurrencyWord(end) { end += 1; money = true }
        if money || scaled { return (start..<end, .amount) }
        // "40,000": a grouped number of four digits or more counts as an amount.
        let r = tokens[j].range
        if r.count >= 5, bytes[r.lowerBound..<r.upperBound].contains(UInt8(ascii: ",")) { return (start..<end, .amount) }
        return nil
    }
}
