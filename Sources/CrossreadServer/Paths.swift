import Foundation

/// Links between pages, and the validation of ids that arrive in paths: document ids are hex, entity
/// ids are `type:slug`, story ids `story-` and hex. Nothing from a path is used for anything but a
/// look-up in the library.
enum Paths {
    static func document(_ id: String) -> String { "/documents/\(id)" }
    static func entity(_ id: String) -> String { "/entities/\(escapeSegment(id))" }
    static func story(_ id: String) -> String { "/stories/\(escapeSegment(id))" }
    static func topic(_ id: String) -> String { "/topics/\(escapeSegment(id))" }
    static func search(_ fields: FormFields) -> String {
        let query = fields.queryString
        return query.isEmpty ? "/search" : "/search?" + query
    }

    /// A document id or an unambiguous prefix: 4 to 64 hex digits, lower-cased.
    static func documentID(_ raw: String) -> String? {
        let id = raw.lowercased()
        guard (4...64).contains(id.utf8.count),
              id.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else { return nil }
        return id
    }

    /// An entity id: a known type, a colon, and letters, digits and hyphens (at most 200 bytes).
    static func entityID(_ raw: String) -> String? {
        let id = raw.removingPercentEncoding ?? raw
        guard id.utf8.count <= 200, let colon = id.firstIndex(of: ":") else { return nil }
        let type = id[..<colon], slug = id[id.index(after: colon)...]
        guard !type.isEmpty, type.utf8.allSatisfy({ (0x61...0x7A).contains($0) }), !slug.isEmpty,
              slug.unicodeScalars.allSatisfy({ $0 == "-" || $0.properties.isAlphabetic || ("0"..."9").contains($0) })
        else { return nil }
        return id
    }

    /// A story or topic id: a lower-case word, a hyphen, and letters, digits and hyphens.
    static func storyID(_ raw: String) -> String? {
        guard (3...100).contains(raw.utf8.count),
              raw.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x7A).contains($0) || $0 == UInt8(ascii: "-") })
        else { return nil }
        return raw
    }

    /// A path segment with everything but unreserved characters and `:` percent-escaped.
    static func escapeSegment(_ segment: String) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
        allowed.insert(charactersIn: "-._~:")
        return segment.addingPercentEncoding(withAllowedCharacters: allowed) ?? segment
    }
}
