import CrossreadCore

/// Finds who is speaking near a quote: entity mentions, "he"/"she", "the prime minister", and
/// unnamed speakers ("a senior official"), with a subject preference; resolves pronouns and roles
/// to the right person from context.
struct SpeakerResolver {
    /// A mention with its token range.
    struct MentionRef {
        var mention: EntityMention
        var tokens: Range<Int>
    }

    /// Something in the text that may be the speaker.
    struct Candidate {
        enum Kind {
            case mention(Int)
            case pronoun(PersonGender)
            /// "it" or "they" speaking for an organization ("“...,” it said in a statement").
            case organizationPronoun
            case role
            case descriptor
            /// "the actor", "the 56-year-old", "the singer and guitarist": a person named before.
            case personDescriptor(PersonGender)
        }
        var kind: Kind
        var tokens: Range<Int>

        var isPronoun: Bool {
            switch kind {
            case .pronoun, .organizationPronoun: return true
            default: return false
            }
        }
    }

    /// A resolved speaker: an entity id when one is known, and the name to show.
    struct Speaker {
        var entity: String?
        var name: String?
        /// The tokens of a name recognition missed ("Lt. Hastings said"), to become an entity.
        var nameTokens: Range<Int>? = nil
        /// The type that entity takes, when the words around the name tell it.
        var nameType: EntityType? = nil
    }

    let text: FinderText
    let mentions: [MentionRef]
    let entities: [String: Entity]
    /// Token ranges of sentences, in order.
    let sentences: [Range<Int>]
    /// Token ranges inside quotes: their mentions are what was said, not who said it.
    let quoted: [Range<Int>]
    /// Genders first names give, by the hash of the surname they come with.
    let genderBySurname: [UInt64: PersonGender]

    init(text: FinderText, mentions: [EntityMention], entities: [Entity], sentences: [Range<Int>], quoted: [Range<Int>]) {
        self.text = text
        var byID: [String: Entity] = [:]
        for entity in entities { byID[entity.id] = entity }
        self.entities = byID
        self.sentences = sentences
        self.quoted = quoted
        let refs = mentions.sorted { $0.range.lowerBound < $1.range.lowerBound }.compactMap { mention -> MentionRef? in
            let start = text.firstToken(atOrAfter: mention.range.lowerBound)
            let end = text.firstToken(atOrAfter: mention.range.upperBound)
            guard end > start else { return nil }
            var mention = mention
            if let type = byID[mention.entity]?.type { mention.type = type }
            return MentionRef(mention: mention, tokens: start..<end)
        }
        let completed = SpeakerResolver.completingPersons(refs, text: text)
        self.mentions = completed
        var genders: [UInt64: PersonGender] = [:]
        text.bytes.withUnsafeBufferPointer { bytes in
            for ref in completed where ref.mention.type == .person && ref.tokens.count >= 2 {
                guard let gender = PersonGender.firstNames.value(text.bytes, text.tokens[ref.tokens.lowerBound].range) else { continue }
                genders[ByteHash.hash(bytes, text.tokens[ref.tokens.upperBound - 1].range, lowercased: false)] = gender
            }
        }
        self.genderBySurname = genders
    }

    /// A person named once in full is often named again by surname alone where recognition missed it
    /// or gave it another type ("Netanyahu stated"). Single capitalized words equal to a person
    /// mention's surname become mentions of that person.
    static func completingPersons(_ refs: [MentionRef], text: FinderText) -> [MentionRef] {
        var surnames: [UInt64: String] = [:]
        text.bytes.withUnsafeBufferPointer { bytes in
            for ref in refs where ref.mention.type == .person {
                let last = ref.tokens.upperBound - 1
                guard text.isCapitalized(last) else { continue }
                let key = ByteHash.hash(bytes, text.tokens[last].range, lowercased: false)
                if surnames[key] == nil { surnames[key] = ref.mention.entity }
            }
        }
        guard !surnames.isEmpty else { return refs }
        var result: [MentionRef] = []
        result.reserveCapacity(refs.count + 8)
        var next = 0
        text.bytes.withUnsafeBufferPointer { bytes in
            var t = 0
            while t < text.count {
                if next < refs.count, refs[next].tokens.lowerBound <= t {
                    var ref = refs[next]
                    if ref.mention.type != .person, ref.tokens.count == 1,
                       let entity = surnames[ByteHash.hash(bytes, text.tokens[t].range, lowercased: false)] {
                        ref.mention.type = .person
                        ref.mention.entity = entity
                    }
                    result.append(ref)
                    t = max(t + 1, ref.tokens.upperBound)
                    next += 1
                    continue
                }
                if text.isCapitalized(t), text.kind(t + 1) != .hyphen, !(t > 0 && text.kind(t - 1) == .hyphen),
                   let entity = surnames[ByteHash.hash(bytes, text.tokens[t].range, lowercased: false)] {
                    result.append(MentionRef(mention: EntityMention(range: text.tokens[t].range, type: .person, entity: entity),
                                             tokens: t..<(t + 1)))
                }
                t += 1
            }
        }
        return result
    }

