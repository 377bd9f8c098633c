/// The class of one Unicode scalar as the tokenizer sees it, decided from its UTF-8 bytes.
enum CharClass: UInt8 {
    case space, newline, letter, digit, apostrophe, quote, hyphen, dash, period, ellipsis
    case punctuation, symbol

    /// Decodes the scalar starting at `i` (which must be a lead byte) and classifies it.
    /// Returns the class and the scalar's byte length.
    @inline(__always)
    static func at(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> (CharClass, Int) {
        let b = bytes[i]
        if b < 0x80 { return (asciiTable[Int(b)], 1) }
        let length: Int
        var value: UInt32
        if b & 0xE0 == 0xC0 { length = 2; value = UInt32(b & 0x1F) }
        else if b & 0xF0 == 0xE0 { length = 3; value = UInt32(b & 0x0F) }
        else if b & 0xF8 == 0xF0 { length = 4; value = UInt32(b & 0x07) }
        else { return (.symbol, 1) }  // a stray continuation byte: one symbol byte, never split a scalar further
        guard i + length <= bytes.count else { return (.symbol, bytes.count - i) }
        for k in 1..<length { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
        return (classify(scalar: value), length)
    }

    /// Classifies a non-ASCII scalar.
    static func classify(scalar v: UInt32) -> CharClass {
        switch v {
        case 0x00A0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return .space
        case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF: return .letter   // zero-width: keep words whole
        case 0x2028, 0x2029, 0x0085: return .newline
        case 0x2019: return .apostrophe
        case 0x2018, 0x201A, 0x201B, 0x201C, 0x201D, 0x201E, 0x201F, 0x00AB, 0x00BB, 0x2039, 0x203A: return .quote
        case 0x2010, 0x2011: return .hyphen
        case 0x2012, 0x2013, 0x2014, 0x2015, 0x2E3A, 0x2E3B: return .dash
        case 0x2026: return .ellipsis
        case 0x00A1, 0x00BF, 0x00B7: return .punctuation
        case 0x00AD: return .letter  // soft hyphen stays inside its word
        case 0x00A2...0x00BE, 0x00D7, 0x00F7: return .symbol
        case 0x2016...0x2027, 0x2030...0x205E: return .punctuation
        case 0x2070...0x209F: return .digit     // superscripts and subscripts
        case 0x20A0...0x2BFF: return .symbol    // currency, letterlike, arrows, math, boxes, shapes
        case 0x3001...0x3003, 0x300C...0x300F, 0xFF01, 0xFF0C, 0xFF0E, 0xFF1A, 0xFF1B, 0xFF1F: return .punctuation
        case 0xFE00...0xFE0F: return .letter    // variation selectors follow their base
        case 0x1F000...0x1FAFF: return .symbol  // emoji and pictographs
        default: return .letter
        }
    }

    static let asciiTable: [CharClass] = {
        var table = [CharClass](repeating: .symbol, count: 128)
        for b in UInt8(ascii: "a")...UInt8(ascii: "z") { table[Int(b)] = .letter }
        for b in UInt8(ascii: "A")...UInt8(ascii: "Z") { table[Int(b)] = .letter }
        for b in UInt8(ascii: "0")...UInt8(ascii: "9") { table[Int(b)] = .digit }
        for b: UInt8 in [0x20, 0x09, 0x0B, 0x0C] { table[Int(b)] = .space }
        table[0x0A] = .newline
        table[0x0D] = .space  // "\r\n" counts as one line break through its "\n"
        table[Int(UInt8(ascii: "'"))] = .apostrophe
        table[Int(UInt8(ascii: "\""))] = .quote
        table[Int(UInt8(ascii: "`"))] = .quote
        table[Int(UInt8(ascii: "-"))] = .hyphen
        table[Int(UInt8(ascii: "."))] = .period
        for c in ",;:!?()[]{}" { table[Int(c.asciiValue!)] = .punctuation }
        return table
    }()
}

extension UInt8 {
    @inline(__always) var isASCIILetter: Bool { (self | 0x20) >= 0x61 && (self | 0x20) <= 0x7A }
    @inline(__always) var isASCIIUpper: Bool { self >= 0x41 && self <= 0x5A }
    @inline(__always) var isASCIILower: Bool { self >= 0x61 && self <= 0x7A }
    @inline(__always) var isASCIIDigit: Bool { self >= 0x30 && self <= 0x39 }
    @inline(__always) var asciiLowercased: UInt8 { isASCIIUpper ? self | 0x20 : self }
}
