/// Words that take a period without ending a sentence ("Mr.", "Gov.", "Oct.", "Inc."), keyed by
/// their bytes packed into an integer so the tokenizer looks them up without allocating.
enum Abbreviations {
    /// Titles: a name follows, so they never end a sentence.
    static let titles: Set<UInt64> = pack([
        "Mr", "Mrs", "Ms", "Messrs", "Dr", "Drs", "Rep", "Reps", "Sen", "Sens", "Gov", "Govs", "Gen", "Lt", "Col",
        "Maj", "Capt", "Cpt", "Cmdr", "Cdr", "Adm", "Sgt", "Cpl", "Pvt", "Prof", "Rev", "Revs", "Hon", "Pres", "Supt",
        "Atty", "Insp", "Fr", "Sr", "Sra", "Srta", "Mme", "Mlle", "Msgr", "Amb", "Sec", "Secy", "Gens", "Brig", "Det",
        "Ald", "St", "Ste", "Mt", "Ft", "Pt", "Lieut", "Comdr", "Dep", "Del", "Treas", "Cllr",
    ])
    /// Abbreviations that may end a sentence as well ("Inc.", "Jr.", "Oct.", "Calif.").
    static let others: Set<UInt64> = pack([
        "Inc", "Corp", "Co", "Cos", "Ltd", "Bros", "Jr", "Esq", "Plc", "Pty", "Assn", "Dept", "Univ", "Inst",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun",
        "Ave", "Blvd", "Rd", "Hwy", "Ln", "Sq", "Pl", "Ct", "Cir",
        "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Fla", "Ga", "Ill", "Ind", "Kan", "Kans", "Ky", "La",
        "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Penn", "Tenn",
        "Tex", "Va", "Vt", "Wash", "Wis", "Wisc", "Wyo", "Ont", "Que", "Alta",
        "vs", "etc", "approx", "est", "al", "ca", "cf", "viz", "fig", "Fig", "vol", "Vol", "pp", "ed", "eds",
        "Ed", "Gov't", "Intl", "Natl", "Dist", "Div", "Mfg", "Mgr", "Dir", "Exec", "Admin",
    ])
    /// "No." and "Nos." count as abbreviations only before a number ("No. 10").
    static let beforeNumbers: Set<UInt64> = pack(["No", "Nos", "no", "nos", "Art", "art", "Nr", "nr", "Pp", "p"])

    static func pack(_ words: [String]) -> Set<UInt64> {
        Set(words.compactMap { word in
            let bytes = Array(word.utf8)
            guard bytes.count <= 8 else { return nil }
            return bytes.withUnsafeBufferPointer { key($0, 0, $0.count) }
        })
    }

    /// The bytes of `start..<end` packed into an integer (at most 8 bytes; longer words return 0).
    @inline(__always)
    static func key(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
        guard end - start <= 8, end > start else { return 0 }
        var value: UInt64 = 0
        for i in start..<end { value = value << 8 | UInt64(bytes[i]) }
        return value | UInt64(end - start) << 60
    }
}