    // MARK: - Candidates

    /// Speaker candidates whose tokens lie in `window`, in text order.
    func candidates(in window: Range<Int>) -> [Candidate] {
        guard !window.isEmpty else { return [] }
        var found: [Candidate] = []
        var covered = Set<Int>()
        let inWindow = mentions(in: window)
        for index in inWindow.indices where mentions[index].tokens.upperBound <= window.upperBound {
            let ref = mentions[index]
            guard !isQuoted(ref.tokens.lowerBound) else { continue }
            switch ref.mention.type {
            case .person, .organization, .place, .group:
                // "Netanyahu’s office": the office speaks, not Netanyahu.
                if text.kind(ref.tokens.upperBound) == .possessive, ref.tokens.upperBound + 1 < window.upperBound,
                   text.token(ref.tokens.upperBound + 1, isOneOf: SpeechLexicon.documents) {
                    // "Willoughby’s letter continued": the letter's author speaks.
                    found.append(Candidate(kind: .mention(index), tokens: ref.tokens.lowerBound..<(ref.tokens.upperBound + 2)))
                } else if text.kind(ref.tokens.upperBound) == .possessive, ref.tokens.upperBound + 1 < window.upperBound,
                   text.token(ref.tokens.upperBound + 1, isOneOf: SpeechLexicon.speakerNouns) {
                    found.append(Candidate(kind: .descriptor, tokens: ref.tokens.lowerBound..<(ref.tokens.upperBound + 2)))
                } else {
                    found.append(Candidate(kind: .mention(index), tokens: ref.tokens))
                }
                for t in ref.tokens { covered.insert(t) }
            case .amount, .percent:
                continue
            }
        }
        var t = window.lowerBound
        while t < window.upperBound {
            defer { t += 1 }
            guard text.isWord(t), !covered.contains(t), !isQuoted(t) else { continue }
            if text.token(t, is: "he") {
                found.append(Candidate(kind: .pronoun(.male), tokens: t..<(t + 1)))
            } else if text.token(t, is: "she") {
                found.append(Candidate(kind: .pronoun(.female), tokens: t..<(t + 1)))
            } else if text.token(t, is: "it") || text.token(t, is: "they"), t + 1 < window.upperBound + 1,
                      isCue(t + 1) || isCue(t + 2) && text.isWord(t + 1) && !text.isCapitalized(t + 1) {
                // Only right before a reporting verb: "it said", "they also said".
                found.append(Candidate(kind: .organizationPronoun, tokens: t..<(t + 1)))
            } else if text.token(t, is: "the"), let end = roleEnd(after: t), end <= window.upperBound, !covered.contains(end) {
                found.append(Candidate(kind: .role, tokens: t..<end))
                t = end - 1
            } else if text.token(t, is: "the"), let (end, gender) = personDescriptorEnd(after: t), end <= window.upperBound,
                      !covered.contains(end - 1) {
                found.append(Candidate(kind: .personDescriptor(gender), tokens: t..<end))
                t = end - 1
            } else if let end = descriptorEnd(from: t), end <= window.upperBound {
                found.append(Candidate(kind: .descriptor, tokens: t..<end))
                t = end - 1
            }
        }
        found.sort { $0.tokens.lowerBound < $1.tokens.lowerBound }
        // The head of "the 36-year-old Klitschko", "the former president Donald Trump" and "White
        // House Press Secretary Stephanie Grisham" is the person: the words before only describe them.
        return found.filter { !describesPerson($0) }
    }

    /// True when the candidate only modifies a person mention that follows it in the same noun
    /// phrase: a description ending right at the name, or an organization, place or group followed
    /// by title words and the name ("Greek President Carolos Papoulias").
    func describesPerson(_ candidate: Candidate) -> Bool {
        var t = candidate.tokens.upperBound
        switch candidate.kind {
        case .pronoun, .organizationPronoun: return false
        case .role, .personDescriptor, .descriptor:
            break
        case .mention(let index):
            let type = mentions[index].mention.type
            guard type == .organization || type == .place || type == .group else { return false }
            var steps = 0
            while steps < 4, text.isWord(t), text.tokens[t].gap == .space, !isPersonMentionStart(t),
                  text.isCapitalized(t) ? !text.token(t, isOneOf: SpeechLexicon.prepositions)
                    : text.token(t, isOneOf: SpeechLexicon.roles) || text.token(t, isOneOf: SpeechLexicon.roleModifiers)
                        || text.token(t, isOneOf: SpeechLexicon.speakerNouns) || text.token(t, isOneOf: SpeechLexicon.unnamedSpeakers)
                        || SpeechLexicon.personNouns.value(text.bytes, text.tokens[t].range) != nil {
                t += 1
                steps += 1
            }
        }
        return t < text.count && text.tokens[t].gap == .space && isPersonMentionStart(t)
    }

