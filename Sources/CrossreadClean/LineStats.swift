import CrossreadCore

/// Shallow measurements of one line, taken in a single pass over its bytes.
struct LineStats: Sendable {
    var chars = 0
    var words = 0
    /// Stop words of the document's language(s) and of any known language.
    var stopWords = 0
    var anyStopWords = 0
    /// Words that start with a capital letter, and words of two or more letters all in capitals.
    var capitalized = 0
    var allCaps = 0
    var digits = 0
    var letters = 0
    var numbers = 0
    var commas = 0
    var sentenceEnds = 0
    /// The last visible character closes a sentence (. ! ? … possibly followed by a quote or bracket).
    var endsSentence = false
    var endsColon = false
    /// The character that ends the line once closing quotes and brackets are skipped (ASCII only).
    var finalMark: UInt8 = 0
    /// The first word starts with a lowercase letter.
    var lowerStart = false
    /// Separators typical of menus and bylines: | · • » › and " / ".
    var separators = 0
    /// Slashes of any kind ("/", "A/B", " / ").
    var slashes = 0
    var urlLike = false
    /// A date (11.11.2024, 2024-11-11, a month name with a day or year) or a time of day (12:13).
    var hasDate = false
    var hasTime = false
    var hasYear = false
    var monthNames = 0
    /// Link and call-to-action words: share, login, subscribe, newsletter, facebook...
    var actionWords = 0
    /// A verb that introduces a comment: said, says, wrote, sagt, schreibt, meint, dit, dice...
    var commentVerb = false
    /// Opening "(" and "©" shapes used by photo credits.
    var hasCopyrightSign = false
    var parenthesisAtEnd = false
    var slashInFinalParenthesis = false
    /// A credit word ("Foto", "Photo", an agency) after the last "(".
    var creditInFinalParenthesis = false
    /// The line starts with a credit word followed by ":" or "/" ("Foto: ...", "APA/...").
    var creditAtStart = false
    /// A credit word followed by ":" among the last six words ("... Bild: Name Surname").
    var creditAtEnd = false
    /// Hash of the lowercased words in order: equal for lines that repeat (case and punctuation aside).
    var wordsHash: UInt64 = 0
    /// What the chrome lexicon recognized, if anything.
    var lexicon: ChromeLexicon.Match? = nil
    /// Longest word, in bytes.
    var longestWord = 0

    var stopRatio: Double { words == 0 ? 0 : Double(stopWords) / Double(words) }
    var anyStopRatio: Double { words == 0 ? 0 : Double(anyStopWords) / Double(words) }
    var capitalizedRatio: Double { words == 0 ? 0 : Double(capitalized) / Double(words) }
}
