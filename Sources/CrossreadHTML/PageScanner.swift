import CLibXML2

/// Walks a parsed libxml2 tree once, over C pointers and UTF-8 bytes, and fills a `PageModel`:
/// elements with their content hints, whitespace-collapsed text blocks, and metadata sources.
struct PageScanner {
    var maxElements: Int
    var maxDepth: Int

    private struct Open {
        var node: xmlNodePtr
        var index: Int32
        var tag: HTMLTag
        var previousOwner: Int32
        var previousHeading: UInt8
        var isLink: Bool
        var mark: Int32
        var itemDateKey: String?
    }

    private struct Context {
        var owner: Int32 = -1
        var heading: UInt8 = 0
        var listDepth = 0
        var quoteDepth = 0
        var preDepth = 0
        var captionDepth = 0
        var linkDepth = 0
        var breaks = 0
    }

    func scan(_ document: htmlDocPtr) -> PageModel {
        var model = PageModel()
        guard let root = xmlDocGetRootElement(document) else { return model }
        var walk = Walk(model: model, maxElements: maxElements, maxDepth: maxDepth)
        walk.run(root)
        model = walk.model
        return model
    }

    /// The state of one walk.
    private struct Walk {
        var model: PageModel
        let maxElements: Int
        let maxDepth: Int
        var stack: [Open] = []
        var context = Context()
        // The block being filled: text[blockStart...].
        var blockStart = 0
        var chars: Int32 = 0
        var linkChars: Int32 = 0
        var stops: Int32 = 0
        var commas: Int32 = 0
        var cells: UInt16 = 0
        var lastWasSpace = true

        init(model: PageModel, maxElements: Int, maxDepth: Int) {
            self.model = model
            self.maxElements = maxElements
            self.maxDepth = maxDepth
            self.model.text.reserveCapacity(1 << 16)
        }

        mutating func run(_ root: xmlNodePtr) {
            var current: xmlNodePtr? = root
            while let node = current {
                var descended = false
                switch node.pointee.type {
                case XML_ELEMENT_NODE:
                    if model.elements.count >= maxElements {
                        model.truncated = true
                        current = nil
                        continue
                    }
                    if enter(node) {
                        if let child = node.pointee.children {
                            current = child
                            continue
                        }
                        descended = true
                    }
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    if let content = node.pointee.content { append(content) }
                default:
                    break
                }
                if descended { exit() }
                // Next sibling, or climb and close parents.
                var climbing = node
                current = nil
                while true {
                    if climbing == root { break }
                    if let next = climbing.pointee.next {
                        current = next
                        break
                    }
                    guard let parent = climbing.pointee.parent else { break }
                    climbing = parent
                    exit()
                    if climbing == root { break }
                }
            }
            while !stack.isEmpty { exit() }
            flush()
        }

        // MARK: Elements

