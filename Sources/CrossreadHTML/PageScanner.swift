import CLibXML2

/// Reads libxml2's HTML parse events (SAX: no tree is built, nothing to free) straight into a
/// `PageModel`: elements with their content hints, whitespace-collapsed text blocks over UTF-8
/// bytes, and metadata sources.
struct PageScanner {
    var maxElements: Int
    var maxDepth: Int

    private struct Open {
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

    /// What a skipped subtree's text is collected for.
    private enum Capture {
        case none, title, jsonLD
    }

    /// Parses `bytes` (`encoding` nil: follow the page's charset) and scans the events; nil when
    /// libxml2 cannot start on them.
    func scan(_ bytes: UnsafeRawBufferPointer, encoding: String?, options: Int32) -> PageModel? {
        // Scripts, styles and unread attributes are dropped first when the bytes are known UTF-8 (any ASCII-compatible
        // charset would do; a page in its own charset may be UTF-16).
        if encoding == "UTF-8", let stripped = MarkupTrimmer.strip(bytes) {
            return stripped.withUnsafeBytes { parse($0, encoding: encoding, options: options) }
        }
        return parse(bytes, encoding: encoding, options: options)
    }

    private func parse(_ bytes: UnsafeRawBufferPointer, encoding: String?, options: Int32) -> PageModel? {
        _ = ParserOptions.initialized
        guard let base = bytes.baseAddress, bytes.count > 0, bytes.count < Int(Int32.max),
              let context = htmlCreateMemoryParserCtxt(base.assumingMemoryBound(to: CChar.self), Int32(bytes.count))
        else { return nil }
        defer { htmlFreeParserCtxt(context) }
        let walk = UnsafeMutablePointer<Walk>.allocate(capacity: 1)
        walk.initialize(to: Walk(maxElements: maxElements, maxDepth: maxDepth))
        defer { walk.deinitialize(count: 1); walk.deallocate() }
        walk.pointee.parser = context

        var handler = htmlSAXHandler()
        handler.startElement = { user, name, attributes in
            user?.assumingMemoryBound(to: Walk.self).pointee.start(name, attributes)
        }
        handler.endElement = { user, _ in
            user?.assumingMemoryBound(to: Walk.self).pointee.end()
        }
        let characters: charactersSAXFunc = { user, bytes, count in
            guard let bytes, count > 0 else { return }
            user?.assumingMemoryBound(to: Walk.self).pointee.characters(bytes, Int(count))
        }
        handler.characters = characters
        handler.ignorableWhitespace = characters
        handler.cdataBlock = characters
        context.pointee.sax.pointee = handler
        context.pointee.userData = UnsafeMutableRawPointer(walk)
        _ = htmlCtxtUseOptions(context, options)
        if let encoding, let encoder = xmlFindCharEncodingHandler(encoding) {
            _ = xmlSwitchToEncoding(context, encoder)
        }
        _ = htmlParseDocument(context)
        walk.pointee.finish()
        return walk.pointee.model
    }

    /// The state of one walk over the parse events.
    private struct Walk {
        var model = PageModel()
        let maxElements: Int
        let maxDepth: Int
        var parser: htmlParserCtxtPtr?
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
        /// Depth inside a subtree the walk does not enter (0: not skipping).
        var skipDepth = 0
        var capture = Capture.none
        var captured: [UInt8] = []
        var captureLimit = 0
        var stopped = false
        var hintCache = ClassHintCache()

        init(maxElements: Int, maxDepth: Int) {
            self.maxElements = maxElements
            self.maxDepth = maxDepth
            model.text.reserveCapacity(1 << 16)
        }

        mutating func start(_ name: UnsafePointer<UInt8>?, _ attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?) {
            if stopped { return }
            if skipDepth > 0 {
                skipDepth += 1
                return
            }
            if model.elements.count >= maxElements {
                model.truncated = true
                stopped = true
                if let parser { xmlStopParser(parser) }
                return
            }
            if !enter(name, attributes) { skipDepth = 1 }
        }

        mutating func end() {
            if stopped { return }
            if skipDepth > 0 {
                skipDepth -= 1
                if skipDepth == 0 && capture != .none { finishCapture() }
                return
            }
            exit()
        }

        mutating func characters(_ bytes: UnsafePointer<UInt8>, _ count: Int) {
            if stopped { return }
            if skipDepth > 0 {
                if capture != .none && skipDepth == 1 {
                    let room = min(count, captureLimit - captured.count)
                    if room > 0 { captured.append(contentsOf: UnsafeBufferPointer(start: bytes, count: room)) }
                }
                return
            }
            append(bytes, count)
        }

        mutating func finishCapture() {
            let text = String(decoding: captured, as: UTF8.self)
            switch capture {
            case .title: if model.titleText == nil { model.titleText = text }
            case .jsonLD: model.jsonLD.append(text)
            case .none: break
            }
            capture = .none
            captured.removeAll(keepingCapacity: true)
        }

        mutating func finish() {
            while !stack.isEmpty { exit() }
            flush()
        }

        // MARK: Elements

