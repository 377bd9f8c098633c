/// Splits UTF-8 text into trimmed non-blank lines and groups them into raw paragraphs.
enum LineSplitter {
    static func lines(_ bytes: UnsafeBufferPointer<UInt8>) -> [TextLine] {
        var lines: [TextLine] = []
        lines.reserveCapacity(bytes.count / 40 + 4)
        var group = -1
        var sawBlank = true
        var lineStart = 0
        let n = bytes.count
        var i = 0
        while i <= n {
            if i == n || bytes[i] == 0x0A {
                var s = lineStart
                var e = i
                while s < e, isSpace(bytes, s) { s += spaceWidth(bytes, s) }
                while e > s, isSpaceBefore(bytes, e) { e -= spaceWidthBefore(bytes, e) }
                if s < e {
                    if sawBlank { group += 1 }
                    if sawBlank, let last = lines.indices.last { lines[last].blankAfter = true }
                    var line = TextLine(start: s, end: e, contentStart: s, bullet: false, numbered: false,
                                        group: group, blankBefore: sawBlank, blankAfter: false)
                    detectBullet(bytes, &line, previous: lines.last)
                    lines.append(line)
                    sawBlank = false
                } else {
                    sawBlank = true
                }
                lineStart = i + 1
            }
            i += 1
        }
        if let last = lines.indices.last { lines[last].blankAfter = true }
        return lines
    }

    /// Marks "* item", "+ item", "- item", "• item", "o item" (only inside a list) and "1. item".
    private static func detectBullet(_ bytes: UnsafeBufferPointer<UInt8>, _ line: inout TextLine,
                                     previous: TextLine?) {
        let s = line.start
        let e = line.end
        let first = bytes[s]
        if first == 0x2A || first == 0x2B || first == 0x2D {  // * + -
            if e == s + 1 { line.bullet = true; line.contentStart = e; return }
            if bytes[s + 1] == 0x20 { line.bullet = true; line.contentStart = skipSpaces(bytes, s + 2, e); return }
        }
        if first == 0x6F, s + 1 < e, bytes[s + 1] == 0x20, let previous, previous.bullet {  // o
            line.bullet = true
            line.contentStart = skipSpaces(bytes, s + 2, e)
            return
        }
        if first == 0xE2, s + 3 <= e, bytes[s + 1] == 0x80, bytes[s + 2] == 0xA2 {  // •
            line.bullet = true
            line.contentStart = skipSpaces(bytes, s + 3, e)
            return
        }
        // 1. / 12) followed by a space.
        var j = s
        while j < e, j - s < 3, bytes[j] >= 0x30, bytes[j] <= 0x39 { j += 1 }
        if j > s, j + 1 < e, bytes[j] == 0x2E || bytes[j] == 0x29, bytes[j + 1] == 0x20 {
            line.numbered = true
        }
    }

    private static func skipSpaces(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ end: Int) -> Int {
        var j = from
        while j < end, isSpace(bytes, j) { j += spaceWidth(bytes, j) }
        return j
    }

    /// Space, tab, CR, form feed, no-break space (C2 A0), zero-width space and BOM.
    @inline(__always)
    static func isSpace(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let b = bytes[i]
        if b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0C || b == 0x0B { return true }
        if b == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0xA0 { return true }
        if b == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80,
           bytes[i + 2] == 0x8B || (bytes[i + 2] >= 0x80 && bytes[i + 2] <= 0x8A) || bytes[i + 2] == 0xAF { return true }
        if b == 0xEF, i + 2 < bytes.count, bytes[i + 1] == 0xBB, bytes[i + 2] == 0xBF { return true }
        return false
    }

    @inline(__always)
    static func spaceWidth(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let b = bytes[i]
        return b < 0x80 ? 1 : (b == 0xC2 ? 2 : 3)
    }

    @inline(__always)
    static func isSpaceBefore(_ bytes: UnsafeBufferPointer<UInt8>, _ end: Int) -> Bool {
        let b = bytes[end - 1]
        if b < 0x80 { return b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0C || b == 0x0B }
        if end >= 2, bytes[end - 2] == 0xC2, b == 0xA0 { return true }
        if end >= 3 { return isSpace(bytes, end - 3) && bytes[end - 3] >= 0xE0 }
        return false
    }

    @inline(__always)
    static func spaceWidthBefore(_ bytes: UnsafeBufferPointer<UInt8>, _ end: Int) -> Int {
        let b = bytes[end - 1]
        if b < 0x80 { return 1 }
        return bytes[end - 2] == 0xC2 ? 2 : 3
    }
}