        mutating func enter(_ node: xmlNodePtr) -> Bool {
            let tag = HTMLTag.of(node.pointee.name)
            var attributes = ElementAttributes()
            attributes.read(node)

            switch tag {
            case .meta:
                if let content = attributes.content {
                    for key in [attributes.property, attributes.name, attributes.itemprop, attributes.httpEquiv] {
                        if let key { model.metaTags.append((key.lowercased(), content)) }
                    }
                }
                if let charset = attributes.charset { model.metaTags.append(("charset", charset)) }
                return false
            case .link:
                if let rel = attributes.rel, let href = attributes.href { model.links.append((rel.lowercased(), href)) }
                if let itemprop = attributes.itemprop, let href = attributes.href {
                    model.metaTags.append((itemprop.lowercased(), href))
                }
                return false
            case .title:
                if model.titleText == nil, stack.allSatisfy({ $0.tag != .svg }) {
                    model.titleText = textContent(node, limit: 2000)
                }
                return false
            case .script:
                if let type = attributes.type, type.lowercased().contains("ld+json") {
                    model.jsonLD.append(textContent(node, limit: 4 << 20))
                }
                return false
            case .html:
                if model.htmlLang == nil { model.htmlLang = attributes.lang }
            default:
                break
            }
            if tag.isSkipped { return false }
            if stack.count >= maxDepth {
                model.truncated = true
                return false
            }

            if tag == .br {
                context.breaks += 1
                if context.breaks >= 2 { flush() } else { appendSpace() }
                return false
            }
            if tag.isBlock { flush() }
            if tag == .td || tag == .th {
                if context.owner >= 0, model.elements[Int(context.owner)].tag == .tr {
                    if model.text.count > blockStart { appendSeparator() }
                    cells &+= 1
                }
            }

            let index = Int32(model.elements.count)
            var hint = ContentHint.of(tag: tag)
            // The root and the body carry page-wide switches ("global-search-disable"), never a hint.
            if tag == .html || tag == .body { attributes = ElementAttributes() }
            if let role = attributes.roleValue { merge(&hint, ContentHint.of(role: role)) }
            if let classValue = attributes.classValue { merge(&hint, ContentHint.of(classOrID: classValue)) }
            if let idValue = attributes.idValue { merge(&hint, ContentHint.of(classOrID: idValue)) }
            if let itemprop = attributes.itemprop?.lowercased() {
                if itemprop == "articlebody" || itemprop == "reviewbody" || itemprop == "text" {
                    if !hint.isBoilerplate { hint = .articleBody }
                } else if itemprop.contains("comment") {
                    hint = .comments
                }
            }
            if attributes.isHidden { hint = .hidden }
            model.elements.append(PageModel.Element(tag: tag, hint: hint,
                                                    parent: stack.last?.index ?? -1,
                                                    firstBlock: Int32(model.blocks.count), endBlock: 0))

            var open = Open(node: node, index: index, tag: tag, previousOwner: context.owner,
                            previousHeading: context.heading, isLink: false, mark: -1, itemDateKey: nil)
            if tag.isBlock { context.owner = index }
            if let level = tag.headingLevel { context.heading = UInt8(level) }
            switch tag {
            case .li, .dd, .dt: context.listDepth += 1
            case .blockquote: context.quoteDepth += 1
            case .pre: context.preDepth += 1
            case .figure, .figcaption, .caption: context.captionDepth += 1
            case .a:
                if attributes.href != nil {
                    open.isLink = true
                    context.linkDepth += 1
                }
            default: break
            }
            if hint == .caption { context.captionDepth += 1 }

            // Marks for metadata.
            var markKind: PageModel.Mark.Kind?
            var markAttribute: String?
            let itemprop = attributes.itemprop?.lowercased()
            if tag == .time {
                markKind = .time
                markAttribute = attributes.datetime
            }
            if let itemprop {
                if itemprop.contains("author") || itemprop.contains("creator") {
                    markKind = .authorProperty
                } else if itemprop == "datepublished" || itemprop == "datemodified" || itemprop == "datecreated" {
                    if let value = attributes.datetime ?? attributes.content {
                        model.metaTags.append((itemprop, value))
                    } else {
                        open.itemDateKey = itemprop
                        markKind = markKind ?? .time
                    }
                }
            }
            if markKind == nil, let rel = attributes.rel, rel.lowercased().contains("author") { markKind = .authorLink }
            if markKind == nil, tag == .h1 { markKind = .h1 }
            if markKind == nil {
                if hint == .byline { markKind = .bylineHint } else if hint == .dateline { markKind = .datelineHint }
            }
            if let markKind {
                open.mark = Int32(model.marks.count)
                model.marks.append(PageModel.Mark(kind: markKind, element: index, start: Int32(model.text.count),
                                                  end: -1, attribute: markAttribute))
            }
            stack.append(open)
            return true
        }

        mutating func exit() {
            guard let open = stack.popLast() else { return }
            let tag = open.tag
            if tag.isBlock { flush() }
            model.elements[Int(open.index)].endBlock = Int32(model.blocks.count)
            if open.mark >= 0 {
                model.marks[Int(open.mark)].end = Int32(model.text.count)
                if let key = open.itemDateKey {
                    let value = model.string(model.marks[Int(open.mark)])
                    if !value.isEmpty { model.metaTags.append((key, value)) }
                }
            }
            context.owner = open.previousOwner
            context.heading = open.previousHeading
            switch tag {
            case .li, .dd, .dt: context.listDepth -= 1
            case .blockquote: context.quoteDepth -= 1
            case .pre: context.preDepth -= 1
            case .figure, .figcaption, .caption: context.captionDepth -= 1
            default: break
            }
            if open.isLink { context.linkDepth -= 1 }
            if model.elements[Int(open.index)].hint == .caption { context.captionDepth -= 1 }
        }

        private func merge(_ hint: inout ContentHint, _ other: ContentHint) {
            if other == .none { return }
            if hint.isBoilerplate { return }
            if other.isBoilerplate || hint == .none || other == .articleBody { hint = other }
        }

        // MARK: Text