    private func isPersonMentionStart(_ t: Int) -> Bool {
        guard let ref = mentionStarting(at: t) else { return false }
        return ref.mention.type == .person && !isQuoted(t)
    }

    /// True when an entity mention covers token `t`.
    func isInMention(_ t: Int) -> Bool {
        // Mentions are a few tokens long: one starting up to 12 tokens before covers any that can.
        mentions(in: max(0, t - 12)..<(t + 1)).contains { $0.tokens.contains(t) }
    }

    private func isCue(_ t: Int) -> Bool {
        guard text.isWord(t), !text.isCapitalized(t) else { return false }
        return SpeechLexicon.cues.value(text.bytes, text.tokens[t].range) == .speech
    }

    private func isQuoted(_ t: Int) -> Bool {
        var low = 0
        var high = quoted.count
        while low < high {
            let mid = (low + high) / 2
            if quoted[mid].upperBound <= t { low = mid + 1 } else { high = mid }
        }
        return low < quoted.count && quoted[low].contains(t)
    }

    /// "the [former] prime minister": the token after the role, when `the` at `t` starts one.
    private func roleEnd(after t: Int) -> Int? {
        var j = t + 1
        var modifiers = 0
        while modifiers < 3, text.isWord(j), text.token(j, isOneOf: SpeechLexicon.roleModifiers) || isNationality(j) {
            j += 1
            modifiers += 1
        }
        guard text.isWord(j), text.token(j, isOneOf: SpeechLexicon.roles) else { return nil }
        j += 1
        // Two-word roles: "prime minister", "foreign minister", "secretary general".
        if text.isWord(j), text.token(j, isOneOf: SpeechLexicon.roles), !text.isCapitalized(j) || text.isCapitalized(j - 1) { j += 1 }
        // "the president of the United States": the role's complement belongs to it.
        return j
    }

    /// "the [36-year-old] [Ukrainian] champion", "the singer and guitarist", "the 56-year-old": the end
    /// of a definite description of a person at `t` ("the"), and the gender its noun gives.
    private func personDescriptorEnd(after t: Int) -> (Int, PersonGender)? {
        var j = t + 1
        var age: Int? = nil
        while j < text.count, j <= t + 8, text.tokens[j].gap < .line {
            if text.isWord(j) {
                if !text.isCapitalized(j), let gender = SpeechLexicon.personNouns.value(text.bytes, text.tokens[j].range) {
                    var end = j + 1
                    if text.token(end, is: "and"), text.isWord(end + 1), !text.isCapitalized(end + 1),
                       SpeechLexicon.personNouns.value(text.bytes, text.tokens[end + 1].range) != nil {
                        end += 2
                    }
                    return (end, gender)
                }
                if text.token(j, is: "old"), text.kind(j - 1) == .hyphen, text.token(j - 2, is: "year") {
                    age = j + 1
                } else if text.isCapitalized(j) ? !isNationality(j) : text.token(j, isOneOf: SpeechLexicon.prepositions) {
                    break
                }
            } else if text.kind(j) != .number && text.kind(j) != .hyphen {
                break
            }
            j += 1
        }
        return age.map { ($0, .unknown) }
    }

    private func isNationality(_ j: Int) -> Bool {
        guard text.isCapitalized(j) else { return false }
        if let ref = mentionStarting(at: j), ref.mention.type == .group { return true }
        let r = text.tokens[j].range
        guard r.count > 4 else { return false }
        let b = text.bytes
        // "Israeli", "Iranian", "American": a capitalized adjective of nationality.
        return (b[r.upperBound - 1] == UInt8(ascii: "i") && b[r.upperBound - 2] == UInt8(ascii: "l"))
            || (b[r.upperBound - 1] == UInt8(ascii: "n") && b[r.upperBound - 2] == UInt8(ascii: "a"))
    }

    private func mentionStarting(at t: Int) -> MentionRef? {
        var low = 0
        var high = mentions.count
        while low < high {
            let mid = (low + high) / 2
            if mentions[mid].tokens.lowerBound < t { low = mid + 1 } else { high = mid }
        }
        return low < mentions.count && mentions[low].tokens.lowerBound == t ? mentions[low] : nil
    }

