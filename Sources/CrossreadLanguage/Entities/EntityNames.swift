import CrossreadCore
import Foundation

/// Entity ids and name normalization: "person:benjamin-netanyahu" from a type and a name.
public enum EntityNames {
    /// The id of an entity: its type, a colon, and the slug of its name.
    public static func id(type: EntityType, name: String) -> String { "\(type.rawValue):\(slug(name))" }

    /// Lower case, accents folded, runs of other characters as one hyphen ("Qassem Soleimani" ->
    /// "qassem-soleimani", "U.S." -> "u-s").
    public static func slug(_ name: String) -> String {
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
}