        /// Opens an element; false when the walk does not enter it (its subtree is skipped).
        mutating func enter(_ name: UnsafePointer<UInt8>?, _ list: UnsafeMutablePointer<UnsafePointer<UInt8>?>?) -> Bool {
            let tag = HTMLTag.of(name)
            var attributes = ElementAttributes()
            attributes.read(list)

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
                if model.titleText == nil { startCapture(.title, limit: 2000) }
                return false
            case .script:
                if let type = attributes.type, type.lowercased().containsASCII("ld+json") {
                    startCapture(.jsonLD, limit: 4 << 20)
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
            var hintWord: UInt64 = 0
            var classHash: UInt64 = 0
            if let value = attributes.classValue {
                classHash = Self.valueHash(value)
                mergeWordHint(&hint, &hintWord, value, hash: classHash)
            }
            if let value = attributes.idValue { mergeWordHint(&hint, &hintWord, value) }
            if let itemprop = attributes.itemprop?.lowercased() {
                if itemprop == "articlebody" || itemprop == "reviewbody" || itemprop == "text" {
                    if !hint.isBoilerplate { hint = .articleBody }
                } else if itemprop.containsASCII("comment") {
                    hint = .comments
                }
            }
            if attributes.isHidden { hint = .hidden }
            if hint == .hidden || hint == .articleBody { hintWord = 0 }
            model.elements.append(PageModel.Element(tag: tag, hint: hint, hintWord: hintWord, classHash: classHash,
                                                    parent: stack.last?.index ?? -1,
                                                    firstBlock: Int32(model.blocks.count), endBlock: 0))

            var open = Open(index: index, tag: tag, previousOwner: context.owner,
                            previousHeading: context.heading, isLink: false, mark: -1, itemDateKey: nil)
            if tag.isBlock { context.owner = index }
            if let level = tag.headingLevel { context.heading = UInt8(level) }
            switch tag {
            case .li, .dd, .dt: context.listDepth += 1
            case .blockquote: context.quoteDepth += 1
            case .pre: context.preDepth += 1
            case .figure, .figcaption, .caption: context.captionDepth += 1
            case .a:
                if attributes.hasHref {
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
            // `<time>`, and any element with a `datetime` (`<local-time>`, `<relative-time>`).
            if tag == .time || attributes.hasDatetime {
                markKind = .time
                markAttribute = attributes.datetime
            }
            if let itemprop {
                if itemprop.containsASCII("author") || itemprop.containsASCII("creator") {
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
            if markKind == nil, let rel = attributes.rel, rel.lowercased().containsASCII("author") { markKind = .authorLink }
            if markKind == nil, tag == .a, attributes.linksToAuthorPage { markKind = .authorPageLink }
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

        /// `ContentHint.ofWithWord(classOrID:)`, remembered per page by a 64-bit FNV-1a hash of the value
        /// (a page repeats its class names on many elements).
        mutating func cachedHint(_ value: UnsafePointer<UInt8>) -> (hint: ContentHint, word: UInt64) {
            cachedHint(value, hash: Self.valueHash(value))
        }

        mutating func cachedHint(_ value: UnsafePointer<UInt8>, hash: UInt64) -> (hint: ContentHint, word: UInt64) {
            hintCache.entry(for: hash) { ContentHint.ofWithWord(classOrID: value) }
        }

        /// 64-bit FNV-1a hash of a NUL-terminated attribute value.
        static func valueHash(_ value: UnsafePointer<UInt8>) -> UInt64 {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            var index = 0
            while value[index] != 0 {
                hash = (hash ^ UInt64(value[index])) &* 0x100_0000_01b3
                index += 1
            }
            return hash
        }

        /// Merges a class or id value's hint, noting the word when it decides the hint.
        mutating func mergeWordHint(_ hint: inout ContentHint, _ word: inout UInt64, _ value: UnsafePointer<UInt8>,
                                    hash: UInt64? = nil) {
            let found = hash.map { cachedHint(value, hash: $0) } ?? cachedHint(value)
            let before = hint
            merge(&hint, found.hint)
            if hint != before { word = found.word }
        }

        private func merge(_ hint: inout ContentHint, _ other: ContentHint) {
            if other == .none { return }
            if hint.isBoilerplate { return }
            if other.isBoilerplate || hint == .none || other == .articleBody { hint = other }
        }

        // MARK: Text

        /// Appends a run of text bytes (a parse event may split a text node into several runs).
        mutating func append(_ content: UnsafePointer<UInt8>, _ count: Int) {
            var index = 0
            let inLink = context.linkDepth > 0
            let keepNewlines = context.preDepth > 0
            @inline(__always) func peek(_ at: Int) -> UInt8 { at < count ? content[at] : 0 }
            while index < count {
                let byte = content[index]
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
                    let next = peek(index)
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
                if byte == 0xE2, peek(index) == 0x80 {
                    let third = peek(index + 1)
                    if third == 0x8B || third == 0x8C || third == 0x8D {  // zero-width space and joiners
                        index += 2
                        continue
                    }
                }
                if byte == 0xEF, peek(index) == 0xBB, peek(index + 1) == 0xBF {
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

        /// Collects the direct text of the element about to be skipped (`<title>`, JSON-LD), up to `limit` bytes.
        mutating func startCapture(_ kind: Capture, limit: Int) {
            capture = kind
            captureLimit = limit
            captured.removeAll(keepingCapacity: true)
        }
    }
}
