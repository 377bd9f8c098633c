/// A block that cleaning took out of the body, with why.
public struct RemovedBlock: Sendable, Equatable, Codable {
    public var kind: BlockKind
    public var text: String

    public init(kind: BlockKind, text: String) {
        self.kind = kind
        self.text = text
    }
}

/// What a block of an article is. Only `body` and `subheading` (and, from HTML, list items,
/// block quotes and tables) stay in the clean text; every other kind is removed and recorded.
public enum BlockKind: String, Sendable, Codable, CaseIterable {
    case body
    case subheading
    case headline
    case byline
    /// A dateline or timestamp ("November 11, 2024", "12:13 PM", "Published on").
    case dateline
    case readingTime
    /// A photo caption or credit.
    case caption
    /// An ad marker ("Advertisement", "Sponsored").
    case ad
    /// An "also read" or related-story headline.
    case related
    /// A comment form or the comments themselves.
    case comments
    /// Site chrome: menus, search boxes, "trending", share bars, "exit mobile version", footers.
    case chrome
    /// A newsletter, subscription or donation appeal.
    case appeal
    case authorBio
    /// The site or publisher name standing alone.
    case publisher
    /// Cookie, consent, copyright and legal notices.
    case legal
}