    /// "a senior Israeli official", "two sources", "the ministry": the end of an unnamed speaker at `t`.
    private func descriptorEnd(from t: Int) -> Int? {
        guard text.token(t, is: "a") || text.token(t, is: "an") || text.token(t, is: "the") || text.token(t, is: "one")
            || text.token(t, is: "two") || text.token(t, is: "three") || text.token(t, is: "several")
            || text.token(t, is: "some") || text.token(t, is: "many") else { return nil }
        var j = t + 1
        while j < text.count, j <= t + 5, text.isWord(j) {
            if text.token(j, isOneOf: SpeechLexicon.speakerNouns) || text.token(j, isOneOf: SpeechLexicon.unnamedSpeakers)
                || (text.token(t, is: "the") && text.token(j, isOneOf: SpeechLexicon.documents)) {
                // "a Surrey Police spokeswoman": a capitalized noun inside a name is not the head.
                if text.isCapitalized(j), text.isWord(j + 1), text.token(j + 1, isOneOf: SpeechLexicon.speakerNouns) {
                    j += 1
                    continue
                }
                return j + 1
            }
            if text.token(j, isOneOf: SpeechLexicon.prepositions) { return nil }
            j += 1
        }
        return nil
    }

    // MARK: - Subject preference

    /// False when the candidate is a prepositional object ("to the Prime Minister", "on X") or a
    /// possessive ("Trump’s post"): such a candidate is not the one speaking.
    func isSubjectLike(_ candidate: Candidate) -> Bool {
        if case .mention = candidate.kind, text.kind(candidate.tokens.upperBound) == .possessive { return false }
        if case .pronoun = candidate.kind { return true }
        if case .organizationPronoun = candidate.kind { return true }
        return !isPrepositionalObject(startingAt: candidate.tokens.lowerBound)
    }

    /// Walks back over a title before a name ("Minister of Strategic Affairs", "the") and checks
    /// for a preposition.
    func isPrepositionalObject(startingAt start: Int) -> Bool {
        var j = start - 1
        var steps = 0
        while j >= 0, steps < 8 {
            // "Of Clinton: ...": a capitalized preposition opens the sentence.
            if text.isCapitalized(j), text.token(j, isOneOf: SpeechLexicon.prepositions) { return true }
            if text.isCapitalized(j) || text.kind(j) == .hyphen {
                j -= 1
            } else if text.token(j, is: "of"), j > 0, text.isCapitalized(j - 1), steps > 0 || text.isCapitalized(j + 1) {
                j -= 1
            } else {
                break
            }
            steps += 1
        }
        if text.token(j, is: "the") { j -= 1 }
        if text.token(j, isOneOf: SpeechLexicon.prepositions) { return true }
        // "in the journal JAMA Psychiatry", "at the firm Acme": a common noun before the name.
        var k = j
        while k > j - 2, text.isWord(k), !text.isCapitalized(k), !text.token(k, isOneOf: SpeechLexicon.determiners),
              !text.token(k, isOneOf: SpeechLexicon.prepositions), SpeechLexicon.cues.value(text.bytes, text.tokens[k].range) == nil {
            k -= 1
        }
        return k < j && (text.token(k, is: "the") || text.token(k, is: "a") || text.token(k, is: "an"))
            && text.token(k - 1, isOneOf: SpeechLexicon.prepositions)
    }

    /// The candidate nearest the end of `candidates` that is subject-like; places and groups count
    /// only right before the cue at `cue`.
    func nearestSubject(_ candidates: [Candidate], cue: Int?) -> Candidate? {
        for candidate in candidates.reversed() where isSubjectLike(candidate) {
            if case .mention(let index) = candidate.kind {
                let type = mentions[index].mention.type
                if type == .place || type == .group {
                    guard let cue, candidate.tokens.upperBound == cue else { continue }
                }
            }
            return candidate
        }
        return nil
    }

