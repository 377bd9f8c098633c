/// A search snippet as a store's engine returns it (FTS5's `snippet()`, PostgreSQL's `ts_headline`),
/// with the matched words wrapped in sentinel characters, turned into clean text and UTF-8 byte ranges. Runs of whitespace (paragraph
/// breaks) become one space.
///
/// The sentinels are the Unicode noncharacters U+FDD0 and U+FDD1: reserved for internal use and,
/// unlike private-use characters (icon fonts put those in scraped text), never in real articles.
public struct MarkedSnippet: Sendable, Equatable {
    public static let start = String(Unicode.Scalar(UInt32(0xFDD0))!)  // a literal may not hold a noncharacter
    public static let end = String(Unicode.Scalar(UInt32(0xFDD1))!)

    public var text: String
    public var highlights: [Range<Int>]

    public init(marked: String) {
        // U+FDD0 is EF B7 90 in UTF-8, U+FDD1 is EF B7 91.
        let bytes = Array(marked.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var highlights: [Range<Int>] = []
        var openedAt: Int?
        var pendingSpace = false
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte == 0xEF, i + 2 < bytes.count, bytes[i + 1] == 0xB7, bytes[i + 2] == 0x90 || bytes[i + 2] == 0x91 {
                if bytes[i + 2] == 0x90 {
                    if pendingSpace, !out.isEmpty { out.append(0x20) }
                    pendingSpace = false
                    openedAt = out.count
                } else if let opened = openedAt {
                    if out.count > opened { highlights.append(opened..<out.count) }
                    openedAt = nil
                }
                i += 3
                continue
            }
            if byte == 0x20 || (0x09...0x0D).contains(byte) {
                pendingSpace = true
            } else {
                if pendingSpace, !out.isEmpty { out.append(0x20) }
                pendingSpace = false
                out.append(byte)
            }
            i += 1
        }
        text = String(decoding: out, as: UTF8.self)
        self.highlights = highlights
    }

    public var hasHighlights: Bool { !highlights.isEmpty }
}
