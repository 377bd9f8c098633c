#if canImport(Glibc)
import Glibc
#endif

/// Drops what extraction never reads from a UTF-8 page before libxml2 parses it: comments, the
/// contents of `<script>` (JSON kept) and `<style>` elements, and attributes other than the few
/// `ElementAttributes` reads (`src`, `srcset`, `data-*`, event handlers) and link targets outside
/// `<link>` (a link's `href` is only checked for presence, unless it may lead to an author's page). Half a news page's bytes
/// are scripts and styles, and libxml2 steps through them and through every attribute value a
/// character at a time.
///
/// The parse events stay the same: with `HTML_PARSE_RECOVER` libxml2 reads a script's or style's
/// contents as raw text up to the first `</script` (or `</style`), and the scanner skips that text.
/// Tags are read the way libxml2 reads them (quoted attribute values may hold `>`; comments run to
/// `-->`), so a `<script` inside an attribute or a comment starts nothing.
enum MarkupTrimmer {
    /// The trimmed page, or nil when there is nothing to drop (or the page holds a NUL byte, which
    /// libxml2 treats specially).
    static func strip(_ bytes: UnsafeRawBufferPointer) -> [UInt8]? {
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), bytes.count > 16,
              memchr(base, 0, bytes.count) == nil else { return nil }
        var scanner = Scanner(bytes: UnsafeBufferPointer(start: base, count: bytes.count))
        scanner.run()
        guard !scanner.drops.isEmpty else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var copied = 0
        for drop in scanner.drops {
            output.append(contentsOf: UnsafeBufferPointer(rebasing: scanner.bytes[copied..<drop.lowerBound]))
            copied = drop.upperBound
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: scanner.bytes[copied...]))
        return output
    }

    /// Walks the markup far enough to find where raw text starts and ends.
    struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        private func at(_ index: Int) -> UInt8 { index < bytes.count ? bytes[index] : 0 }

        private static func isBlank(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 || byte == 10 || byte == 13 }
        private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 97 && (byte | 0x20) <= 122 }
        /// libxml2's `htmlParseHTMLName` characters.
        private static func isNameByte(_ byte: UInt8) -> Bool {
            isLetter(byte) || (byte >= 48 && byte <= 57) || byte == 58 || byte == 45 || byte == 95 || byte == 46
        }

        /// The byte ranges to drop, in order: raw text and attributes extraction never reads.
        var drops: [Range<Int>] = []

        mutating func run() {
            let count = bytes.count
            while position < count {
                guard let found = memchr(bytes.baseAddress! + position, 60, count - position) else { return }  // "<"
                let open = UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - bytes.baseAddress!
                if open >= preservedUntil { dropIndentation(before: open) }
                let next = at(open + 1)
                if next == 33, at(open + 2) == 45, at(open + 3) == 45 {  // "<!--": to the next "-->"
                    guard let close = find([45, 45, 62], from: open + 4) else { return }
                    // The scanner reads no comments: libxml2 need not step through them.
                    drops.append(open..<close + 3)
                    position = close + 3
                    continue
                }
                guard Self.isLetter(next) else {
                    position = open + 1
                    continue
                }
                var index = open + 1
                while index < count && Self.isNameByte(bytes[index]) { index += 1 }
                let name = (open + 1, index)
                let kind = rawKind(name)
                let keepsHref = index - open == 5 && matches("link", at: open + 1)
                guard let (end, selfClosing) = tagEnd(from: index, keepsHref: keepsHref) else { return }
                position = end
                if keepsSpaces(name) { preservedUntil = findClose(name, from: end) ?? count }
                guard !selfClosing, let kind, kind != .script || !mentionsJSON(from: index, to: end) else { continue }
                // Contents opening with "</" are read as markup by libxml2: leave them alone.
                if at(end) == 60 && at(end + 1) == 47 { continue }
                guard let close = findClose(kind, from: end) else { return }
                position = close
                if close > end { drops.append(end..<close) }
            }
        }

        /// Where white space matters again for libxml2's reader: the end of a `<pre>` (or `<textarea>`,
        /// `<listing>`, `<xmp>`, `<plaintext>`) element.
        var preservedUntil = 0

        /// Indentation between two tags ("&gt;\n        &lt;") down to its first byte: the scanner turns
        /// any run of white space outside `<pre>` into one space, and libxml2 reads every byte.
        private mutating func dropIndentation(before open: Int) {
            var start = open
            while start > position, Self.isBlank(bytes[start - 1]) { start -= 1 }
            guard open - start >= 2, start > 0, bytes[start - 1] == 62 else { return }  // after ">"
            drops.append(start + 1..<open)
        }

        private func keepsSpaces(_ name: (Int, Int)) -> Bool {
            switch name.1 - name.0 {
            case 3: return matches("pre", at: name.0) || matches("xmp", at: name.0)
            case 7: return matches("listing", at: name.0)
            case 8: return matches("textarea", at: name.0)
            case 9: return matches("plaintext", at: name.0)
            default: return false
            }
        }

        /// The offset of the first `</name` (any case) from `start`.
        private func findClose(_ name: (Int, Int), from start: Int) -> Int? {
            let length = name.1 - name.0
            var index = start
            while let open = find([60, 47], from: index) {
                if open + 2 + length <= bytes.count {
                    var same = true
                    for offset in 0..<length where bytes[open + 2 + offset] | 0x20 != bytes[name.0 + offset] | 0x20 {
                        same = false
                        break
                    }
                    if same { return open }
                }
                index = open + 2
            }
            return nil
        }

        private enum RawKind { case script, style }

        private func rawKind(_ name: (Int, Int)) -> RawKind? {
            let length = name.1 - name.0
            if length == 6 && matches("script", at: name.0) { return .script }
            if length == 5 && matches("style", at: name.0) { return .style }
            return nil
        }

        /// Whether the bytes at `index` spell `word` (ASCII, any case).
        private func matches(_ word: StaticString, at index: Int) -> Bool {
            let length = word.utf8CodeUnitCount
            guard index + length <= bytes.count else { return false }
            let letters = word.utf8Start
            for offset in 0..<length where bytes[index + offset] | 0x20 != letters[offset] { return false }
            return true
        }

        private func mentionsJSON(from start: Int, to end: Int) -> Bool {
            var index = start
            while index + 4 <= end {
                if bytes[index] | 0x20 == 106 && matches("json", at: index) { return true }
                index += 1
            }
            return false
        }

        /// The offset of the first `</script` or `</style` (any case) from `start`.
        private func findClose(_ kind: RawKind, from start: Int) -> Int? {
            var index = start
            while let open = find([60, 47], from: index) {
                if kind == .script ? matches("script", at: open + 2) : matches("style", at: open + 2) { return open }
                index = open + 2
            }
            return nil
        }

        /// The offset of the first `byte` at or after `start`.
        private func findByte(_ byte: UInt8, from start: Int) -> Int? {
            guard start < bytes.count, let found = memchr(bytes.baseAddress! + start, Int32(byte), bytes.count - start)
            else { return nil }
            return UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - bytes.baseAddress!
        }

        /// The offset of the first occurrence of `needle` at or after `start`.
        private func find(_ needle: [UInt8], from start: Int) -> Int? {
            let base = bytes.baseAddress!
            var index = start
            while index < bytes.count {
                guard let found = memchr(base + index, Int32(needle[0]), bytes.count - index) else { return nil }
                let offset = UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base
                guard offset + needle.count <= bytes.count else { return nil }
                var same = true
                for step in 1..<needle.count where bytes[offset + step] != needle[step] {
                    same = false
                    break
                }
                if same { return offset }
                index = offset + 1
            }
            return nil
        }

        /// After a start tag's name: the offset just past its end and whether it closed with "/>"
        /// (libxml2's `htmlParseStartTag`: names, `=`, quoted or bare values, other bytes skipped to
        /// a blank); nil when the page ends inside the tag. Attributes extraction never reads are
        /// added to `drops`, and so are the quoted values of `href` outside `<link>` (`keepsHref`).
        private mutating func tagEnd(from start: Int, keepsHref: Bool) -> (Int, Bool)? {
            let count = bytes.count
            var index = start
            func skipBlanks() { while index < count && Self.isBlank(bytes[index]) { index += 1 } }
            skipBlanks()
            while index < count && bytes[index] != 62 && !(bytes[index] == 47 && at(index + 1) == 62) {
                let byte = bytes[index]
                if Self.isLetter(byte) || byte == 95 || byte == 58 || byte == 46 {
                    let nameStart = index
                    while index < count && Self.isNameByte(bytes[index]) { index += 1 }
                    let nameEnd = index
                    var end = nameEnd
                    skipBlanks()
                    if at(index) == 61 {  // "="
                        index += 1
                        skipBlanks()
                        let quote = at(index)
                        if quote == 34 || quote == 39 {
                            guard let close = findByte(quote, from: index + 1) else { return nil }
                            // Only a <link>'s href is read, and a link to an author's page; elsewhere it
                            // just needs to be there.
                            if !keepsHref && close > index + 1 && nameEnd - nameStart == 4 && matches("href", at: nameStart)
                                && !mayLinkToAuthorPage(index + 1..<close) {
                                drops.append(index + 1..<close)
                            }
                            index = close + 1
                        } else {
                            while index < count && !Self.isBlank(bytes[index]) && bytes[index] != 62 { index += 1 }
                        }
                        end = index
                    }
                    if !Self.isRead(bytes, nameStart, nameEnd) { drops.append(nameStart..<end) }
                } else {
                    while index < count && !Self.isBlank(bytes[index]) && bytes[index] != 62
                            && !(bytes[index] == 47 && at(index + 1) == 62) { index += 1 }
                }
                skipBlanks()
            }
            guard index < count else { return nil }
            return bytes[index] == 62 ? (index + 1, false) : (index + 2, true)
        }

        /// Whether a link target has a path segment starting "/aut" ("/author/", "/autor/", "/auteur/"),
        /// which `ElementAttributes.linksToAuthorPage` reads.
        private func mayLinkToAuthorPage(_ range: Range<Int>) -> Bool {
            var index = range.lowerBound
            while index + 4 < range.upperBound {
                if bytes[index] == 47 && bytes[index + 1] | 32 == 97 && bytes[index + 2] | 32 == 117 && bytes[index + 3] | 32 == 116 {
                    return true
                }
                index += 1
            }
            return false
        }

        /// Whether `ElementAttributes` reads the attribute named by these bytes (any case): class,
        /// content, charset, id, itemprop, href, hidden, http-equiv, role, rel, name, property, type,
        /// lang, datetime, style, xml:lang.
        private static func isRead(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
            let length = end - start
            guard length >= 2 && length <= 10 else { return false }
            func spells(_ word: StaticString) -> Bool {
                guard word.utf8CodeUnitCount == length else { return false }
                let letters = word.utf8Start
                for offset in 0..<length where bytes[start + offset] | 0x20 != letters[offset] { return false }
                return true
            }
            switch bytes[start] | 0x20 {
            case 99: return spells("class") || spells("content") || spells("charset")  // c
            case 105: return spells("id") || spells("itemprop")  // i
            case 104: return spells("href") || spells("hidden") || spells("http-equiv")  // h
            case 114: return spells("role") || spells("rel")  // r
            case 110: return spells("name")  // n
            case 112: return spells("property")  // p
            case 116: return spells("type")  // t
            case 108: return spells("lang")  // l
            case 100: return spells("datetime")  // d
            case 115: return spells("style")  // s
            case 120: return spells("xml:lang")  // x
            default: return false
            }
        }
    }
}
