import CrossreadCore

/// Short blocks whose words alone mark them as boilerplate: "Advertisement", "Share this article",
/// "5 min read", "By Jane Doe", a lone date. Only whole short blocks are matched, never body text.
enum BoilerplatePhrases {
    static func kind(of text: String, chars: Int) -> BlockKind? {
        let key = normalized(text)
        if key.isEmpty { return .chrome }
        if let kind = exact[key] { return kind }
        if chars <= 80, isByline(key) { return .byline }
        if chars <= 40, isReadingTime(key) { return .readingTime }
        if chars <= 120, text.hasPrefix("©") { return .legal }
        if chars <= 60, let match = prefixes.first(where: { key.hasPrefix($0.0) }) {
            // "Published ..." and "Updated ..." only with a number in them, never a sentence.
            if match.1 != .dateline || key.contains(where: \.isNumber) { return match.1 }
        }
        if chars <= 60, isDateline(text, key: key) { return .dateline }
        return nil
    }

    /// A heading or short line that opens the page's tail: related stories, comments, sharing.
    /// Everything after it is no longer the article.
    static func opensTail(_ text: String, chars: Int) -> Bool {
        guard chars <= 60 else { return false }
        let key = normalized(text)
        return tailOpeners.contains(key) || spacedTailOpeners.contains { key.hasPrefix($0) }
    }

    private static let spacedTailOpeners = tailOpeners.map { $0 + " " }

    private static let tailOpeners: [String] = [
        "related", "related articles", "related stories", "related posts", "related content", "read more",
        "more from", "more stories", "more on this", "you may also like", "you might also like", "also read",
        "recommended", "recommended for you", "most popular", "most read", "trending", "comments", "leave a reply",
        "leave a comment", "join the discussion", "share this", "share this article", "about the author",
        "schon gelesen", "mehr zum thema", "lesen sie auch", "das könnte sie auch interessieren", "weitere artikel",
        "ähnliche artikel", "empfehlungen aus der redaktion", "auch interessant", "kommentare", "kommentar schreiben",
        "war der artikel nützlich", "möchten sie den artikel teilen", "artikel teilen", "diesen artikel teilen",
        "zum thema", "weitere meldungen", "das könnte dich auch interessieren", "passend dazu",
        "contenido relacionado", "te puede interesar", "noticias relacionadas", "lee también", "comentarios",
        "à lire aussi", "lire aussi", "sur le même sujet", "commentaires", "articles similaires",
        "weitere informationen", "weitere themen", "mehr themen", "mehr zum thema", "kontakt", "ansprechpartner",
        "ansprechpartnerin", "quellen", "quellenangaben", "contexto de la noticia", "more information",
        "further reading", "see also", "sources", "tags", "schlagworte", "themen", "zobacz także", "czytaj także", "czytaj też", "polecamy", "komentarze", "leggi anche", "articoli correlati",
    ]

    /// Lowercased, with punctuation at the ends and runs of spaces removed.
    static func normalized(_ text: String) -> String {
        if let ascii = normalizedASCII(text) { return ascii }
        let lower = text.lowercased()
        let trimmed = lower.unicodeScalars.drop { !$0.isLetterOrDigit }
        var scalars = String.UnicodeScalarView(trimmed)
        while let last = scalars.last, !last.isLetterOrDigit { scalars.removeLast() }
        return String(scalars)
    }

    /// The same for ASCII text, on bytes; nil when the text has other characters.
    private static func normalizedASCII(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            func isAlphanumeric(_ byte: UInt8) -> Bool {
                (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
            }
            var start = 0, end = bytes.count
            for byte in bytes where byte >= 128 { return nil }
            while start < end && !isAlphanumeric(bytes[start]) { start += 1 }
            while end > start && !isAlphanumeric(bytes[end - 1]) { end -= 1 }
            return String(unsafeUninitializedCapacity: end - start) { buffer in
                for index in start..<end {
                    let byte = bytes[index]
                    buffer[index - start] = byte >= 65 && byte <= 90 ? byte + 32 : byte
                }
                return end - start
            }
        }
    }

    /// "By Jane Doe", "Von Max Muster", "Written by ...", without a sentence after it.
    static func isByline(_ key: String) -> Bool {
        for prefix in bylinePrefixes where key.hasPrefix(prefix) {
            let rest = key.dropFirst(prefix.count)
            let words = rest.split(separator: " ")
            return !words.isEmpty && words.count <= 12
        }
        return false
    }

