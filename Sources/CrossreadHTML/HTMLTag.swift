/// The HTML elements extraction tells apart, identified from libxml2's lowercased tag name bytes.
enum HTMLTag: UInt8 {
    case other
    // Structure and sections.
    case html, head, body, div, section, article, main, header, footer, nav, aside, form, center,
         address, details, summary, fieldset, dialog, menu
    // Text blocks.
    case p, h1, h2, h3, h4, h5, h6, pre, blockquote, hr, br, dl, dt, dd, ul, ol, li
    case table, caption, thead, tbody, tfoot, tr, td, th
    case figure, figcaption
    // Inline text.
    case a, span, b, strong, i, em, u, small, sup, sub, code, q, cite, abbr, mark, time, font, label
    // Never text: skipped with their whole subtree.
    case script, style, noscript, template, svg, math, iframe, object, embed, canvas, video, audio,
         button, select, option, textarea, input, title, img, picture, source, map, meta, link

    /// Starts and ends a text block of its own (text on either side does not run together).
    var isBlock: Bool {
        switch self {
        case .html, .body, .div, .section, .article, .main, .header, .footer, .nav, .aside, .form,
             .center, .address, .details, .summary, .fieldset, .dialog, .menu,
             .p, .h1, .h2, .h3, .h4, .h5, .h6, .pre, .blockquote, .hr, .dl, .dt, .dd, .ul, .ol, .li,
             .table, .caption, .thead, .tbody, .tfoot, .tr, .figure, .figcaption, .noscript:
            return true
        default:
            return false
        }
    }

    /// Holds no readable text: the walk does not enter it (buttons and noscript are: see ContentHint).
    var isSkipped: Bool {
        switch self {
        case .script, .style, .template, .svg, .math, .iframe, .object, .embed, .canvas,
             .video, .audio, .select, .option, .textarea, .input, .title, .img, .picture,
             .source, .map, .meta, .link:
            return true
        default:
            return false
        }
    }

    /// Heading level 1...6, or nil.
    var headingLevel: Int? {
        switch self {
        case .h1: return 1
        case .h2: return 2
        case .h3: return 3
        case .h4: return 4
        case .h5: return 5
        case .h6: return 6
        default: return nil
        }
    }

    /// The tag for a NUL-terminated, lowercased name as libxml2 stores it.
    static func of(_ name: UnsafePointer<UInt8>?) -> HTMLTag {
        guard let name else { return .other }
        var key: UInt64 = 0
        var length = 0
        while name[length] != 0 {
            if length == 10 { return .other }
            if length < 8 { key |= UInt64(name[length]) << (8 * UInt64(length)) }
            length += 1
        }
        if length > 8 {
            // The two long names we care about.
            let tail = UInt64(name[8]) | UInt64(name[9]) << 8
            if length == 10 && key == pack("blockquo") && tail == pack("te") { return .blockquote }
            if length == 10 && key == pack("figcapti") && tail == pack("on") { return .figcaption }
            return .other
        }
        return byName[key] ?? .other
    }

    private static func pack(_ string: StaticString) -> UInt64 {
        var key: UInt64 = 0
        let pointer = string.utf8Start
        for index in 0..<min(string.utf8CodeUnitCount, 8) { key |= UInt64(pointer[index]) << (8 * UInt64(index)) }
        return key
    }

    private static let byName: [UInt64: HTMLTag] = {
        let names: [(StaticString, HTMLTag)] = [
            ("html", .html), ("head", .head), ("body", .body), ("div", .div), ("section", .section),
            ("article", .article), ("main", .main), ("header", .header), ("footer", .footer),
            ("nav", .nav), ("aside", .aside), ("form", .form), ("center", .center),
            ("address", .address), ("details", .details), ("summary", .summary),
            ("fieldset", .fieldset), ("dialog", .dialog), ("menu", .menu),
            ("p", .p), ("h1", .h1), ("h2", .h2), ("h3", .h3), ("h4", .h4), ("h5", .h5), ("h6", .h6),
            ("pre", .pre), ("hr", .hr), ("br", .br), ("dl", .dl), ("dt", .dt),
            ("dd", .dd), ("ul", .ul), ("ol", .ol), ("li", .li), ("table", .table),
            ("caption", .caption), ("thead", .thead), ("tbody", .tbody), ("tfoot", .tfoot),
            ("tr", .tr), ("td", .td), ("th", .th), ("figure", .figure),
            ("a", .a), ("span", .span), ("b", .b), ("strong", .strong), ("i", .i), ("em", .em),
            ("u", .u), ("small", .small), ("sup", .sup), ("sub", .sub), ("code", .code), ("q", .q),
            ("cite", .cite), ("abbr", .abbr), ("mark", .mark), ("time", .time), ("font", .font),
            ("label", .label),
            ("script", .script), ("style", .style), ("noscript", .noscript), ("template", .template),
            ("svg", .svg), ("math", .math), ("iframe", .iframe), ("object", .object),
            ("embed", .embed), ("canvas", .canvas), ("video", .video), ("audio", .audio),
            ("button", .button), ("select", .select), ("option", .option), ("textarea", .textarea),
            ("input", .input), ("title", .title), ("img", .img), ("picture", .picture),
            ("source", .source), ("map", .map), ("meta", .meta), ("link", .link),
        ]
        var table: [UInt64: HTMLTag] = [:]
        for (name, tag) in names { table[pack(name)] = tag }
        return table
    }()
}
