/// Tells an input's format from its first bytes, with the file name's extension as a tie-breaker:
/// positive evidence in the content (a feed root, HTML markup, a JSON object) wins over the
/// extension; the extension decides only where the content looks like plain text.
enum FormatSniffer {
    /// How many leading bytes are enough to decide.
    static let sampleSize = 64 * 1024

    /// `head` is the input's first bytes (after gunzip); `complete` says whether it is all of it.
    static func detect(_ head: [UInt8], complete: Bool, name: String) -> DetectedFormat {
        if head.isEmpty { return .empty }
        if isWARC(head) { return .warc }
        if let form = unicodeBOM(head) { return .unicodeWithBOM(form) }
        let sample = head.prefix(sampleSize)
        let hint = FileExtension.of(name)
        return sample.withUnsafeBufferPointer { bytes in
            detect(bytes, complete: complete && head.count <= sampleSize, hint: hint)
        }
    }

    /// A WARC file (ISO 28500) starts with its first record's version line: `WARC/1.0`, `WARC/1.1`.
    static func isWARC(_ head: [UInt8]) -> Bool {
        head.count >= 6 && head[0] == UInt8(ascii: "W") && head[1] == UInt8(ascii: "A") && head[2] == UInt8(ascii: "R")
            && head[3] == UInt8(ascii: "C") && head[4] == UInt8(ascii: "/") && head[5] >= 0x30 && head[5] <= 0x39
    }

    static func unicodeBOM(_ head: [UInt8]) -> DetectedFormat.UnicodeForm? {
        if head.count >= 4, head[0] == 0xFF, head[1] == 0xFE, head[2] == 0, head[3] == 0 { return .utf32LE }
        if head.count >= 4, head[0] == 0, head[1] == 0, head[2] == 0xFE, head[3] == 0xFF { return .utf32BE }
        if head.count >= 2, head[0] == 0xFF, head[1] == 0xFE { return .utf16LE }
        if head.count >= 2, head[0] == 0xFE, head[1] == 0xFF { return .utf16BE }
        return nil
    }

    private static func detect(_ bytes: UnsafeBufferPointer<UInt8>, complete: Bool, hint: FileExtension) -> DetectedFormat {
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        if let kind = BinarySignature.name(of: bytes) { return .binary(kind) }
        if looksBinary(bytes, from: start) { return .binary(nil) }
        while start < bytes.count, isSpace(bytes[start]) { start += 1 }
        if start == bytes.count { return complete ? .empty : .text }

        switch bytes[start] {
        case UInt8(ascii: "<"):
            if let decided = detectMarkupStart(bytes, from: start) { return decided }
        case UInt8(ascii: "{"):
            return firstLineIsLoneBrace(bytes, from: start) ? .jsonDocument : .jsonLines
        case UInt8(ascii: "["):
            var next = start + 1
            while next < bytes.count, isSpace(bytes[next]) { next += 1 }
            if next < bytes.count, bytes[next] == UInt8(ascii: "{") || bytes[next] == UInt8(ascii: "]") {
                return .jsonDocument
            }
        default:
            break
        }

        if containsHTMLDeclaration(bytes) { return .html }
        let startsWithTag = bytes[start] == UInt8(ascii: "<")
        let tags = knownTagCount(bytes, from: start)
        if tags > 0 && (startsWithTag || hint == .html) { return .html }
        if tags >= 3 && tags * 300 >= bytes.count - start { return .html }

        switch hint {
        case .jsonLines: return .jsonLines
        case .feed where startsWithTag: return .feed
        default: return .text
        }
    }