    /// The subject of the reporting verb at `cue` among the candidates before it in its clause: the
    /// one right before it ("Smith said", "Smith also said"); the name an appositive follows ("Paul
    /// Green, the commander of the district, said"); the clause's first subject when the verb is
    /// coordinated and the nearest name is another verb's object ("Sanders pointed to an EPA report
    /// and said"); else the nearest subject-like one.
    func subject(ofCue cue: Int, among candidates: [Candidate]) -> Candidate? {
        guard let nearest = nearestSubject(candidates, cue: cue) else { return nil }
        var k = cue - 1
        var adverbs = 0
        while adverbs < 3, text.isWord(k), !text.isCapitalized(k), text.token(k, isOneOf: SpeechLexicon.verbModifiers) || isAdverb(k) {
            k -= 1
            adverbs += 1
        }
        if nearest.tokens.upperBound == k + 1 { return nearest }
        // "an employee who had followed her in and had yelled": the relative pronoun's antecedent.
        var w = text.isPunctuation(k, ",") ? 0 : k
        while w > nearest.tokens.upperBound, w > cue - 12 {
            if text.token(w, is: "who"), let antecedent = candidates.last(where: {
                $0.tokens.upperBound == w || ($0.tokens.upperBound == w - 1 && text.isPunctuation(w - 1, ","))
            }), !candidates.contains(where: { $0.tokens.lowerBound > w && $0.tokens.upperBound <= cue }) {
                return antecedent
            }
            w -= 1
        }
        func isName(_ candidate: Candidate) -> Bool {
            if case .mention(let index) = candidate.kind {
                let type = mentions[index].mention.type
                return type == .person || type == .organization
            }
            return false
        }
        if text.isPunctuation(k, ","), let first = candidates.first(where: { isName($0) && isSubjectLike($0) }),
           first.tokens.lowerBound < nearest.tokens.lowerBound {
            // The name may end in a hyphenated part recognition left out ("Cheuk Hau-yip, the commander").
            var after = first.tokens.upperBound
            while text.kind(after) == .hyphen, text.isWord(after + 1) { after += 2 }
            if text.isPunctuation(after, ",") { return first }
        }
        if text.token(k, is: "and") || text.token(k, is: "but"),
           let first = candidates.first(where: { isSubjectLike($0) && (isName($0) || $0.isPronoun) }) {
            return first
        }
        return nearest
    }

    /// A lowercase word ending in "ly" ("publicly", "repeatedly").
    private func isAdverb(_ t: Int) -> Bool {
        let r = text.tokens[t].range
        return r.count > 3 && text.bytes[r.upperBound - 2] == UInt8(ascii: "l") && text.bytes[r.upperBound - 1] == UInt8(ascii: "y")
    }

    /// The speaker "according to" names: the first person or organization of the phrase, else its
    /// first candidate ("according to Troy police Lt. Gerry Scherlinck", "according to a statement
    /// from the White House").
    func source(among candidates: [Candidate], from start: Int) -> Candidate? {
        let named = candidates.first { candidate in
            guard candidate.tokens.lowerBound < start + 10, case .mention(let index) = candidate.kind else { return false }
            let type = mentions[index].mention.type
            return type == .person || type == .organization
        }
        return named ?? candidates.first
    }

    /// The person a sentence between tokens `from` and `to` newly brings in: the subject of the
    /// last sentence wholly between them that has a person as subject, when that person is not
    /// `entity` ("“A,” Smith said. Jones disagreed. “B.”": B is Jones's). Nil when the last such
    /// subject is `entity` or no sentence names a person.
    func newSubject(from: Int, to: Int, other entity: String?) -> MentionRef? {
        guard let first = sentenceIndex(of: from), let last = sentenceIndex(of: to) else { return nil }
        var s = last - 1
        while s > first {
            let persons = mentions(in: sentences[s]).filter {
                $0.mention.type == .person && !isQuoted($0.tokens.lowerBound) && text.kind($0.tokens.upperBound) != .possessive
            }
            if let subject = persons.first(where: { !isPrepositionalObject(startingAt: $0.tokens.lowerBound) }) {
                return subject.mention.entity == entity ? nil : subject
            }
            s -= 1
        }
        return nil
    }

    // MARK: - Resolution

    func resolve(_ candidate: Candidate) -> Speaker {
        switch candidate.kind {
        case .mention(let index):
            let ref = mentions[index]
            return Speaker(entity: ref.mention.entity, name: text.string(ref.mention.range))
        case .pronoun(let gender):
            guard let ref = antecedent(ofPronounAt: candidate.tokens.lowerBound, gender: gender) else { return Speaker() }
            return Speaker(entity: ref.mention.entity, name: entities[ref.mention.entity]?.name ?? text.string(ref.mention.range))
        case .organizationPronoun:
            if let speaker = organizationSubject(before: candidate.tokens.lowerBound) { return speaker }
            guard let organization = lastOrganization(before: candidate.tokens.lowerBound, sentencesBack: 3) else { return Speaker() }
            return Speaker(entity: organization.mention.entity,
                           name: entities[organization.mention.entity]?.name ?? text.string(organization.mention.range))
        case .personDescriptor(let gender):
            guard let ref = antecedent(ofPronounAt: candidate.tokens.lowerBound, gender: gender) else {
                return Speaker(entity: nil, name: text.string(tokens: candidate.tokens))
            }
            return Speaker(entity: ref.mention.entity, name: entities[ref.mention.entity]?.name ?? text.string(ref.mention.range))
        case .role:
            let phrase = text.string(tokens: candidate.tokens)
            if let ref = holder(ofRole: candidate.tokens, before: candidate.tokens.lowerBound) {
                return Speaker(entity: ref.mention.entity, name: entities[ref.mention.entity]?.name ?? text.string(ref.mention.range))
            }
            return Speaker(entity: nil, name: phrase)
        case .descriptor:
            // "a WeWork spokesperson" speaks for WeWork; "the company" for the organization last named.
            let name = text.string(tokens: candidate.tokens)
            if let organization = mentions(in: candidate.tokens).first(where: { $0.mention.type == .organization }) {
                return Speaker(entity: organization.mention.entity, name: name)
            }
            if text.token(candidate.tokens.lowerBound, is: "the"), text.token(candidate.tokens.upperBound - 1, isOneOf: SpeechLexicon.documents),
               let author = author(ofDocument: candidate.tokens.upperBound - 1) {
                return resolve(author)
            }
            // "a WeWork spokesperson" where recognition missed this WeWork but named it elsewhere.
            for t in candidate.tokens where text.isCapitalized(t) {
                let word = text.text(t)
                if let organization = entities.values.filter({ $0.type == .organization && ($0.name == word || $0.aliases.contains(word)) })
                    .min(by: { $0.id < $1.id }) {
                    return Speaker(entity: organization.id, name: name)
                }
            }
            if let represented = representedOrganization(candidate.tokens) { return represented }
            if text.token(candidate.tokens.lowerBound, is: "the"),
               text.token(candidate.tokens.upperBound - 1, isOneOf: SpeechLexicon.organizationNouns),
               let organization = organizationAntecedent(of: candidate.tokens) {
                return Speaker(entity: organization.mention.entity, name: entities[organization.mention.entity]?.name ?? name)
            }
            return Speaker(entity: nil, name: name)
        }
    }

