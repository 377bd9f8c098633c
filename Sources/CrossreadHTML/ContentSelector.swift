import CrossreadCore

/// Finds the article in a scanned page: scores every element by the paragraph-like text it holds
/// against the boilerplate it would drag along, takes the best one, then filters its blocks.
///
/// 1. Each block is weighed: paragraph-like text (long, few links, sentence punctuation) is good;
///    link-heavy and short unpunctuated text is bad.
/// 2. Boilerplate hints (nav, comments, related, share, cookie...) turn a subtree's text bad for
///    the elements above it, unless that subtree holds most of the page's good text.
/// 3. The element maximizing good minus `badWeight` x bad is the article container.
/// 4. Its blocks are kept unless hinted, captions, bylines, datelines, headlines or chrome phrases;
///    short unpunctuated blocks at its head and tail are trimmed.
struct ContentSelector {
    var options: HTMLExtractor.Options

    struct Selection {
        var blocks: [(text: String, kind: Paragraph.Kind)] = []
        var removed: [RemovedBlock] = []
        var noArticle = true
        /// Element index of the container, or -1.
        var container: Int32 = -1
        /// The first kept block (or the container's first block): where the article starts.
        var anchorBlock = 0
        /// The page's h1 is in the article or at most `leadWindow` blocks before it.
        var headlineLeadsArticle = false
        /// The best-scoring elements with their scores, best first (for `HTMLExtractor.explain`).
        var candidates: [(element: Int32, score: Float)] = []
    }

    private struct Weight {
        var good: Float
        var bad: Float
        var all: Float
        var paragraphLike: Bool
    }