    /// A byline's label alone, the name following in its own block: "Written by", "Author".
    static func isBylineLabel(_ key: String) -> Bool {
        bylineLabels.contains(key)
    }

    private static let bylineLabels: Set<String> = ["by", "written by", "posted by", "author", "authors",
                                                    "authored by", "reviewed by", "von", "autor", "autorin",
                                                    "geschrieben von", "par", "écrit par", "por", "escrito por"]

    private static func isReadingTime(_ key: String) -> Bool {
        (key.containsASCII("min") && (key.containsASCII("read") || key.containsASCII("lese") || key.containsASCII("lectur")))
            || key.hasPrefix("reading time") || key.hasPrefix("lesezeit")
    }

    /// A block that is a date (with optional "Published", "Updated" and a time) and little else.
    private static func isDateline(_ text: String, key: String) -> Bool {
        // Every date and relative time has a digit: most short lines are settled without parsing. A
        // calendar date has ASCII digits; a relative time may have others ("٣ ساعات").
        let hasASCIIDigit = text.utf8.contains { $0 >= 48 && $0 <= 57 }
        guard hasASCIIDigit || text.utf8.contains(where: { $0 >= 128 }) else { return false }
        guard (hasASCIIDigit && PublicationDate.parse(text) != nil) || DateFinder.relativeOrTime(key) else { return false }
        let words = key.split(separator: " ").count
        return words <= 10
    }

    private static let bylinePrefixes = ["by ", "von ", "par ", "por ", "door ", "written by ", "posted by ",
                                         "text by ", "story by ", "words by ", "autor ", "author "]

    private static let exact: [String: BlockKind] = {
        var table: [String: BlockKind] = [:]
        for phrase in ["advertisement", "advertising", "ad", "anzeige", "werbung", "publicité", "publicidad",
                       "sponsored", "sponsored content", "paid content", "promoted", "story continues below advertisement",
                       "article continues below advertisement", "continue reading below", "scroll to continue with content",
                       "continue reading the main story", "advertisement continue reading the main story"] {
            table[phrase] = .ad
        }
        for phrase in ["share", "share this", "share this article", "share this story", "share on facebook",
                       "share on twitter", "share via email", "tweet", "email", "print", "comments", "comment",
                       "read more", "continue reading", "show more", "load more", "more", "related", "related articles",
                       "related stories", "related content", "see also", "also read", "read also", "recommended",
                       "trending", "most popular", "most read", "skip to content", "skip to main content",
                       "back to top", "top", "menu", "search", "close", "loading", "facebook", "twitter",
                       "linkedin", "whatsapp", "pinterest", "reddit", "copy link", "link copied", "save",
                       "teilen", "drucken", "mehr zum thema", "weiterlesen", "lesen sie auch", "auch interessant",
                       "partager", "lire aussi", "compartir", "leer más", "zobacz też", "czytaj też",
                       "image", "photo", "video", "watch", "listen", "gallery", "view gallery", "play video",
                       "full screen", "enlarge", "expand", "collapse"] {
            table[phrase] = .chrome
        }
        for phrase in ["subscribe", "sign up", "subscribe now", "sign up now", "newsletter", "donate", "support us",
                       "log in", "login", "sign in", "register", "become a member", "abonnieren", "jetzt abonnieren"] {
            table[phrase] = .appeal
        }
        for phrase in ["accept", "accept cookies", "i agree", "got it", "all rights reserved"] {
            table[phrase] = .legal
        }
        return table
    }()

    private static let prefixes: [(String, BlockKind)] = [
        ("share this", .chrome), ("share on", .chrome), ("follow us", .chrome), ("follow @", .chrome),
        ("click here to", .chrome), ("read more:", .related), ("related:", .related), ("read next", .related),
        ("you may also like", .related), ("you might also like", .related), ("more from", .related),
        ("more stories", .related), ("recommended for you", .related), ("sign up for", .appeal),
        ("subscribe to", .appeal), ("get our", .appeal), ("photo:", .caption), ("foto:", .caption),
        ("image:", .caption), ("bild:", .caption), ("photograph:", .caption), ("credit:", .caption),
        ("copyright", .legal), ("©", .legal), ("c) ", .legal), ("this article was", .chrome),
        ("published", .dateline), ("updated", .dateline), ("veröffentlicht", .dateline), ("aktualisiert", .dateline),
        ("posted on", .dateline), ("last updated", .dateline), ("first published", .dateline),
    ]
}