    /// The organization a spokesperson or a statement speaks for: "a spokesman for Waitrose", "a
    /// statement from the British Foreign Office", "a Surrey Police spokeswoman", named by a mention
    /// of any type or by capitalized words recognition missed (then an organization to add).
    private func representedOrganization(_ tokens: Range<Int>) -> Speaker? {
        let last = tokens.upperBound - 1
        guard text.token(last, isOneOf: SpeechLexicon.representatives) else { return nil }
        var start: Int
        var end: Int
        if text.token(tokens.upperBound, is: "for") || text.token(tokens.upperBound, is: "from")
            || text.token(tokens.upperBound, is: "of") {
            start = tokens.upperBound + 1
            if text.token(start, is: "the") { start += 1 }
            if let ref = mentionStarting(at: start), !isQuoted(start) {
                return Speaker(entity: ref.mention.entity, name: entities[ref.mention.entity]?.name ?? text.string(ref.mention.range))
            }
            end = start
            while end < start + 6, text.isCapitalized(end), !text.token(end, isOneOf: SpeechLexicon.prepositions) { end += 1 }
        } else {
            // "A Surrey Police spokeswoman": the capitalized words inside the description.
            start = tokens.lowerBound + 1
            while start < last, !text.isCapitalized(start) { start += 1 }
            end = start
            while end < last, text.isCapitalized(end) { end += 1 }
            guard end == last else { return nil }
        }
        guard end > start, !(start..<end).contains(where: isInMention) else { return nil }
        return Speaker(entity: nil, name: text.string(tokens: start..<end), nameTokens: start..<end, nameType: .organization)
    }

    /// The organization "the company" or "the group" at `tokens` stands for: the name in an
    /// appositive ("The group, WeWorkers Coalition, formed"), else what the same description
    /// earlier stood for ("The group said ... the group added"), else the last organization named
    /// as a subject (not "on Twitter", not "told The Associated Press"). Nil for a description of
    /// an organization not named before ("the French foreign ministry").
    func organizationAntecedent(of tokens: Range<Int>, depth: Int = 0) -> MentionRef? {
        if tokens.dropFirst().contains(where: { text.isCapitalized($0) }) { return nil }
        // "The company that runs the AMAs, Dick Clark Productions, denies": the description tells
        // the type, so a name recognition typed otherwise still counts.
        var comma = tokens.upperBound
        while comma < tokens.upperBound + 8, comma < text.count, !text.isPunctuation(comma, ","), !text.isSentenceEnd(comma) { comma += 1 }
        if text.isPunctuation(comma, ","), let ref = mentionStarting(at: comma + 1), !isQuoted(comma + 1),
           text.isPunctuation(ref.tokens.upperBound, ",") || ref.mention.type == .organization || ref.mention.type == .group {
            return ref
        }
        let noun = text.tokens[tokens.upperBound - 1].range
        let floor = sentenceIndex(of: tokens.lowerBound).map { sentences[max(0, $0 - 6)].lowerBound } ?? 0
        var t = tokens.lowerBound - 1
        var sameDescription: Int? = nil
        while t > floor {
            if text.token(t - 1, is: "the"), text.tokens[t].range.count == noun.count, !isQuoted(t),
               text.bytes[text.tokens[t].range].elementsEqual(text.bytes[noun]) {
                sameDescription = t - 1
                break
            }
            t -= 1
        }
        let subjects = mentions(in: (sameDescription ?? floor)..<tokens.lowerBound).filter { ref in
            ref.mention.type == .organization && !isQuoted(ref.tokens.lowerBound) && !isPrepositionalObject(startingAt: ref.tokens.lowerBound)
                && SpeechLexicon.cues.value(text.bytes, text.tokens[max(0, ref.tokens.lowerBound - (text.token(ref.tokens.lowerBound - 1, is: "the") ? 2 : 1))].range) == nil
        }
        if let same = sameDescription, depth < 4 {
            if let ref = organizationAntecedent(of: same..<(same + 2), depth: depth + 1) { return ref }
        }
        return subjects.last ?? lastOrganization(before: tokens.lowerBound)
    }

