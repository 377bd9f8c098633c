import CrossreadCore

/// The rules that run after the tagger over one text, in this order:
/// 1. trim possessives, quotes and punctuation off span ends; drop names of agreements and events
///    ("Abraham Accords"); split titles off person names; split two gazetteer names joined by
///    "of the" ("Oval Office of the White House");
/// 2. headlines (Title Case, capitals): drop tagger spans made of ordinary words;
/// 3. gazetteer: groups ("Israeli"), places, organizations and platforms the tagger missed or mistyped;
///    a known first name and the capitalized words after it are a person;
/// 4. hyphenated pairs of known names ("Netanyahu-Trump", "U.S.-Israel") become two mentions;
/// 5. a name followed by its initials in parentheses is one mention, and so are the initials;
///    business names keep their possessive ("Del Frisco's", "McDonald s"); US state codes in
///    addresses are places; document consistency: one type per name, a surname takes its full
///    name's type, names missed elsewhere (headlines, lower case) are added;
/// 6. religious honorifics stay in the name ("Sheikh Ahmed Yassin"); titles and roles before
///    person names ("Minister of Strategic Affairs Ron Dermer");
/// 7. amounts and percentages.
struct EntityRules {
    let bytes: UnsafeBufferPointer<UInt8>
    let tokens: [Token]
    let sentences: [Range<Int>]
    let profiles: [TokenProfile]
    let gazetteer: Gazetteer
    /// Sentence casing for every token.
    var modes: [EntityFeatures.SentenceCase] = []
    /// Index of the sentence each token is in.
    var sentenceOf: [Int32] = []

    init(bytes: UnsafeBufferPointer<UInt8>, tokens: [Token], sentences: [Range<Int>], profiles: [TokenProfile], gazetteer: Gazetteer) {
        self.bytes = bytes
        self.tokens = tokens
        self.sentences = sentences
        self.profiles = profiles
        self.gazetteer = gazetteer
        modes = [EntityFeatures.SentenceCase](repeating: .normal, count: tokens.count)
        sentenceOf = [Int32](repeating: 0, count: tokens.count)
        for (index, sentence) in sentences.enumerated() {
            let mode = EntityFeatures.sentenceCase(profiles, tokens, sentence)
            for k in sentence {
                modes[k] = mode
                sentenceOf[k] = Int32(index)
            }
        }
    }

    mutating func apply(to tagged: [EntityCandidate]) -> [EntityCandidate] {
        var candidates: [EntityCandidate] = []
        for var candidate in tagged {
            trimEnds(&candidate)
            trimLeadingCommonWords(&candidate)
            guard !candidate.tokens.isEmpty, !namesAWork(candidate) else { continue }
            extendWithPlacePrefix(&candidate)
            extendWithSuffixWord(&candidate)
            if candidate.type == .organization, endsWithPlaceWord(candidate) {
                candidate.type = .place
            } else if candidate.type != .organization, endsWithOrganizationWord(candidate) {
                candidate.type = .organization
            }
            candidates += splitJoinedNames(candidate).flatMap(splitPerson)
        }
        candidates = dropHeadlineWords(candidates)
        candidates = applyGazetteer(candidates)
        candidates = completePersonNames(candidates)
        candidates = splitHyphenatedPairs(candidates)
        candidates = addDefinedAcronyms(candidates)
        candidates = keepBusinessPossessives(candidates)
        candidates = stateCodes(candidates)
        candidates = makeConsistent(candidates)
        candidates = keepHonorifics(candidates)
        let covered = coverage(candidates)
        for index in candidates.indices where candidates[index].type == .person {
            attachRole(&candidates[index], covered: covered)
        }
        candidates += amounts(excluding: candidates)
        return candidates.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }

    // MARK: Helpers

