/// Finds the encoding a document names for itself in its first bytes: an HTML `<meta charset>` or
/// `http-equiv="Content-Type"` tag, or an XML declaration's `encoding` (also used by XHTML).
enum CharsetDeclaration {
    /// How far into a document a declaration is looked for.
    static let window = 16 * 1024

    enum Markup { case html, xml }

    static func find(in bytes: [UInt8], markup: Markup) -> String? {
        bytes.prefix(window).withUnsafeBufferPointer { window in
            if let declared = xmlDeclarationEncoding(window) { return declared }
            return markup == .html ? metaCharset(window) : nil
        }
    }

    private static func xmlDeclarationEncoding(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var index = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        while index < bytes.count, FormatSniffer.isSpace(bytes[index]) { index += 1 }
        guard matches(bytes, at: index, "<?xml") else { return nil }
        var end = index
        while end + 1 < bytes.count, !(bytes[end] == UInt8(ascii: "?") && bytes[end + 1] == UInt8(ascii: ">")) { end += 1 }
        guard let at = search(bytes, "encoding", from: index, to: end) else { return nil }
        return attributeValue(bytes, after: at + 8, to: end)
    }

    private static func metaCharset(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var index = 0
        while let meta = search(bytes, "<meta", from: index, to: bytes.count) {
            var end = meta + 5
            while end < bytes.count, bytes[end] != UInt8(ascii: ">") { end += 1 }
            if let at = search(bytes, "charset", from: meta + 5, to: end),
               let label = attributeValue(bytes, after: at + 7, to: end) {
                return label
            }
            index = end
        }
        return nil
    }

    /// Reads `= "label"` (quotes optional) following an attribute name or a `charset` inside `content`.
    private static func attributeValue(_ bytes: UnsafeBufferPointer<UInt8>, after start: Int, to end: Int) -> String? {
        var index = start
        while index < end, FormatSniffer.isSpace(bytes[index]) { index += 1 }
        guard index < end, bytes[index] == UInt8(ascii: "=") else { return nil }
        index += 1
        while index < end, FormatSniffer.isSpace(bytes[index]) || bytes[index] == UInt8(ascii: "\"")
                || bytes[index] == UInt8(ascii: "'") { index += 1 }
        var valueEnd = index
        while valueEnd < end, valueEnd - index < 40 {
            let byte = bytes[valueEnd]
            let isLabelByte = (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
                || byte == UInt8(ascii: ":")
            guard isLabelByte else { break }
            valueEnd += 1
        }
        guard valueEnd > index else { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<valueEnd]), as: UTF8.self)
    }

    /// Case-insensitive search for a lower-case ASCII pattern within `start..<end`.
    private static func search(_ bytes: UnsafeBufferPointer<UInt8>, _ pattern: StaticString, from start: Int, to end: Int) -> Int? {
        let length = pattern.utf8CodeUnitCount
        var index = start
        while index + length <= end {
            if matches(bytes, at: index, pattern) { return index }
            index += 1
        }
        return nil
    }

    private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, _ pattern: StaticString) -> Bool {
        let length = pattern.utf8CodeUnitCount
        guard index >= 0, index + length <= bytes.count else { return false }
        let lower = pattern.utf8Start
        for offset in 0..<length {
            var byte = bytes[index + offset]
            if byte >= 0x41, byte <= 0x5A { byte |= 0x20 }
            if byte != lower[offset] { return false }
        }
        return true
    }
}
