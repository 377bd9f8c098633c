/// Word lists for judging whether a sentence asserts something checkable: numbers in words,
/// comparisons, hedges and opinion words, reader-facing boilerplate, and past-tense event verbs.
enum ClaimLexicon {
    /// What a word says about a sentence, all lists in one look-up.
    struct Flags: OptionSet, Sendable {
        let rawValue: UInt8
        static let number = Flags(rawValue: 1)
        static let comparison = Flags(rawValue: 2)
        static let hedge = Flags(rawValue: 4)
        static let boilerplate = Flags(rawValue: 8)
        static let reader = Flags(rawValue: 16)
        static let pastVerb = Flags(rawValue: 32)
        static let definite = Flags(rawValue: 64)
    }

    static let flags: FoldedWordTable<Flags> = {
        var all: [String: Flags] = [:]
        func add(_ words: [String], _ flag: Flags) { for w in words { all[w, default: []].insert(flag) } }
        add(numberWordList, .number)
        add(comparisonList, .comparison)
        add(hedgeList, .hedge)
        add(boilerplateList, .boilerplate)
        add(readerList, .reader)
        add(pastVerbList, .pastVerb)
        add(definiteList, .definite)
        return FoldedWordTable(all.map { ($0.key, $0.value) })
    }()

    static let numberWordList: [String] = [
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty",
        "thirty", "forty", "fifty", "hundred", "hundreds", "thousand", "thousands", "million", "millions",
        "billion", "billions", "trillion", "dozen", "dozens", "half", "twice", "thrice", "triple", "double",
        "percent", "per", "majority", "minority",
    ]

    /// Words before a number word that make it a reference, not a figure ("the two leaders").
    static let definiteList: [String] = ["the", "these", "those", "both", "its", "their", "his", "her"]

    static let comparisonList: [String] = [
        "than", "more", "less", "fewer", "most", "least", "largest", "biggest", "smallest", "highest", "lowest",
        "record", "compared", "increase", "increased", "decrease", "decreased", "rose", "fell", "doubled",
        "tripled", "halved", "surged", "plunged", "dropped", "grew", "shrank", "outnumbered", "exceeded",
        "worst", "best", "first",
    ]

    /// Words that make a sentence an opinion, a guess or a prediction rather than a fact.
    static let hedgeList: [String] = [
        "should", "must", "may", "might", "could", "perhaps", "possibly", "likely", "unlikely", "undoubtedly",
        "arguably", "believe", "believes", "think", "thinks", "feel", "feels", "hope", "hopes", "seem", "seems",
        "appear", "appears", "potentially", "probably", "suggest", "suggests", "reminder", "significant",
        "complex", "crucial", "vital", "essential", "importance", "pivotal", "unique", "profound", "multifaceted",
        "intricate", "evident", "undeniably", "clearly", "obviously", "notably", "ultimately", "overall",
        "would", "can", "cannot",
    ]

    /// Reader-facing boilerplate: appeals, subscriptions, captions and credits.
    static let boilerplateList: [String] = [
        "subscribe", "subscription", "subscribers", "newsletter", "donate", "donation", "paywall", "click",
        "sign", "cookies", "advertisement", "sponsored", "copyright", "reserved", "getty", "photo", "photograph",
        "images", "invision", "shutterstock", "appreciated", "gift", "support", "trust", "rely", "follow",
        "share", "comment", "comments", "email", "download", "app", "podcast", "author", "editing", "reporting",
    ]

    /// Words that address the reader or speak for the writer.
    static let readerList: [String] = ["you", "your", "i", "we", "our", "us", "i’d", "i'd", "we’re", "we're"]

    static let pastVerbList: [String] = [
        "was", "were", "had", "did", "met", "went", "came", "took", "made", "gave", "saw", "fell", "rose", "began",
        "won", "lost", "held", "left", "spoke", "sent", "led", "got", "became", "brought", "found", "kept", "ran",
        "struck", "fought", "broke", "sold", "paid", "built", "spent", "flew", "drew", "shot", "threw", "said",
        "told", "wrote", "will", "is", "are", "has", "have",
    ]
}