    /// The organization "it" or "they" at `t` continues: the subject of one of the two sentences
    /// before, when that subject is an organization, a spokesperson or statement of one ("A
    /// statement from Waitrose said ... “...,” it added"), or "the company" naming one. Nil when
    /// that subject is a person or nothing names an organization.
    private func organizationSubject(before t: Int) -> Speaker? {
        guard let s = sentenceIndex(of: t) else { return nil }
        for back in 1...2 where s - back >= 0 {
            guard let subject = candidates(in: sentences[s - back]).first(where: isSubjectLike) else { continue }
            switch subject.kind {
            case .mention(let index) where mentions[index].mention.type == .organization:
                return resolve(subject)
            case .descriptor:
                let speaker = resolve(subject)
                return speaker.entity == nil ? nil : speaker
            default:
                return nil
            }
        }
        return nil
    }

    /// Who wrote the document "the letter" at `noun` names: the subject of the sentence that last
    /// spoke of a letter ("Matthew Willoughby ... wrote a heartfelt letter"), within six sentences.
    private func author(ofDocument noun: Int) -> Candidate? {
        guard let s = sentenceIndex(of: noun) else { return nil }
        let word = text.tokens[noun].range
        for back in 0...6 where s - back >= 0 {
            let sentence = sentences[s - back]
            var t = min(sentence.upperBound, noun) - 1
            while t >= sentence.lowerBound {
                if t != noun, !isQuoted(t), text.tokens[t].range.count == word.count,
                   text.bytes[text.tokens[t].range].elementsEqual(text.bytes[word]) {
                    // "the US military said in a statement": the reporting verb's subject, named or not.
                    if let cue = (sentence.lowerBound..<t).last(where: isCue) {
                        return subject(ofCue: cue, among: candidates(in: sentence.lowerBound..<cue))
                    }
                    let before = candidates(in: sentence.lowerBound..<t).filter { candidate in
                        if case .descriptor = candidate.kind { return false }
                        return isSubjectLike(candidate)
                    }
                    if let subject = before.first { return subject }
                }
                t -= 1
            }
        }
        return nil
    }

    /// The organization named last before token `t` (outside quotes), within the sentences before.
    func lastOrganization(before t: Int, sentencesBack: Int = 6) -> MentionRef? {
        let floor = sentenceIndex(of: t).map { sentences[max(0, $0 - sentencesBack)].lowerBound } ?? 0
        return mentions(in: floor..<t).last { $0.mention.type == .organization && !isQuoted($0.tokens.lowerBound) }
    }

    /// The nearest preceding compatible person for "he"/"she": earlier in the same sentence, then
    /// sentence by sentence backwards (up to six), preferring each sentence's subject (its first
    /// person or same pronoun that is not a prepositional object). A pronoun found as that subject
    /// is resolved in turn ("He was photographed with Epstein. ... He told the BBC: “...”").
    /// Mentions inside quotes are skipped.
    func antecedent(ofPronounAt t: Int, gender: PersonGender, depth: Int = 0) -> MentionRef? {
        guard depth < 6, var s = sentenceIndex(of: t) else { return nil }
        var lookedAt = 0
        var fallback: (ref: MentionRef, at: Int)? = nil
        while s >= 0, lookedAt < 7 {
            let sentence = sentences[s]
            let limit = min(sentence.upperBound, t)
            var first: MentionRef? = nil
            var firstSubject: MentionRef? = nil
            var firstSubjectStart = Int.max
            for ref in mentions(in: sentence.lowerBound..<limit) where ref.mention.type == .person && !isQuoted(ref.tokens.lowerBound) {
                guard compatible(ref, gender) else { continue }
                if first == nil { first = ref }
                if firstSubject == nil, !isPrepositionalObject(startingAt: ref.tokens.lowerBound) {
                    firstSubject = ref
                    firstSubjectStart = ref.tokens.lowerBound
                }
            }
            // A same pronoun as the sentence's subject, before any named person, stands for the one
            // the sentences before name.
            if lookedAt > 0, let pronoun = (sentence.lowerBound..<min(limit, firstSubjectStart)).first(where: { p in
                !isQuoted(p) && (gender == .female ? text.token(p, is: "she") : text.token(p, is: "he"))
            }) {
                return antecedent(ofPronounAt: pronoun, gender: gender, depth: depth + 1)
            }
            if let chosen = firstSubject { return chosen }
            // Only objects here ("chats with Epstein"): a subject a little further back is likelier.
            if fallback == nil, let first { fallback = (first, lookedAt) }
            if let (ref, at) = fallback, lookedAt - at >= 2 { return ref }
            s -= 1
            lookedAt += 1
        }
        return fallback?.ref
    }

