/// English function words and reporting verbs that say nothing about which event an article covers,
/// as hashes of their lowercased bytes (the same hash `TextScanner` computes per token).
enum StopWords {
    static func contains(_ hash: UInt64) -> Bool { table.contains(hash) }

    private static let table: Set<UInt64> = Set(words.split(separator: " ").map { TextScanner.hash(lowercased: Array($0.utf8)) })

    private static let words = """
    a about above after again against ago all almost also although am among an and another any are around as at \
    be because been before being below between both but by can cannot could did do does doing done down during \
    each either else ever every few for from further get gets got had has have having he her here hers herself \
    him himself his how however i if in into is it its itself just last least less let like made make many may \
    me might more most much must my myself near need neither never new next no nor not now of off often on once \
    one only or other others our ours ourselves out over own per perhaps put quite rather really said same say \
    saying says see seen several she should since so some still such than that the their theirs them themselves \
    then there these they this those though through thus to told too toward towards under until up upon us use \
    used very via was we well were what whatever when where whether which while who whom whose why will with \
    within without would yet you your yours yourself yourselves according added asked reported reports reporting \
    mr mrs ms dr st told tell tells including went go going goes come came comes take took taken first second \
    three two four five six seven eight nine ten s t don didn doesn isn wasn won re ve ll d m am pm et \
    monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow week weeks day days \
    year years month months time times
    """
}