    func text(_ range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        let bytesRange = tokens[range.lowerBound].range.lowerBound..<tokens[range.upperBound - 1].range.upperBound
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[bytesRange]), as: UTF8.self)
    }

    @inline(__always) func lexicon(_ k: Int) -> Gazetteer.Kinds { Gazetteer.Kinds(rawValue: profiles[k].lexicon) }
    @inline(__always) func phrase(_ k: Int) -> Gazetteer.Kinds { Gazetteer.Kinds(rawValue: profiles[k].phrase) }
    @inline(__always) func isCapitalized(_ k: Int) -> Bool { TokenProfile.isCapital(profiles[k].casing) }
    @inline(__always) func isWord(_ k: Int) -> Bool { tokens[k].kind == .word }

    /// Token `k` is the one byte `byte` ("(", ",", "&").
    @inline(__always)
    func isByte(_ k: Int, _ byte: UInt8) -> Bool {
        tokens[k].range.count == 1 && bytes[tokens[k].range.lowerBound] == byte
    }

    /// Lower-cased word equals `word` (ASCII).
    @inline(__always)
    func isWord(_ k: Int, _ word: StaticString) -> Bool {
        let r = tokens[k].range
        guard r.count == word.utf8CodeUnitCount else { return false }
        let w = word.utf8Start
        for i in 0..<r.count where bytes[r.lowerBound + i].asciiLowercased != w[i] { return false }
        return true
    }

    /// A word common in lower case that is not usually written capitalized ("Warm", "Call").
    @inline(__always)
    func isOrdinaryWord(_ k: Int) -> Bool {
        let p = profiles[k]
        guard tokens[k].kind == .word, p.commonLower else { return false }
        let capitalization = p.casingStats >> 4
        return capitalization == 0 || capitalization <= 8
    }

    /// Hash of the tokens `range` as a name, case kept or folded.
    func nameHash(_ range: Range<Int>, folded: Bool) -> UInt64 {
        Gazetteer.phraseHash(bytes, tokens, range, lowercased: folded)
    }

    /// Drops possessive endings, punctuation, quotes, dashes and hyphens at either end of a span.
    func trimEnds(_ candidate: inout EntityCandidate) {
        var r = candidate.tokens
        while !r.isEmpty, isTrimmable(tokens[r.upperBound - 1]) { r = r.lowerBound..<(r.upperBound - 1) }
        while !r.isEmpty, isTrimmable(tokens[r.lowerBound]) { r = (r.lowerBound + 1)..<r.upperBound }
        candidate.tokens = r
    }

    /// "state Department of Transport" -> "Department of Transport": common lower-case words before the
    /// capitalized part of a name are not part of it (in ordinary sentences; a lower-case text keeps them).
    func trimLeadingCommonWords(_ candidate: inout EntityCandidate) {
        var r = candidate.tokens
        guard r.count > 1, modes[r.lowerBound] == .normal else { return }
        while r.count > 1, isWord(r.lowerBound), profiles[r.lowerBound].casing == .lower, profiles[r.lowerBound].commonLower {
            r = (r.lowerBound + 1)..<r.upperBound
        }
        guard r != candidate.tokens, isCapitalized(r.lowerBound) else { return }
        candidate.tokens = r
    }

    func isTrimmable(_ token: Token) -> Bool {
        switch token.kind {
        case .possessive, .quote, .hyphen, .dash, .symbol, .punctuation, .link: return true
        case .word, .number: return false
        }
    }

    /// Marks which tokens the candidates cover.
    func coverage(_ candidates: [EntityCandidate]) -> [Bool] {
        var covered = [Bool](repeating: false, count: tokens.count)
        for c in candidates { for k in c.tokens { covered[k] = true } }
        return covered
    }

    // MARK: 1. Spans to drop, retype or split

    /// "Abraham Accords", "Affordable Care Act": the name of a work or event, not of a person or body.
    func namesAWork(_ candidate: EntityCandidate) -> Bool {
        candidate.tokens.count > 1 && lexicon(candidate.tokens.upperBound - 1).contains(.workSuffix)
            && isCapitalized(candidate.tokens.upperBound - 1)
    }

    /// A name followed by a capitalized place or organization word names that place or body:
    /// "Trump Tower" is a place, "Trump Organization" an organization, not the person.
    func extendWithSuffixWord(_ candidate: inout EntityCandidate) {
        var end = candidate.tokens.upperBound
        var kinds: Gazetteer.Kinds = []
        while end < sentenceEnd(candidate.tokens.lowerBound), tokens[end].gap == .space, isWord(end), isCapitalized(end) {
            let lexiconKinds = lexicon(end)
            guard lexiconKinds.contains(.placeSuffix) || lexiconKinds.contains(.organizationSuffix) else { break }
            kinds = lexiconKinds
            end += 1
        }
        guard end > candidate.tokens.upperBound else { return }
        candidate.tokens = candidate.tokens.lowerBound..<end
        candidate.type = kinds.contains(.organizationSuffix) ? .organization : .place
    }

    /// "Port Carrow", "Fort Worth", "Lake Placid": a capitalized place word before a name makes it a
    /// place, also when the tagger left that word out (at the start of a sentence, say).
    func extendWithPlacePrefix(_ candidate: inout EntityCandidate) {
        let start = candidate.tokens.lowerBound
        if start > 0, tokens[start].gap == .space, isPlacePrefix(start - 1), sentenceOf[start - 1] == sentenceOf[start] {
            candidate.tokens = (start - 1)..<candidate.tokens.upperBound
            candidate.type = .place
        } else if candidate.tokens.count > 1, isPlacePrefix(start), candidate.type == .person {
            candidate.type = .place
        }
    }

    func isPlacePrefix(_ k: Int) -> Bool {
        isWord(k) && profiles[k].casing == .capitalized
            && (isWord(k, "port") || isWord(k, "fort") || isWord(k, "mount") || isWord(k, "lake") || isWord(k, "cape"))
    }

    /// "Tessel Lines", "The Valley Post": a name ending in a capitalized organization word names that
    /// body, unless it is a known place ("West Bank") or starts with a first name ("Emily Post").
    func endsWithOrganizationWord(_ candidate: EntityCandidate) -> Bool {
        let r = candidate.tokens
        guard r.count > 1, isCapitalized(r.upperBound - 1), !lexicon(r.lowerBound).contains(.firstName) else { return false }
        let last = lexicon(r.upperBound - 1)
        guard last.contains(.organizationSuffix), !last.contains(.placeSuffix) else { return false }
        if let match = gazetteer.longestMatch(bytes, tokens, at: r.lowerBound, limit: r.upperBound), match.tokens == r,
           match.kinds.contains(.place) { return false }
        return true
    }

    /// "Egyptian Theatre", "Nationals Park": a building or place, not an organization.
    func endsWithPlaceWord(_ candidate: EntityCandidate) -> Bool {
        let last = lexicon(candidate.tokens.upperBound - 1)
        return candidate.tokens.count > 1 && last.contains(.placeSuffix) && !last.contains(.organizationSuffix)
    }

    /// Two gazetteer names joined by lower-case words become two mentions
    /// ("Oval Office of the White House" -> "Oval Office", "White House").
    func splitJoinedNames(_ candidate: EntityCandidate) -> [EntityCandidate] {
        let r = candidate.tokens
        guard r.count >= 4, let head = gazetteer.longestMatch(bytes, tokens, at: r.lowerBound, limit: r.upperBound),
              head.tokens.upperBound < r.upperBound, let headType = gazetteerType(head.kinds) else { return [candidate] }
        var k = head.tokens.upperBound
        while k < r.upperBound, isWord(k), profiles[k].casing == .lower { k += 1 }
        guard k > head.tokens.upperBound, k < r.upperBound,
              let tail = gazetteer.longestMatch(bytes, tokens, at: k, limit: r.upperBound), tail.tokens.upperBound == r.upperBound,
              let tailType = gazetteerType(tail.kinds) else { return [candidate] }
        return [EntityCandidate(tokens: head.tokens, type: headType, fromTagger: false),
                EntityCandidate(tokens: tail.tokens, type: tailType, fromTagger: false)]
    }

    // MARK: Person spans holding a title or a place

    /// "President-elect Donald Trump" -> "Donald Trump"; "Israeli Prime Minister Benjamin Netanyahu"
    /// -> group "Israeli" and "Benjamin Netanyahu" (the role is attached later, from the tokens before).
    func splitPerson(_ candidate: EntityCandidate) -> [EntityCandidate] {
        guard candidate.type == .person, candidate.tokens.count > 1 else { return [candidate] }
        let r = candidate.tokens
        var lastTitle = -1
        for k in r.lowerBound..<(r.upperBound - 1) where lexicon(k).contains(.role) && isCapitalized(k) {
            lastTitle = k
        }
        guard lastTitle >= 0 else { return [candidate] }
        var nameStart = lastTitle + 1
        while nameStart < r.upperBound, !isWord(nameStart) || lexicon(nameStart).contains(.roleModifier) && !isCapitalized(nameStart) {
            nameStart += 1  // "President - elect Donald Trump"
        }
        guard nameStart < r.upperBound else { return [candidate] }
        var result: [EntityCandidate] = []
        var k = r.lowerBound
        while k < lastTitle {
            if phrase(k).contains(.group) || phrase(k).contains(.place), let match = gazetteer.longestMatch(bytes, tokens, at: k, limit: lastTitle) {
                let type: EntityType = match.kinds.contains(.group) ? .group : .place
                result.append(EntityCandidate(tokens: match.tokens, type: type, fromTagger: false))
                k = match.tokens.upperBound
            } else {
                k += 1
            }
        }
        var person = candidate
        person.tokens = nameStart..<r.upperBound
        result.append(person)
        return result
    }

    /// Religious honorifics written as part of a name: "Sheikh Ahmed Yassin", "Ayatollah Ali Khamenei".
    static let honorifics: [StaticString] = ["sheikh", "shaikh", "sheik", "ayatollah", "mullah"]

    func isHonorific(_ k: Int) -> Bool {
        isWord(k) && isCapitalized(k) && EntityRules.honorifics.contains { isWord(k, $0) }
    }

    /// A person's name takes back the honorific written before it (which `splitPerson` split off as
    /// a title), and the honorific is also the mention's role.
    func keepHonorifics(_ candidates: [EntityCandidate]) -> [EntityCandidate] {
        let covered = coverage(candidates)
        return candidates.map { c in
            let start = c.tokens.lowerBound
            guard c.type == .person, start > 0, !covered[start - 1], tokens[start].gap <= .space,
                  sentenceOf[start - 1] == sentenceOf[start], isHonorific(start - 1) else { return c }
            var extended = c
            extended.tokens = (start - 1)..<c.tokens.upperBound
            extended.role = text((start - 1)..<start)
            return extended
        }
    }

    // MARK: 2. Headlines

    /// In Title Case or all-capitals sentences, tagger spans holding an ordinary word are dropped
    /// unless the gazetteer knows the name or the body of the text names it the same way.
    func dropHeadlineWords(_ candidates: [EntityCandidate]) -> [EntityCandidate] {
        var bodyNames = HashIndex(capacity: candidates.count)
        for c in candidates where modes[c.tokens.lowerBound] == .normal {
            bodyNames.set(nameHash(c.tokens, folded: true), 1)
        }
        return candidates.filter { c in
            let mode = modes[c.tokens.lowerBound]
            guard mode == .title || mode == .upper, c.fromTagger else { return true }
            if bodyNames.contains(nameHash(c.tokens, folded: true)) { return true }
            if let match = gazetteer.longestMatch(bytes, tokens, at: c.tokens.lowerBound, limit: c.tokens.upperBound),
               match.tokens == c.tokens { return true }
            return !c.tokens.contains { isOrdinaryWord($0) }
        }
    }
}