    private func compatible(_ ref: MentionRef, _ wanted: PersonGender) -> Bool {
        gender(of: ref).isCompatible(with: wanted)
    }

    /// A person's gender from the role stated with the mention, the entity's name and roles, the
    /// mention's own first name, or the first name another mention of the same surname gives.
    func gender(of ref: MentionRef) -> PersonGender {
        if let role = ref.mention.role {
            let own = PersonGender.ofRole(role)
            if own != .unknown { return own }
        }
        if let entity = entities[ref.mention.entity] {
            let own = PersonGender.of(entity)
            if own != .unknown { return own }
        }
        let first = text.tokens[ref.tokens.lowerBound].range
        if ref.tokens.count >= 2, let own = PersonGender.firstNames.value(text.bytes, first) { return own }
        let last = ref.tokens.upperBound - 1
        return text.bytes.withUnsafeBufferPointer { bytes in
            genderBySurname[ByteHash.hash(bytes, text.tokens[last].range, lowercased: false)] ?? .unknown
        }
    }

    /// The person who holds the role "the prime minister" names: the most recent mention before
    /// `position` whose role (or entity's roles) contains it, else any entity with that role.
    func holder(ofRole tokens: Range<Int>, before position: Int) -> MentionRef? {
        var words: [String] = []
        for t in tokens where text.isWord(t) && text.token(t, isOneOf: SpeechLexicon.roles) { words.append(text.text(t).lowercased()) }
        guard !words.isEmpty else { return nil }
        let phrase = words.joined(separator: " ")
        func holds(_ ref: MentionRef) -> Bool {
            guard ref.mention.type == .person else { return false }
            if let role = ref.mention.role?.lowercased(), role.contains(phrase) { return true }
            return entities[ref.mention.entity]?.roles.contains { $0.lowercased().contains(phrase) } ?? false
        }
        if let ref = mentions.last(where: { $0.tokens.upperBound <= position && holds($0) }) { return ref }
        return mentions.first(where: holds)
    }

    /// Who the sentence is about as its speaker: its first subject-like person or "he"/"she"
    /// (resolved), outside quotes; else its first person.
    func speaker(ofSentence s: Int) -> Speaker? {
        guard s >= 0, s < sentences.count else { return nil }
        for candidate in candidates(in: sentences[s]) where isSubjectLike(candidate) {
            switch candidate.kind {
            case .pronoun:
                let speaker = resolve(candidate)
                return speaker.entity == nil ? nil : speaker
            case .mention(let index) where mentions[index].mention.type == .person:
                return resolve(candidate)
            default:
                continue
            }
        }
        return subject(ofSentence: s).map { Speaker(entity: $0.mention.entity, name: text.string($0.mention.range)) }
    }

    /// The first person in the sentence that is not a prepositional object (outside quotes).
    func subject(ofSentence s: Int) -> MentionRef? {
        guard s >= 0, s < sentences.count else { return nil }
        let persons = mentions(in: sentences[s]).filter { $0.mention.type == .person && !isQuoted($0.tokens.lowerBound) }
        return persons.first { !isPrepositionalObject(startingAt: $0.tokens.lowerBound) } ?? persons.first
    }

    func sentenceIndex(of t: Int) -> Int? {
        var low = 0
        var high = sentences.count
        while low < high {
            let mid = (low + high) / 2
            if sentences[mid].upperBound <= t { low = mid + 1 } else { high = mid }
        }
        guard low < sentences.count else { return sentences.isEmpty ? nil : sentences.count - 1 }
        return low
    }

    private func mentions(in window: Range<Int>) -> ArraySlice<MentionRef> {
        var low = 0
        var high = mentions.count
        while low < high {
            let mid = (low + high) / 2
            if mentions[mid].tokens.lowerBound < window.lowerBound { low = mid + 1 } else { high = mid }
        }
        var end = low
        while end < mentions.count, mentions[end].tokens.lowerBound < window.upperBound { end += 1 }
        return mentions[low..<end]
    }
}
