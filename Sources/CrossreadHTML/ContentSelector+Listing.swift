import CrossreadCore

extension ContentSelector {
    /// The main content of a page that holds no article (a listing, a product grid, a category
    /// page): the element whose text, outside boilerplate-hinted subtrees, best outweighs its short
    /// lines, with its blocks minus those subtrees and chrome phrases. Empty when that is
    /// less than `listingMinimumChars` or fewer than three blocks (an error page stays empty).
    func listingBlocks(_ page: PageModel) -> [(text: String, kind: Paragraph.Kind)] {
        let elements = page.elements
        guard !elements.isEmpty, !page.blocks.isEmpty else { return [] }
        // Characters per subtree: a class word's hint on an element holding most of the page's text
        // is its layout (a tag's or role's hint, a nav or a footer, stays).
        var subtreeChars = [Float](repeating: 0, count: elements.count)
        for block in page.blocks where block.element >= 0 { subtreeChars[Int(block.element)] += Float(block.chars) }
        for index in stride(from: elements.count - 1, through: 1, by: -1) where elements[index].parent >= 0 {
            subtreeChars[Int(elements[index].parent)] += subtreeChars[index]
        }
        let pageChars = elements.indices.filter { elements[$0].parent < 0 }.reduce(Float(0)) { $0 + subtreeChars[$1] }
        // Teasers of other pages are a listing's content; bylines and dates belong to its items.
        var excluded = [Bool](repeating: false, count: elements.count)
        var underExcluded = [Bool](repeating: false, count: elements.count)
        for index in elements.indices {
            let hint = elements[index].hint
            excluded[index] = hint.isBoilerplate && hint != .related && hint != .byline && hint != .dateline
                && (elements[index].hintWord == 0 || subtreeChars[index] <= options.hintOverrideShare * pageChars)
            let parent = Int(elements[index].parent)
            underExcluded[index] = excluded[index] || (parent >= 0 && underExcluded[parent])
        }
        var value = [Float](repeating: 0, count: elements.count)
        for block in page.blocks where block.element >= 0 {
            let chars = Float(block.chars)
            value[Int(block.element)] += block.role == .heading ? chars : chars - options.listingShortLineChars
        }
        var best = -1
        var bestValue: Float = 0
        for index in stride(from: elements.count - 1, through: 0, by: -1) {
            if value[index] > bestValue, !underExcluded[index] {
                bestValue = value[index]
                best = index
            }
            let parent = Int(elements[index].parent)
            guard parent >= 0 else { continue }
            // A hinted subtree is cut from the output: it costs its parent a little of its text.
            value[parent] += excluded[index] ? -options.hintedBadWeight * abs(value[index]) : value[index]
        }
        guard best >= 0 else { return [] }
        var kept: [(text: String, kind: Paragraph.Kind)] = []
        var chars = 0
        for blockIndex in Int(elements[best].firstBlock)..<Int(elements[best].endBlock) {
            let block = page.blocks[blockIndex]
            var index = Int(block.element)
            var hinted = false
            while index > best {
                if excluded[index] { hinted = true; break }
                index = Int(elements[index].parent)
            }
            guard !hinted, block.role != .caption else { continue }
            let text = page.string(block)
            if block.chars <= 120, let kind = BoilerplatePhrases.kind(of: text, chars: Int(block.chars)),
               kind != .byline, kind != .dateline { continue }
            kept.append((text, kind(of: block)))
            chars += Int(block.chars)
        }
        guard kept.count >= 3, Float(chars) >= options.listingMinimumChars else { return [] }
        return kept
    }
}
