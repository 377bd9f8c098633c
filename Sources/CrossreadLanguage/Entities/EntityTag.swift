/// The tagger's BIO labels over the three learned types (person, organization, place).
enum EntityTag: Int, CaseIterable, Sendable {
    case outside = 0, beginPerson, insidePerson, beginOrganization, insideOrganization, beginPlace, insidePlace

    static let count = 7
    /// Rows of the weight table hold this many slots (one spare) so a row loads as one SIMD vector.
    static let stride = 8

    /// Parses "O", "B-PER", "I-ORG", "B-LOC"...; anything else (MISC, OTH, "B-O") is outside.
    init(iob2: String) {
        switch iob2 {
        case "B-PER": self = .beginPerson
        case "I-PER": self = .insidePerson
        case "B-ORG": self = .beginOrganization
        case "I-ORG": self = .insideOrganization
        case "B-LOC": self = .beginPlace
        case "I-LOC": self = .insidePlace
        default: self = .outside
        }
    }

    var isBegin: Bool { self == .beginPerson || self == .beginOrganization || self == .beginPlace }
    var isInside: Bool { self == .insidePerson || self == .insideOrganization || self == .insidePlace }

    /// The entity type of a B or I tag.
    var type: Int { (rawValue + 1) / 2 }  // 0 outside, 1 person, 2 organization, 3 place

    /// May this tag follow `previous`? An I tag continues only its own type.
    @inline(__always)
    func canFollow(_ previous: EntityTag) -> Bool {
        !isInside || (previous != .outside && previous.type == type)
    }
}
