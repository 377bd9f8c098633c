import CrossreadCore
import Foundation

/// Entity ids and name normalization: "person:benjamin-netanyahu" from a type and a name.
public enum EntityNames {
    /// The id of an entity: its type, a colon, and the slug of its name.
    public static func id(type: EntityType, name: String) -> String { "\(type.rawValue):\(slug(name))" }

    /// Lower case, accents folded, runs of other characters as one hyphen ("Qassem Soleimani" ->
    /// "qassem-soleimani", "U.S." -> "u-s").
    public static func slug(_ name: String) -> String {
        if name.utf8.allSatisfy({ $0 < 0x80 }) { return asciiSlug(name) }
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        var result = ""
        var pendingHyphen = false
        for scalar in folded.unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingHyphen, !result.isEmpty { result.append("-") }
                pendingHyphen = false
                result.unicodeScalars.append(scalar)
            } else if scalar == "’" || scalar == "'" {
                continue  // "O’Brien" -> "obrien"
            } else {
                pendingHyphen = true
            }
        }
        return result.isEmpty ? "unnamed" : result
    }

    /// The slug of an ASCII name, without Foundation.
    static func asciiSlug(_ name: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(name.utf8.count)
        var pendingHyphen = false
        for b in name.utf8 {
            if b.isASCIILetter || b.isASCIIDigit {
                if pendingHyphen, !bytes.isEmpty { bytes.append(UInt8(ascii: "-")) }
                pendingHyphen = false
                bytes.append(b.asciiLowercased)
            } else if b != UInt8(ascii: "'") {
                pendingHyphen = true
            }
        }
        return bytes.isEmpty ? "unnamed" : String(decoding: bytes, as: UTF8.self)
    }
}