    /// More than a tenth stray control bytes (NUL included), or more than a fiftieth where over a
    /// quarter of the bytes are not UTF-8 either (compressed or encrypted data). A few stray bytes in
    /// a page do not make it binary: decoding drops them and counts them.
    private static func looksBinary(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        var stray = 0, notUTF8 = 0
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                if StrayControlBytes.isStray(byte) { stray += 1 }
                index += 1
            } else {
                let length = LenientUTF8.sequenceLength(bytes, at: index)
                if length == 0 { notUTF8 += 1 }
                index += max(length, 1)
            }
        }
        let total = bytes.count - start
        return stray * 10 > total || (stray * 50 > total && notUTF8 * 4 > total)
    }

    /// Reads the prolog (XML declaration, comments, doctype) and the first element's name.
    private static func detectMarkupStart(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> DetectedFormat? {
        var index = start
        var sawXMLDeclaration = false
        while index < bytes.count {
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "<") else { return nil }
            if hasPrefix(bytes, at: index, "<?") {
                if hasPrefix(bytes, at: index, "<?xml") { sawXMLDeclaration = true }
                guard let end = find(bytes, "?>", from: index) else { return nil }
                index = end + 2
            } else if hasPrefix(bytes, at: index, "<!--") {
                guard let end = find(bytes, "-->", from: index + 4) else { return nil }
                index = end + 3
            } else if hasPrefix(bytes, at: index, "<!doctype", caseInsensitive: true) {
                var nameStart = index + 9
                while nameStart < bytes.count, isSpace(bytes[nameStart]) { nameStart += 1 }
                if hasPrefix(bytes, at: nameStart, "html", caseInsensitive: true) { return .html }
                guard let end = find(bytes, ">", from: index) else { return nil }
                index = end + 1
            } else {
                let name = elementName(bytes, at: index + 1)
                let local = name.split(separator: ":").last.map(String.init) ?? name
                switch local {
                case "rss", "rdf", "feed": return .feed
                case "html": return .html
                default:
                    if sawXMLDeclaration && !HTMLTagNames.known.contains(name) { return .feed }
                    return nil
                }
            }
        }
        return nil
    }

    private static func firstLineIsLoneBrace(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        var index = start + 1
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == 9 || bytes[index] == 13 {
            index += 1
        }
        return index < bytes.count && bytes[index] == 10
    }

    private static func containsHTMLDeclaration(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let window = min(bytes.count, 4096)
        var index = 0
        while index < window {
            if bytes[index] == UInt8(ascii: "<"),
               hasPrefix(bytes, at: index, "<html", caseInsensitive: true)
                || hasPrefix(bytes, at: index, "<!doctype html", caseInsensitive: true) {
                let after = index + (bytes[index + 1] == UInt8(ascii: "!") ? 14 : 5)
                if after >= bytes.count || !isNameByte(bytes[after]) { return true }
            }
            index += 1
        }
        return false
    }

    /// Counts opening and closing tags whose name is a common HTML element.
    static func knownTagCount(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var count = 0
        var index = start
        while index < bytes.count - 1 {
            if bytes[index] == UInt8(ascii: "<") {
                var nameStart = index + 1
                if bytes[nameStart] == UInt8(ascii: "/") { nameStart += 1 }
                var nameEnd = nameStart
                while nameEnd < bytes.count, nameEnd - nameStart <= 10, isAlphanumeric(bytes[nameEnd]) { nameEnd += 1 }
                if nameEnd > nameStart, nameEnd < bytes.count,
                   bytes[nameEnd] == UInt8(ascii: ">") || bytes[nameEnd] == UInt8(ascii: "/") || isSpace(bytes[nameEnd]) {
                    let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<nameEnd]), as: UTF8.self)
                    if HTMLTagNames.known.contains(name.lowercased()) { count += 1 }
                }
                index = nameEnd
            } else {
                index += 1
            }
        }
        return count
    }

    private static func elementName(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> String {
        var end = start
        while end < bytes.count, end - start < 64, isNameByte(bytes[end]) { end += 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self).lowercased()
    }

    private static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, _ prefix: StaticString,
                                  caseInsensitive: Bool = false) -> Bool {
        let length = prefix.utf8CodeUnitCount
        guard index + length <= bytes.count else { return false }
        let pattern = prefix.utf8Start
        for offset in 0..<length {
            var byte = bytes[index + offset]
            if caseInsensitive, byte >= 0x41, byte <= 0x5A { byte |= 0x20 }
            if byte != pattern[offset] { return false }
        }
        return true
    }

    private static func find(_ bytes: UnsafeBufferPointer<UInt8>, _ pattern: StaticString, from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            if hasPrefix(bytes, at: index, pattern) { return index }
            index += 1
        }
        return nil
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 32 || (byte >= 9 && byte <= 13) }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
    }
}
