/// Word lists for judging whether a sentence asserts something checkable: numbers in words,
/// comparisons, hedges and opinion words, reader-facing boilerplate, and past-tense event verbs.
enum ClaimLexicon {
    static let numberWords = FoldedWordTable([
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty",
        "thirty", "forty", "fifty", "hundred", "hundreds", "thousand", "thousands", "million", "millions",
        "billion", "billions", "trillion", "dozen", "dozens", "half", "twice", "thrice", "triple", "double",
        "percent", "per", "majority", "minority",
    ], value: true)

    /// Words before a number word that make it a reference, not a figure ("the two leaders").
    static let definite = FoldedWordTable(["the", "these", "those", "both", "its", "their", "his", "her"], value: true)

    static let comparisons = FoldedWordTable([
        "than", "more", "less", "fewer", "most", "least", "largest", "biggest", "smallest", "highest", "lowest",
        "record", "compared", "increase", "increased", "decrease", "decreased", "rose", "fell", "doubled",
        "tripled", "halved", "surged", "plunged", "dropped", "grew", "shrank", "outnumbered", "exceeded",
        "worst", "best", "first",
    ], value: true)

    /// Words that make a sentence an opinion, a guess or a prediction rather than a fact.
    static let hedges = FoldedWordTable([
        "should", "must", "may", "might", "could", "perhaps", "possibly", "likely", "unlikely", "undoubtedly",
        "arguably", "believe", "believes", "think", "thinks", "feel", "feels", "hope", "hopes", "seem", "seems",
        "appear", "appears", "potentially", "probably", "suggest", "suggests", "reminder", "significant",
        "complex", "crucial", "vital", "essential", "importance", "pivotal", "unique", "profound", "multifaceted",
        "intricate", "evident", "undeniably", "clearly", "obviously", "notably", "ultimately", "overall",
        "would", "can", "cannot",
    ], value: true)

    /// Reader-facing boilerplate: appeals, subscriptions, captions and credits.
    static let boilerplate = FoldedWordTable([
        "subscribe", "subscription", "subscribers", "newsletter", "donate", "donation", "paywall", "click",
        "sign", "cookies", "advertisement", "sponsored", "copyright", "reserved", "getty", "photo", "photograph",
        "images", "invision", "shutterstock", "appreciated", "gift", "support", "trust", "rely", "follow",
        "share", "comment", "comments", "email", "download", "app", "podcast", "author", "editing", "reporting",
    ], value: true)

    /// Words that address the reader or speak for the writer.
    static let readerWords = FoldedWordTable(["you", "your", "i", "we", "our", "us", "i’d", "i'd", "we’re", "we're"], value: true)

    static let pastVerbs = FoldedWordTable([
        "was", "were", "had", "did", "met", "went", "came", "took", "made", "gave", "saw", "fell", "rose", "began",
        "won", "lost", "held", "left", "spoke", "sent", "led", "got", "became", "brought", "found", "kept", "ran",
        "struck", "fought", "broke", "sold", "paid", "built", "spent", "flew", "drew", "shot", "threw", "said",
        "told", "wrote", "will", "is", "are", "has", "have",
    ], value: true)
}
