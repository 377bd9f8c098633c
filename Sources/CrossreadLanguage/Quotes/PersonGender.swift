import CrossreadCore

/// The grammatical gender a pronoun ("he", "she") needs of its antecedent, guessed from a
/// person's first name or titles. Unknown is compatible with both.
enum PersonGender: Sendable, Equatable {
    case male, female, unknown

    func isCompatible(with other: PersonGender) -> Bool {
        self == .unknown || other == .unknown || self == other
    }

    /// From the entity's name (first given name), its aliases and its roles.
    static func of(_ entity: Entity) -> PersonGender {
        for role in entity.roles {
            let gender = ofRole(role)
            if gender != .unknown { return gender }
        }
        for name in [entity.name] + entity.aliases {
            guard let first = name.split(separator: " ").first else { continue }
            var key = Array(first.utf8)
            if key.last == UInt8(ascii: ".") { key.removeLast() }
            if let gender = firstNames.value(key, 0..<key.count) { return gender }
        }
        return .unknown
    }

    /// "Mrs.", "Queen", "spokeswoman" are female; "Mr.", "King", "spokesman" male.
    static func ofRole(_ role: String) -> PersonGender {
        let lower = role.lowercased()
        for word in lower.split(whereSeparator: { !$0.isLetter }) {
            switch word {
            case "mrs", "ms", "miss", "madam", "madame", "queen", "princess", "lady", "dame", "spokeswoman",
                 "congresswoman", "chairwoman", "businesswoman", "duchess", "empress", "sister", "mother":
                return .female
            case "mr", "sir", "king", "prince", "lord", "spokesman", "congressman", "chairman", "businessman",
                 "duke", "emperor", "brother", "father", "sheikh", "emir", "sultan", "pope", "ayatollah":
                return .male
            default: continue
            }
        }
        return .unknown
    }

    static let firstNames: FoldedWordTable<PersonGender> = {
        let male = """
            aaron abdul abdullah abraham adam adrian ahmed ahmad alan albert alejandro alex alexander alexei ali \
            andrew andrei andres angelo anthony antonio antony avi ayman barack ben benjamin benny bernie bibi bill \
            bob boris brad brian bruce carl carlos charles chris christopher chuck cory craig dan daniel dave david \
            dennis dick donald doug douglas dmitry ed eddie edward elon emmanuel eric erik evan ezra felix fernando \
            francis francisco frank fred frederick gary george gideon gilad greg gregory guy hakeem hamad hassan \
            henry hugo ian isaac itamar ivan jack jacob jake james jamie jared javier jay jeff jeffrey jerome jim \
            jimmy joe joel john johnny jon jonathan jorge jose joseph josh joshua juan justin keir keith ken kevin \
            khalid kim kyle larry lee leo liam lindsey lloyd luis mahmoud marco mark martin matt matthew michael \
            miguel mike mitch mohammed mohammad mohamed muhammad moshe naftali nathan nick nicolas \
            olaf oliver omar oscar pablo patrick paul pedro pete peter philip rafael ralph ramzi randy raphael ray \
            recep richard rick ritchie rob robert roger ron ronald ross ryan saeed salman sam samuel scott sean \
            sergei sergey simon stephen steve steven ted thomas tim timothy tom tony tucker viktor vince vincent \
            vladimir volodymyr walter wayne william xi yair yasser yitzhak yoav yossi youssef yuri zach
            """
        let female = """
            abigail alexandria alice alicia amanda amy ana angela angelina ann anna anne annie barbara betsy \
            beth bonnie brenda caroline catherine cathy charlotte cheryl christina christine claire claudia \
            cynthia dana danielle deborah debbie denise diana diane donna dorothy elena elise elizabeth ellen \
            emily emma erin eva evelyn fiona frances giorgia gillian golda gretchen hailee hannah heather helen \
            hillary ilhan ivanka jacinda jane janet janice jean jennifer jessica jill joan joanna jodi julia julie \
            kamala karen karine kate katherine kathleen kathy katie kelly kimberly kristi kristen laura lauren \
            linda lisa liz lori louise lucy lynn margaret maria marie marjorie marine martha mary megan melania \
            melissa michelle miriam monica nancy natalie nicole nikki olivia pam pamela patricia paula rachel \
            rebecca rosa rose ruth sandra sara sarah sharon sheila shirley stephanie susan suzanne tamar tammy \
            teresa theresa tulsi ursula valerie victoria virginia wendy yael yulia zoe
            """
        var entries: [(String, PersonGender)] = []
        for name in male.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            entries.append((String(name), .male))
        }
        for name in female.split(whereSeparator: { $0 == " " || $0 == "\n" }) { entries.append((String(name), .female)) }
        return FoldedWordTable(entries)
    }()
}