        mutating func append(_ content: UnsafePointer<UInt8>) {
            var index = 0
            let inLink = context.linkDepth > 0
            let keepNewlines = context.preDepth > 0
            while true {
                let byte = content[index]
                if byte == 0 { break }
                index += 1
                if byte == 32 || byte == 10 || byte == 9 || byte == 13 || byte == 12 {
                    if keepNewlines && byte == 10 {
                        if model.text.count > blockStart { model.text.append(10) }
                        lastWasSpace = true
                        continue
                    }
                    if !lastWasSpace {
                        model.text.append(32)
                        lastWasSpace = true
                    }
                    continue
                }
                if byte == 0xC2 {
                    let next = content[index]
                    if next == 0xA0 {  // no-break space
                        index += 1
                        if !lastWasSpace {
                            model.text.append(32)
                            lastWasSpace = true
                        }
                        continue
                    }
                    if next == 0xAD {  // soft hyphen
                        index += 1
                        continue
                    }
                }
                if byte == 0xE2, content[index] == 0x80 {
                    let third = content[index + 1]
                    if third == 0x8B || third == 0x8C || third == 0x8D {  // zero-width space and joiners
                        index += 2
                        continue
                    }
                }
                if byte == 0xEF, content[index] == 0xBB, content[index + 1] == 0xBF {
                    index += 2
                    continue
                }
                model.text.append(byte)
                lastWasSpace = false
                context.breaks = 0
                if byte & 0xC0 != 0x80 {
                    chars &+= 1
                    if inLink { linkChars &+= 1 }
                    switch byte {
                    case 46, 33, 63: stops &+= 1
                    case 44: commas &+= 1
                    default: break
                    }
                }
            }
        }

        mutating func appendSpace() {
            if !lastWasSpace, model.text.count > blockStart {
                model.text.append(32)
                lastWasSpace = true
            }
        }

        mutating func appendSeparator() {
            if !lastWasSpace { model.text.append(32) }
            model.text.append(124)  // "|"
            model.text.append(32)
            lastWasSpace = true
        }

        mutating func flush() {
            var end = model.text.count
            while end > blockStart, model.text[end - 1] == 32 || model.text[end - 1] == 10
                    || model.text[end - 1] == 124 {
                end -= 1
            }
            if end > blockStart && chars > 0 {
                model.text.removeSubrange(end...)
                let owner = context.owner
                let ownerTag = owner >= 0 ? model.elements[Int(owner)].tag : .other
                var role = PageModel.BlockRole.paragraph
                if context.captionDepth > 0 {
                    role = .caption
                } else if context.heading > 0 {
                    role = .heading
                } else if context.preDepth > 0 {
                    role = .preformatted
                } else if ownerTag == .tr && cells > 1 {
                    role = .tableRow
                } else if context.listDepth > 0 {
                    role = .listItem
                } else if context.quoteDepth > 0 {
                    role = .quote
                }
                model.blocks.append(PageModel.Block(
                    start: Int32(blockStart), end: Int32(end), element: owner, role: role,
                    headingLevel: context.heading, cells: cells, chars: chars, linkChars: linkChars,
                    stops: stops, commas: commas, endsWithStop: Self.endsWithStop(model.text, end)))
                // A line break between blocks, outside every block's range, keeps marks that span
                // blocks ("By" / "Jane Doe") from running together.
                model.text.append(10)
            } else {
                model.text.removeSubrange(blockStart...)
            }
            blockStart = model.text.count
            chars = 0
            linkChars = 0
            stops = 0
            commas = 0
            cells = 0
            lastWasSpace = true
            context.breaks = 0
        }

        static func endsWithStop(_ text: [UInt8], _ end: Int) -> Bool {
            var index = end - 1
            // Step back over closing quotes and brackets: ASCII, and the three-byte ” ’ » forms.
            var steps = 0
            while index >= 0 && steps < 3 {
                let byte = text[index]
                if byte == 34 || byte == 39 || byte == 41 { index -= 1; steps += 1; continue }
                if index >= 2, text[index - 2] == 0xE2, text[index - 1] == 0x80, byte == 0x9D || byte == 0x99 {
                    index -= 3; steps += 1; continue
                }
                if index >= 1, text[index - 1] == 0xC2, byte == 0xBB { index -= 2; steps += 1; continue }
                break
            }
            guard index >= 0 else { return false }
            let byte = text[index]
            if byte == 46 || byte == 33 || byte == 63 || byte == 58 { return true }
            // … (E2 80 A6), 。 (E3 80 82), ！ (EF BC 81), ？ (EF BC 9F)
            if index >= 2 {
                let a = text[index - 2], b = text[index - 1]
                if a == 0xE2 && b == 0x80 && byte == 0xA6 { return true }
                if a == 0xE3 && b == 0x80 && byte == 0x82 { return true }
                if a == 0xEF && b == 0xBC && (byte == 0x81 || byte == 0x9F) { return true }
            }
            return false
        }

        /// The text of a subtree (for `<title>` and scripts), up to `limit` bytes.
        func textContent(_ node: xmlNodePtr, limit: Int) -> String {
            var bytes: [UInt8] = []
            var child = node.pointee.children
            while let current = child, bytes.count < limit {
                if current.pointee.type == XML_TEXT_NODE || current.pointee.type == XML_CDATA_SECTION_NODE,
                   let content = current.pointee.content {
                    var index = 0
                    while content[index] != 0 && bytes.count < limit {
                        bytes.append(content[index])
                        index += 1
                    }
                }
                child = current.pointee.next
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}
