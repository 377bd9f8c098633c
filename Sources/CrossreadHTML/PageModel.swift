/// What one walk over the parsed page collects: elements with their hints, text blocks with
/// their shape, and the raw metadata sources (meta tags, JSON-LD, links, time elements).
struct PageModel {
    /// One element of the walked tree, in document order.
    struct Element {
        var tag: HTMLTag
        var hint: ContentHint
        /// The class or id word the hint came from (first eight bytes packed), 0 when none did.
        var hintWord: UInt64 = 0
        /// Hash of the whole class attribute, 0 without one: elements of one repeated kind (a thread's
        /// posts) share it.
        var classHash: UInt64 = 0
        var parent: Int32
        /// Blocks of this element's subtree: `firstBlock..<endBlock` (blocks are in document order).
        var firstBlock: Int32
        var endBlock: Int32
    }

    /// What a text block is, from the elements around it.
    enum BlockRole: UInt8 {
        case paragraph, heading, listItem, quote, tableRow, preformatted, caption
    }

    /// A run of text between block boundaries, whitespace collapsed, as a byte range of `text`.
    struct Block {
        var start: Int32
        var end: Int32
        /// The innermost block-level element around the text.
        var element: Int32
        var role: BlockRole
        /// 1...6 for headings, else 0.
        var headingLevel: UInt8
        /// Table cells in a row block.
        var cells: UInt16
        /// Unicode code points of the text, and of the part inside links.
        var chars: Int32
        var linkChars: Int32
        /// Sentence punctuation marks (. ! ? and their full-width forms) and commas.
        var stops: Int32
        var commas: Int32
        var endsWithStop: Bool
    }

    /// A span of text belonging to an element metadata cares about.
    struct Mark {
        /// `authorPageLink`: a link to an author's page ("/author/jane-doe").
        enum Kind: UInt8 { case time, authorLink, authorProperty, authorPageLink, bylineHint, datelineHint, h1, publisherProperty }
        var kind: Kind
        var element: Int32
        var start: Int32
        var end: Int32
        /// The `datetime` or `content` attribute when the element had one.
        var attribute: String?
    }

    var elements: [Element] = []
    var blocks: [Block] = []
    /// All block text, back to back; each block is a range of it.
    var text: [UInt8] = []
    var marks: [Mark] = []

    /// `name`, `property`, `itemprop` or `http-equiv` (lowercased) with the `content` value.
    var metaTags: [(key: String, content: String)] = []
    /// `rel` (lowercased) with the `href` value.
    var links: [(rel: String, href: String)] = []
    var jsonLD: [String] = []
    var titleText: String?
    var htmlLang: String?
    /// The walk stopped early at the element or depth limit.
    var truncated = false

    func string(_ block: Block) -> String {
        String(decoding: text[Int(block.start)..<Int(block.end)], as: UTF8.self)
    }

    func string(_ mark: Mark) -> String {
        let start = Int(mark.start), end = max(Int(mark.start), min(Int(mark.end), text.count))
        guard start < end else { return "" }
        return String(decoding: text[start..<end], as: UTF8.self)
    }
}