    /// `commentsMayBePosts`: the page does not declare a story (or declares a discussion), so replies
    /// marked as comments may be a thread's posts.
    func select(_ page: PageModel, title: String?, isArticlePage: Bool, commentsMayBePosts: Bool = true) -> Selection {
        var selection = Selection()
        let elements = page.elements
        guard !elements.isEmpty, !page.blocks.isEmpty else { return selection }

        let weights = page.blocks.map(weigh)
        // Pass 1: good text per subtree, without hints, to see which hints hold the article.
        var rawGood = [Float](repeating: 0, count: elements.count)
        for (index, block) in page.blocks.enumerated() where block.element >= 0 {
            rawGood[Int(block.element)] += weights[index].good
        }
        for index in stride(from: elements.count - 1, through: 1, by: -1) {
            let parent = Int(elements[index].parent)
            if parent >= 0 { rawGood[parent] += rawGood[index] }
        }
        let pageGood = rawGood.enumerated().filter { elements[$0.offset].parent < 0 }.reduce(0) { $0 + $1.element }
        var effective = elements.map { $0.hint }
        for index in elements.indices where effective[index].isBoilerplate {
            let hint = effective[index]
            let strong = hint == .comments || hint == .hidden || hint == .legal || hint == .appeal || hint == .ad
            if !strong && pageGood > 0 && rawGood[index] > options.hintOverrideShare * pageGood {
                effective[index] = .none
            }
        }
        // A chrome or related word spread over blocks that together hold most of the page's paragraph
        // text (a page builder's "widget" around every paragraph) names the page's layout, not boilerplate.
        if pageGood > 0 {
            var wordGood: [UInt64: Float] = [:]
            var wordElements: [UInt64: Int] = [:]
            for index in elements.indices where elements[index].hintWord != 0 && Self.isLayoutSuspect(effective[index]) {
                let parent = Int(elements[index].parent)
                // Counted once per subtree: a parent with the same word already holds this text (unless
                // its hint was lifted for holding most of the page, leaving its children to count).
                if parent >= 0 && elements[parent].hintWord == elements[index].hintWord
                    && Self.isLayoutSuspect(effective[parent]) { continue }
                wordGood[elements[index].hintWord, default: 0] += rawGood[index]
                if rawGood[index] > 0 { wordElements[elements[index].hintWord, default: 0] += 1 }
            }
            // Spread: on several separate elements with paragraph text, not one wrapper (a footer
            // holding a short story's page).
            let layoutWords = wordGood.filter {
                $0.value > options.hintOverrideShare * pageGood && wordElements[$0.key, default: 0] >= options.layoutWordElements
            }.keys
            if !layoutWords.isEmpty {
                for index in elements.indices where Self.isLayoutSuspect(effective[index])
                    && layoutWords.contains(elements[index].hintWord) {
                    effective[index] = .none
                }
            }
        }

        // Pass 2: good and bad per subtree, boilerplate subtrees counting as bad above them.
        var good = [Float](repeating: 0, count: elements.count)
        var bad = [Float](repeating: 0, count: elements.count)
        var all = [Float](repeating: 0, count: elements.count)
        for (index, block) in page.blocks.enumerated() where block.element >= 0 {
            let owner = Int(block.element)
            good[owner] += weights[index].good
            bad[owner] += weights[index].bad
            all[owner] += weights[index].all
        }
        // Inside a boilerplate subtree (a comment's body, a related teaser) nothing is the article.
        var underBoilerplate = [Bool](repeating: false, count: elements.count)
        // The same, comments aside: a forum's replies are marked as comments but are the thread's text.
        var underOtherBoilerplate = [Bool](repeating: false, count: elements.count)
        for index in elements.indices {
            let parent = Int(elements[index].parent)
            underBoilerplate[index] = effective[index].isBoilerplate || (parent >= 0 && underBoilerplate[parent])
            underOtherBoilerplate[index] = (effective[index].isBoilerplate && (effective[index] != .comments || !commentsMayBePosts))
                || (parent >= 0 && underOtherBoilerplate[parent])
        }
        var score = [Float](repeating: 0, count: elements.count)
        var best = -1
        var bestScore: Float = 0
        // Children come after parents in document order: walking backwards finishes each subtree first.
        for index in stride(from: elements.count - 1, through: 0, by: -1) {
            var value = good[index] - options.badWeight * bad[index]
            switch effective[index] {
            case .articleBody: value *= 1.3
            case .positive: value *= 1.05
            default: break
            }
            if underBoilerplate[index] { value *= 0.3 }
            score[index] = value
            let parent = Int(elements[index].parent)
            if parent >= 0 {
                if effective[index].isBoilerplate {
                    // Marked boilerplate is cut out of the output anyway: it costs its parent little.
                    bad[parent] += options.hintedBadWeight * all[index]
                } else {
                    good[parent] += good[index]
                    bad[parent] += bad[index]
                }
                all[parent] += all[index]
            }
        }
        for index in elements.indices where score[index] > bestScore {
            bestScore = score[index]
            best = index
        }
        guard best >= 0 else { return selection }
        // The best text of the page lies inside boilerplate (a footer's "last edited" line): short of
        // `boilerplateArticleChars`, it is no article.
        let bestIsBoilerplate = underBoilerplate[best] && good[best] < options.boilerplateArticleChars
        // An article split in parts (around an ad or a video) is whole one level up: climb while the
        // parent keeps most of the score and adds real text.
        while true {
            let parent = Int(elements[best].parent)
            guard parent >= 0, !underBoilerplate[parent] else { break }
            let keepsScore = score[parent] >= options.climbScoreShare * score[best] && good[parent] >= 1.15 * good[best]
            // A container holding several times the paragraph text, still clearly positive, is the
            // whole article around one winning paragraph or section (checklists and tables between them).
            let holdsMore = good[parent] >= options.climbGoodFactor * good[best]
                && score[parent] >= options.climbWeakScoreShare * score[best]
            guard keepsScore || holdsMore else { break }
            best = parent
        }
        // Several articles in one container (the story, then full-text teasers): the one with the headline.
        best = articleHoldingHeadline(page, container: best, underBoilerplate: underBoilerplate, good: good)
        // A thread: the container is one post among several of its kind; the posts together are the text.
        var inPost: [Bool]?
        if let thread = repeatedPosts(page, container: best, underOtherBoilerplate: underOtherBoilerplate, good: rawGood) {
            best = thread.ancestor
            let first = Int(elements[best].firstBlock)
            var marks = [Bool](repeating: false, count: Int(elements[best].endBlock) - first)
            for post in thread.posts {
                for blockIndex in Int(elements[post].firstBlock)..<Int(elements[post].endBlock) { marks[blockIndex - first] = true }
            }
            inPost = marks
        }
        selection.container = Int32(best)
        selection.candidates = score.enumerated().filter { $0.element > 0 }.sorted { $0.element > $1.element }
            .prefix(8).map { (Int32($0.offset), $0.element) }

        let container = elements[best]
        var kept: [(index: Int, kind: Paragraph.Kind)] = []
        var removed: [RemovedBlock] = []
        let titleKey = title.map(Self.comparable)
        for blockIndex in Int(container.firstBlock)..<Int(container.endBlock) {
            let block = page.blocks[blockIndex]
            let weight = weights[blockIndex]
            if let inPost, !inPost[blockIndex - Int(container.firstBlock)] {
                record(&removed, .chrome, page.string(block))
                continue
            }
            if let kind = boilerplateAbove(block, container: best, elements: elements, effective: effective,
                                           allowingComments: inPost != nil) {
                record(&removed, kind, page.string(block))
                continue
            }
            let text = page.string(block)
            if let kind = removalKind(block, weight: weight, text: text, titleKey: titleKey) {
                record(&removed, kind, text)
                continue
            }
            kept.append((blockIndex, kind(of: block)))
        }
        // A "Related stories" or "Comments" line in the latter part of the article ends it.
        let keptChars = kept.reduce(Float(0)) { $0 + weights[$1.index].all }
        var seenChars: Float = 0
        for (position, item) in kept.enumerated() {
            let block = page.blocks[item.index]
            if seenChars >= 0.5 * keptChars, BoilerplatePhrases.opensTail(page.string(block), chars: Int(block.chars)) {
                for dropped in kept[position...] { record(&removed, .related, page.string(page.blocks[dropped.index])) }
                kept.removeSubrange(position...)
                break
            }
            seenChars += weights[item.index].all
        }
        // Trim unpunctuated short blocks at the head and tail: kickers, share labels, "Related" headings.
        while let first = kept.first, isTrimmable(page.blocks[first.index], weights[first.index]) {
            record(&removed, .chrome, page.string(page.blocks[first.index]))
            kept.removeFirst()
        }
        while let last = kept.last, isTrimmable(page.blocks[last.index], weights[last.index]) {
            record(&removed, .chrome, page.string(page.blocks[last.index]))
            kept.removeLast()
        }

        // The lead: paragraphs between the headline and the container (a standfirst, an intro).
        if let lead = leadBlocks(page, container: container, weights: weights, elements: elements), !lead.isEmpty {
            kept = lead.map { ($0, Paragraph.Kind.body) } + kept
        }

        // Captions and bylines outside the container are recorded too.
        for (index, block) in page.blocks.enumerated()
        where index < Int(container.firstBlock) || index >= Int(container.endBlock) {
            if block.role == .caption {
                record(&removed, .caption, page.string(block))
            } else if block.element >= 0, elements[Int(block.element)].hint == .byline, block.chars < 200 {
                record(&removed, .byline, page.string(block))
            }
        }

        selection.anchorBlock = kept.first?.index ?? Int(container.firstBlock)
        let firstKept = min(selection.anchorBlock, Int(container.firstBlock))
        selection.headlineLeadsArticle = page.blocks[max(0, firstKept - options.leadWindow)..<Int(container.endBlock)]
            .contains { $0.role == .heading && $0.headingLevel == 1 }
        let minimum = isArticlePage ? options.minimumDeclaredArticleChars : options.minimumArticleChars
        let paragraphChars = kept.reduce(Float(0)) { $0 + (weights[$1.index].paragraphLike ? weights[$1.index].all : 0) }
        if paragraphChars < minimum || bestIsBoilerplate || looksLikeListing(page, kept: kept.map(\.index), weights: weights) {
            selection.removed = removed + kept.map { RemovedBlock(kind: .chrome, text: page.string(page.blocks[$0.index])) }
            selection.removed = Array(selection.removed.prefix(options.maximumRemovedBlocks))
            return selection
        }
        selection.noArticle = false
        selection.blocks = kept.map { (page.string(page.blocks[$0.index]), $0.kind) }
        selection.removed = Array(removed.prefix(options.maximumRemovedBlocks))
        return selection
    }

