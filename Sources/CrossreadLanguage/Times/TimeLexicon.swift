/// The English words time expressions are made of: months, weekdays, relative words, units,
/// and the words that mark future tense or a date context.
enum TimeLexicon {
    /// What a word can start: one look-up per word tells the scanner which patterns to try.
    struct Roles: OptionSet, Sendable {
        let rawValue: UInt8
        static let month = Roles(rawValue: 1)
        static let weekday = Roles(rawValue: 2)
        static let relativeDay = Roles(rawValue: 4)
        static let modifier = Roles(rawValue: 8)
        static let numberWord = Roles(rawValue: 16)
        static let article = Roles(rawValue: 32)
    }

    /// Every word that can start a time expression, with its roles.
    static let starters: FoldedWordTable<Roles> = {
        var roles: [String: Roles] = [:]
        func add(_ words: [String], _ role: Roles) { for w in words { roles[w, default: []].insert(role) } }
        add(["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
             "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
             "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec."], .month)
        add(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"], .weekday)
        add(["today", "tonight", "yesterday", "tomorrow"], .relativeDay)
        add(["last", "next", "this", "past", "coming", "previous"], .modifier)
        add(["a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
             "twelve", "fifteen", "twenty", "thirty"], .numberWord)
        add(["the"], .article)
        return FoldedWordTable(roles.map { ($0.key, $0.value) })
    }()

    /// Month number and whether the form is an abbreviation (which needs a day or year after it).
    static let months = FoldedWordTable<(month: Int, abbreviated: Bool)>(
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
         "november", "december"].enumerated().map { ($0.element, ($0.offset + 1, false)) }
        + [("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("jun", 6), ("jul", 7), ("aug", 8), ("sep", 9),
           ("sept", 9), ("oct", 10), ("nov", 11), ("dec", 12)].flatMap { [($0.0, ($0.1, true)), ($0.0 + ".", ($0.1, true))] }
    )

    /// ISO weekday, 1 = Monday.
    static let weekdays = FoldedWordTable<Int>(
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].enumerated()
            .map { ($0.element, $0.offset + 1) }
    )

    /// Words naming a day relative to the publication date, with its offset in days.
    static let relativeDays = FoldedWordTable<Int>([("today", 0), ("tonight", 0), ("yesterday", -1), ("tomorrow", 1)])

    enum Modifier: Sendable { case last, next, this, past, coming }

    static let modifiers = FoldedWordTable<Modifier>([
        ("last", .last), ("next", .next), ("this", .this), ("past", .past), ("coming", .coming), ("previous", .last),
    ])

    enum Unit: Sendable { case day, week, month, year, weekend }

    static let units = FoldedWordTable<Unit>([
        ("day", .day), ("days", .day), ("week", .week), ("weeks", .week), ("month", .month), ("months", .month),
        ("year", .year), ("years", .year), ("weekend", .weekend),
    ])

    /// Counting words before a unit ("two weeks ago", "a year ago").
    static let numberWords = FoldedWordTable<Int>([
        ("a", 1), ("an", 1), ("one", 1), ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6),
        ("seven", 7), ("eight", 8), ("nine", 9), ("ten", 10), ("eleven", 11), ("twelve", 12), ("fifteen", 15),
        ("twenty", 20), ("thirty", 30),
    ])

    /// Parts of a day after "this" ("this morning") or "last" ("last night").
    static let dayParts = FoldedWordTable(["morning", "afternoon", "evening", "night"], value: true)

    /// Words before a bare month or a year that make it a date ("in July", "since 2011", "the 1948 war").
    static let dateContext = FoldedWordTable([
        "in", "since", "until", "till", "by", "from", "through", "throughout", "during", "early", "late", "mid",
        "of", "before", "after", "between", "around", "circa", "until", "last", "next", "this", "the", "to",
        "and", "or", "each", "every", "spring", "summer", "fall", "autumn", "winter", "as", "year", "fiscal",
    ], value: true)

    /// Words that put a clause in the future ("will", "expects", "upcoming").
    static let futureMarkers = FoldedWordTable([
        "will", "won’t", "won't", "shall", "should", "expects", "expected", "expecting", "plans", "planning", "scheduled",
        "upcoming", "forthcoming", "slated", "intends", "aims", "would", "next",
        "he’ll", "she’ll", "they’ll", "we’ll", "it’ll", "he'll", "she'll", "they'll", "we'll", "it'll",
    ], value: true)

    /// Determiners and possessives: a marker after one is a noun ("its plans", "the expected").
    static let determiners = FoldedWordTable(["a", "an", "the", "its", "his", "her", "their", "our", "my", "your", "this", "that"], value: true)

    /// Irregular past-tense verbs that date a clause in the past.
    static let pastVerbs = FoldedWordTable([
        "was", "were", "had", "did", "met", "went", "came", "took", "made", "gave", "saw", "fell", "rose", "began",
        "won", "lost", "held", "left", "spoke", "sent", "led", "knew", "got", "became", "brought", "thought",
        "found", "felt", "kept", "ran", "stood", "struck", "fought", "broke", "chose", "drove", "grew", "sold",
        "paid", "built", "spent", "caught", "flew", "ate", "drew", "hung", "shot", "sought", "swore", "threw",
        "ago", "earlier", "previously",
    ], value: true)

    /// Reporting verbs: their tense says when something was said, not when it happens.
    static let reportingVerbs = FoldedWordTable([
        "said", "told", "stated", "added", "noted", "explained", "announced", "reported", "wrote", "posted",
        "tweeted", "claimed", "argued", "insisted", "warned", "confirmed", "declared", "asserted", "stressed",
        "emphasized", "signaled", "signalled", "indicated", "suggested", "predicted", "promised", "pledged",
        "vowed", "revealed", "expected", "scheduled", "planned", "proposed", "urged", "asked", "called",
    ], value: true)
}
