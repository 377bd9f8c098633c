import CLibXML2

/// The attributes of one element that extraction reads, as pointers into libxml2's parse event
/// (valid until the event returns); strings are made only for the few that are used.
struct ElementAttributes {
    var classValue: UnsafePointer<UInt8>?
    var idValue: UnsafePointer<UInt8>?
    var roleValue: UnsafePointer<UInt8>?
    private var hrefValue: UnsafePointer<UInt8>?
    private var contentValue: UnsafePointer<UInt8>?
    private var nameValue: UnsafePointer<UInt8>?
    private var propertyValue: UnsafePointer<UInt8>?
    private var itempropValue: UnsafePointer<UInt8>?
    private var httpEquivValue: UnsafePointer<UInt8>?
    private var charsetValue: UnsafePointer<UInt8>?
    private var relValue: UnsafePointer<UInt8>?
    private var typeValue: UnsafePointer<UInt8>?
    private var langValue: UnsafePointer<UInt8>?
    private var datetimeValue: UnsafePointer<UInt8>?
    private var styleValue: UnsafePointer<UInt8>?
    private var hiddenPresent = false

    var href: String? { string(hrefValue) }
    var content: String? { string(contentValue) }
    var name: String? { string(nameValue) }
    var property: String? { string(propertyValue) }
    var itemprop: String? { string(itempropValue) }
    var httpEquiv: String? { string(httpEquivValue) }
    var charset: String? { string(charsetValue) }
    var rel: String? { string(relValue) }
    var type: String? { string(typeValue) }
    var lang: String? { string(langValue) }
    var datetime: String? { string(datetimeValue) }

    /// `hidden`, or an inline style with `display:none` or `visibility:hidden`.
    var isHidden: Bool {
        if hiddenPresent { return true }
        guard let style = styleValue else { return false }
        var compact: [UInt8] = []
        var index = 0
        while style[index] != 0 && index < 300 {
            var byte = style[index]
            if byte >= 65 && byte <= 90 { byte += 32 }
            if byte != 32 && byte != 9 && byte != 10 && byte != 13 { compact.append(byte) }
            index += 1
        }
        return contains(compact, "display:none") || contains(compact, "visibility:hidden")
    }

    /// Whether the element has a `datetime` attribute (no string is made).
    var hasDatetime: Bool { datetimeValue != nil }

    /// Whether the element has an `href` at all (no string is made).
    var hasHref: Bool { hrefValue != nil }

    /// Whether `href` leads to an author's page: a path segment "author", "authors", "autor",
    /// "autoren" or "auteur" followed by a further segment ("/author/jane-doe").
    var linksToAuthorPage: Bool {
        guard let href = hrefValue else { return false }
        var index = 0
        while href[index] != 0 && index < 600 {
            guard href[index] == 47 else { index += 1; continue }  // "/"
            var end = index + 1
            while href[end] != 0 && href[end] != 47 && href[end] != 63 && href[end] != 35 && end - index <= 9 { end += 1 }
            if href[end] == 47, Self.isAuthorSegment(href + index + 1, count: end - index - 1) {
                let next = href[end + 1]
                if (next >= 48 && next <= 57) || (next | 32 >= 97 && next | 32 <= 122) || next >= 128 { return true }
            }
            index = end
        }
        return false
    }

    private static let authorSegments: [StaticString] = ["author", "authors", "autor", "autoren", "auteur", "auteurs"]

    private static func isAuthorSegment(_ bytes: UnsafePointer<UInt8>, count: Int) -> Bool {
        segments: for segment in authorSegments where segment.utf8CodeUnitCount == count {
            let literal = segment.utf8Start
            for index in 0..<count where bytes[index] | 32 != literal[index] { continue segments }
            return true
        }
        return false
    }

    /// Reads a parse event's attribute list: name, value, name, value, ..., nil (a value may be nil).
    mutating func read(_ list: UnsafeMutablePointer<UnsafePointer<UInt8>?>?) {
        guard let list else { return }
        var position = 0
        while position < 128, let name = list[position] {
            let value = list[position + 1]
            position += 2
            switch name[0] {
            case 99:  // c
                if equals(name, "class") { classValue = value }
                else if equals(name, "content") { contentValue = value }
                else if equals(name, "charset") { charsetValue = value }
            case 105:  // i
                if equals(name, "id") { idValue = value }
                else if equals(name, "itemprop") { itempropValue = value }
            case 104:  // h
                if equals(name, "href") { hrefValue = value }
                else if equals(name, "hidden") { hiddenPresent = true }
                else if equals(name, "http-equiv") { httpEquivValue = value }
            case 114:  // r
                if equals(name, "role") { roleValue = value }
                else if equals(name, "rel") { relValue = value }
            case 110:  // n
                if equals(name, "name") { nameValue = value }
            case 112:  // p
                if equals(name, "property") { propertyValue = value }
            case 116:  // t
                if equals(name, "type") { typeValue = value }
            case 108:  // l
                if equals(name, "lang") { langValue = value }
            case 100:  // d
                if equals(name, "datetime") { datetimeValue = value }
            case 115:  // s
                if equals(name, "style") { styleValue = value }
            case 120:  // x
                if equals(name, "xml:lang") && langValue == nil { langValue = value }
            default:
                break
            }
        }
    }

    private func string(_ value: UnsafePointer<UInt8>?) -> String? {
        guard let value else { return nil }
        return String(cString: value)
    }

    private func equals(_ name: UnsafePointer<UInt8>, _ literal: StaticString) -> Bool {
        let bytes = literal.utf8Start
        let count = literal.utf8CodeUnitCount
        for index in 0..<count where name[index] != bytes[index] { return false }
        return name[count] == 0
    }

    private func contains(_ haystack: [UInt8], _ needle: StaticString) -> Bool {
        let count = needle.utf8CodeUnitCount
        guard haystack.count >= count else { return false }
        let bytes = needle.utf8Start
        outer: for start in 0...(haystack.count - count) {
            for index in 0..<count where haystack[start + index] != bytes[index] { continue outer }
            return true
        }
        return false
    }
}