    /// Hints a page's layout classes may carry by accident ("widget"); "related" is left alone: teasers
    /// of other stories hold most of a home page's text.
    private static func isLayoutSuspect(_ hint: ContentHint) -> Bool {
        hint == .chrome
    }

    /// Paragraph-like blocks after the page's h1 and before the container's first block.
    private func leadBlocks(_ page: PageModel, container: PageModel.Element, weights: [Weight],
                            elements: [PageModel.Element]) -> [Int]? {
        let start = Int(container.firstBlock)
        guard start > 0 else { return nil }
        var headline: Int?
        var index = start - 1
        while index >= 0 && start - index <= options.leadWindow {
            let block = page.blocks[index]
            if block.role == .heading && block.headingLevel == 1 { headline = index; break }
            index -= 1
        }
        guard let headline else { return precedingLead(page, start: start, weights: weights, elements: elements) }
        var lead: [Int] = []
        for index in (headline + 1)..<start {
            let block = page.blocks[index]
            guard block.role != .caption, block.linkChars * 5 < block.chars, !underExcludedHint(block, elements) else { continue }
            let isDek = block.role == .heading && block.chars >= 60
            if weights[index].paragraphLike && block.role != .heading || isDek { lead.append(index) }
        }
        return lead
    }

    /// Without a headline in reach: up to two clean paragraphs right before the container, close
    /// to it in the tree (a teaser paragraph above the body).
    private func precedingLead(_ page: PageModel, start: Int, weights: [Weight], elements: [PageModel.Element]) -> [Int] {
        let containerElement = Int(page.blocks[start].element)
        var ancestors: [Int] = []
        var index = containerElement
        while index >= 0 && ancestors.count < 6 {
            ancestors.append(index)
            index = Int(elements[index].parent)
        }
        var lead: [Int] = []
        var blockIndex = start - 1
        while blockIndex >= 0 && start - blockIndex <= 6 && lead.count < 2 {
            let block = page.blocks[blockIndex]
            if weights[blockIndex].paragraphLike && block.role == .paragraph && block.linkChars * 10 < block.chars {
                guard !underExcludedHint(block, elements), sharesAncestor(Int(block.element), ancestors, elements) else { break }
                lead.append(blockIndex)
            } else if block.chars >= 60 || block.role == .heading {
                break
            }
            blockIndex -= 1
        }
        return lead.reversed()
    }

