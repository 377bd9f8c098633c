/// Word lists for comparing statements: function words that carry no content, irregular verb
/// forms, a few general newswire synonyms folded to one form, and number words.
enum ComparisonLexicon {
    /// Function words, auxiliaries and reporting verbs: they do not make two statements alike.
    static let stopWords: Set<String> = Set("""
        a an the and or but nor so yet if then than that this these those there here which who whom whose \
        what when where why how whether while as at by for from in into of off on onto out over to under up \
        upon with within without about above across after against along among around before behind below \
        beneath beside besides between beyond during except inside near since through throughout toward \
        towards until via per i me my mine we us our ours you your yours he him his she her hers it its \
        they them their theirs myself yourself himself herself itself ourselves themselves one ones \
        is are was were be been being am do does did doing done have has had having will would shall \
        should can could may might must ought not no never also too very just only even still already \
        again ever much more most many some any all each every both either neither other another such own \
        so s t can't cannot lot lots really quite rather somewhat however meanwhile moreover \
        furthermore therefore thus though although because whereas yes ok well say said says saying \
        tell told tells state stated states stating add added adds note noted according reportedly \
        including include includes included like get got gets make made makes go goes went gone \
        now today yesterday tomorrow recently recent currently mr mrs ms dr
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))

    /// Irregular verb and noun forms, mapped to the form the stemmer gives their regular relatives.
    static let irregular: [String: String] = [
        "spoke": "speak", "spoken": "speak", "took": "take", "taken": "take", "gave": "give", "given": "give",
        "met": "meet", "held": "hold", "sent": "send", "won": "win", "wrote": "write", "written": "write",
        "began": "begin", "begun": "begin", "brought": "bring", "thought": "think", "knew": "know",
        "known": "know", "saw": "see", "seen": "see", "came": "come", "became": "become", "led": "lead",
        "paid": "pay", "kept": "keep", "fell": "fall", "fallen": "fall", "rose": "rise", "risen": "rise",
        "struck": "strike", "fought": "fight", "sought": "seek", "bought": "buy", "sold": "sell",
        "built": "build", "felt": "feel", "found": "find", "stood": "stand", "drew": "draw", "drawn": "draw",
        "shot": "shoot", "ran": "run", "chose": "choose", "chosen": "choose", "broke": "break",
        "broken": "break", "flew": "fly", "flown": "fly", "grew": "grow", "grown": "grow", "hid": "hide",
        "left": "leave", "lost": "lose", "meant": "mean", "heard": "hear", "forgot": "forget",
        "children": "child", "men": "man", "women": "woman", "dead": "die", "death": "die", "deaths": "die",
        "died": "die", "dying": "die", "killed": "kill", "killing": "kill", "kills": "kill",
    ]

    /// General news paraphrases folded to one stem ("victory" and "win", "talks" and "conversation"),
    /// written as plain words and stemmed when the table is built.
    static let synonyms: [String: String] = {
        let groups: [[String]] = [
            ["win", "victory", "triumph"],
            ["threat", "danger", "menace", "risk"],
            ["conversation", "discussion", "talks", "dialogue", "speak"],
            ["election", "vote", "poll"],
            ["attack", "assault", "raid", "strike"],
            ["meeting", "summit"],
            ["agreement", "deal", "accord", "pact"],
            ["ceasefire", "truce"],
            ["injured", "wounded", "hurt"],
            ["arrested", "detained"],
            ["resign", "quit"],
            ["reveal", "disclose", "announce"],
            ["stance", "position", "view"],
            ["shared", "mutual", "common"],
            ["emphasize", "stress", "underscore", "highlight", "emphasise"],
            ["support", "back", "endorse"],
            ["warn", "caution"],
            ["begin", "start", "launch"],
            ["end", "finish", "conclude"],
            ["buy", "purchase", "acquire"],
            ["rise", "increase", "climb", "grow"],
            ["fall", "drop", "decline", "decrease"],
        ]
        var table: [String: String] = [:]
        for group in groups {
            let canonical = PorterStemmer.stem(group[0])
            for word in group.dropFirst() { table[PorterStemmer.stem(word)] = canonical }
        }
        return table
    }()

    /// Cardinal number words and their values.
    static let numberWords: [String: Double] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
        "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
        "once": 1, "twice": 2, "thrice": 3,
    ]

    /// Words that multiply the number before them ("40 million", "two thousand").
    static let multipliers: [String: Double] = [
        "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
        "trillion": 1_000_000_000_000, "bn": 1_000_000_000, "m": 1_000_000,
    ]

    /// Words after a number that are not what it counts (units come after these).
    static let numberFillers: Set<String> = [
        "additional", "more", "other", "new", "separate", "different", "extra", "further", "of", "the",
        "percent", "per", "cent", "%", "us",
        "roughly", "about", "some", "nearly", "almost", "over", "than", "least", "at", "a", "an",
    ]

    /// Vague amounts: never in conflict with a precise figure.
    static let vagueAmounts: Set<String> = [
        "several", "multiple", "many", "few", "numerous", "dozens", "hundreds", "thousands", "millions",
        "billions", "scores", "countless", "various", "some",
    ]
}