    private func sharesAncestor(_ element: Int, _ ancestors: [Int], _ elements: [PageModel.Element]) -> Bool {
        var index = element
        var steps = 0
        while index >= 0 && steps < 8 {
            if ancestors.dropFirst().contains(index) { return true }
            index = Int(elements[index].parent)
            steps += 1
        }
        return false
    }

    /// Under a hint that a lead never carries (comments, ads, appeals, legal notices, captions, hidden).
    private func underExcludedHint(_ block: PageModel.Block, _ elements: [PageModel.Element]) -> Bool {
        var index = Int(block.element)
        var steps = 0
        while index >= 0 && steps < 50 {
            switch elements[index].hint {
            case .comments, .ad, .appeal, .legal, .caption, .hidden, .byline, .authorBio: return true
            default: break
            }
            index = Int(elements[index].parent)
            steps += 1
        }
        return false
    }

    /// Among the separate `<article>` elements of a container, the one with the h1, when only one has it.
    private func articleHoldingHeadline(_ page: PageModel, container: Int, underBoilerplate: [Bool], good: [Float]) -> Int {
        let elements = page.elements
        let end = Int(elements[container].endBlock)
        var articles: [Int] = []
        var index = container + 1
        // Elements of the subtree follow the container until one starts after its last block.
        while index < elements.count, isDescendant(index, of: container, elements) {
            if elements[index].tag == .article, !articles.contains(where: { isDescendant(index, of: $0, elements) }) {
                articles.append(index)
            }
            index += 1
            if articles.count > 20 { break }
        }
        guard articles.count >= 2, end > 0 else { return container }
        let withHeading = articles.filter { article in
            page.marks.contains { $0.kind == .h1 && ($0.element == Int32(article) || isDescendant(Int($0.element), of: article, elements)) }
        }
        guard withHeading.count == 1, let chosen = withHeading.first, good[chosen] > 0 else { return container }
        return chosen
    }

    /// Elements of the container's tag and class that each hold paragraph text, not nested in one
    /// another, at least `minimumPosts` of them, that add `postsGoodFactor` times the container's
    /// paragraph text and hold `postsShareOfAncestor` of their common ancestor's: a thread's posts.
    /// Replies marked as comments count: a news story's body never shares its comments' markup.
    /// `good` is paragraph text per subtree before hints.
    private func repeatedPosts(_ page: PageModel, container: Int, underOtherBoilerplate: [Bool],
                               good: [Float]) -> (ancestor: Int, posts: [Int])? {
        let elements = page.elements
        let kind = elements[container]
        guard kind.classHash != 0 else { return nil }
        var posts: [Int] = []
        var postsGood: Float = 0
        var lastEnd: Int32 = -1
        for index in elements.indices where elements[index].classHash == kind.classHash && elements[index].tag == kind.tag {
            let element = elements[index]
            guard !underOtherBoilerplate[index], good[index] > 0, element.firstBlock >= lastEnd else { continue }
            posts.append(index)
            postsGood += good[index]
            lastEnd = element.endBlock
        }
        // A story's body is several times longer than any reader comment sharing its markup; posts compare.
        let longestOther = posts.filter { $0 != container }.map { good[$0] }.max() ?? 0
        guard posts.count >= options.minimumPosts, postsGood >= options.postsGoodFactor * good[container],
              good[container] <= options.postLengthRatio * longestOther, let last = posts.last else { return nil }
        var ancestor = Int(elements[posts[0]].parent)
        while ancestor >= 0 && elements[ancestor].endBlock < elements[last].endBlock {
            ancestor = Int(elements[ancestor].parent)
        }
        guard ancestor >= 0, !underOtherBoilerplate[ancestor], postsGood >= options.postsShareOfAncestor * good[ancestor] else {
            return nil
        }
        return (ancestor, posts)
    }

    private func isDescendant(_ index: Int, of ancestor: Int, _ elements: [PageModel.Element]) -> Bool {
        var current = Int(elements[index].parent)
        while current > ancestor { current = Int(elements[current].parent) }
        return current == ancestor
    }

    // MARK: Blocks

    private func weigh(_ block: PageModel.Block) -> Weight {
        let length = Float(block.chars)
        let density = length > 0 ? Float(block.linkChars) / length : 0
        if block.role == .heading || block.role == .caption {
            let teaser = density > 0.5 && length >= 25 ? options.linkedTitlePenalty : 0
            return Weight(good: 0, bad: density > 0.5 ? length * 0.5 + teaser : 0, all: length, paragraphLike: false)
        }
        let sentences = block.endsWithStop || block.stops > 0
        let paragraphLike = density < 0.34
            && (length >= 80 || (length >= 25 && sentences && block.role != .listItem) || (length >= 40 && sentences))
        if paragraphLike {
            // List items weigh less: teaser lists are lists, articles are mostly paragraphs.
            let share: Float = block.role == .listItem ? options.listItemGoodShare : 1
            return Weight(good: length * (1 - density) * share, bad: length * density, all: length, paragraphLike: true)
        }
        if density > 0.5 {
            // A linked line long enough to be a headline is likely a teaser of another page.
            let teaser = length >= 25 ? options.linkedTitlePenalty : 0
            return Weight(good: 0, bad: length + teaser, all: length, paragraphLike: false)
        }
        return Weight(good: 0, bad: length * options.shortTextBadWeight, all: length, paragraphLike: false)
    }

    func kind(of block: PageModel.Block) -> Paragraph.Kind {
        switch block.role {
        case .heading: return .subheading
        case .listItem: return .listItem
        case .quote: return .quote
        case .tableRow: return .table
        default: return .body
        }
    }

    /// The kind of the innermost boilerplate element between the container and the block.
    private func boilerplateAbove(_ block: PageModel.Block, container: Int, elements: [PageModel.Element],
                                  effective: [ContentHint], allowingComments: Bool) -> BlockKind? {
        var index = Int(block.element)
        var found: BlockKind?
        while index > container {
            if effective[index].isBoilerplate, found == nil, !(allowingComments && effective[index] == .comments) {
                found = effective[index].removedKind
            }
            index = Int(elements[index].parent)
        }
        return found
    }

    private func removalKind(_ block: PageModel.Block, weight: Weight, text: String, titleKey: String?) -> BlockKind? {
        if block.role == .caption { return .caption }
        if block.role == .heading {
            if block.headingLevel == 1 { return .headline }
            if let titleKey, Self.comparable(text) == titleKey { return .headline }
        }
        let length = block.chars
        if length > 0, Float(block.linkChars) > 0.5 * Float(length) {
            return length > 40 ? .related : .chrome
        }
        if length <= 120, let kind = BoilerplatePhrases.kind(of: text, chars: Int(length)) { return kind }
        return nil
    }

    private func isTrimmable(_ block: PageModel.Block, _ weight: Weight) -> Bool {
        if weight.paragraphLike { return false }
        if block.role == .heading { return true }
        return block.chars < 60 && !block.endsWithStop
    }

    /// A home or section page: many linked headlines with short teasers between them.
    private func looksLikeListing(_ page: PageModel, kept: [Int], weights: [Weight]) -> Bool {
        var linkedHeadings = 0
        var paragraphs = 0
        var paragraphChars: Float = 0
        for index in kept {
            let block = page.blocks[index]
            if block.role == .heading, block.linkChars * 2 > block.chars { linkedHeadings += 1 }
            if weights[index].paragraphLike {
                paragraphs += 1
                paragraphChars += weights[index].all
            }
        }
        guard linkedHeadings >= 4 else { return false }
        let averageParagraph = paragraphs > 0 ? paragraphChars / Float(paragraphs) : 0
        return linkedHeadings * 2 >= paragraphs && averageParagraph < 220
    }

    private func record(_ removed: inout [RemovedBlock], _ kind: BlockKind, _ text: String) {
        guard removed.count < options.maximumRemovedBlocks, !text.isEmpty else { return }
        removed.append(RemovedBlock(kind: kind, text: text))
    }

    /// Lowercased letters and digits only, for comparing a heading with the title.
    static func comparable(_ text: String) -> String {
        var copy = text
        let ascii = copy.withUTF8 { bytes -> String? in
            guard !bytes.contains(where: { $0 >= 128 }) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            for byte in bytes {
                let lower = byte | 0x20
                if byte >= 48 && byte <= 57 { out.append(byte) } else if lower >= 97 && lower <= 122 { out.append(lower) }
            }
            return String(decoding: out, as: UTF8.self)
        }
        return ascii ?? String(String.UnicodeScalarView(text.lowercased().unicodeScalars.filter(\.isLetterOrDigit)))
    }
}
