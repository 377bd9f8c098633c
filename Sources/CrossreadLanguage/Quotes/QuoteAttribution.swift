import CrossreadCore

/// Decides which paired quote spans are speech and attributes each: cue, speaker and venue from
/// the words around it, then speakers carried over to quotes that continue an attributed one.
/// Spans that are not speech (titles, named terms, nicknames, short scare quotes) are terms.
struct QuoteAttribution {
    /// How an attribution frames its quote. Short quotes (one or two words) need a tight frame.
    enum Frame { case after, adjacent, that, describedAs, naming, colon, according, weak }

    struct Attribution {
        var cue: String?
        var speaker: SpeakerResolver.Speaker?
        var frame: Frame
        var venue: String?
    }

    struct Decision {
        var span: QuoteMarkPairer.Span
        var accepted = false
        var attribution: Attribution?
        var standalone = false
        var windowStart = 0
        /// A short quote kept only when it takes the speaker of an attributed quote before it.
        var needsSpeaker = false
        /// Not speech: a title, a named term, a nickname, a scare quote.
        var term = false
    }

    let text: FinderText
    let spans: [QuoteMarkPairer.Span]
    let speakers: SpeakerResolver
    let venues: VenueFinder

    init(text: FinderText, spans: [QuoteMarkPairer.Span], speakers: SpeakerResolver) {
        self.text = text
        self.spans = spans
        self.speakers = speakers
        self.venues = VenueFinder(text: text, speakers: speakers)
    }

    mutating func quotes() -> [Quote] { quotesAndTerms().quotes }

    /// The speech quotes, the quoted words that are not speech, and the speakers' names recognition
    /// missed as new mentions and entities.
    mutating func quotesAndTerms() -> QuoteFindings {
        var decisions: [Decision] = []
        var previousClose: Int? = nil
        var previousParagraph = -1
        for span in spans {
            if span.firstParagraph != previousParagraph { previousClose = nil }
            decisions.append(decide(span, previousClose: previousClose))
            previousClose = span.closeMark ?? span.inner.upperBound
            previousParagraph = span.paragraph
        }
        carrySpeakers(&decisions)
        var findings = QuoteFindings()
        linkMissedNames(&decisions, into: &findings)
        findings.quotes = decisions.filter(\.accepted).map { decision in
            let a = decision.attribution
            return Quote(range: decision.span.content, speaker: a?.speaker?.entity, speakerName: a?.speaker?.name,
                         cue: a?.cue, venue: a?.venue)
        }
        findings.terms = decisions.filter { $0.term && !$0.accepted }.map { QuotedTerm(range: $0.span.content) }
        return findings
    }

    /// Gives each speaker named by a name recognition missed an entity (a person, or an
    /// organization after "the" or in capitals) and a mention, shared by every quote it speaks.
    private func linkMissedNames(_ decisions: inout [Decision], into findings: inout QuoteFindings) {
        var linked: [Range<Int>: String] = [:]
        for k in decisions.indices where decisions[k].accepted {
            guard let speaker = decisions[k].attribution?.speaker, speaker.entity == nil, let tokens = speaker.nameTokens else { continue }
            if let id = linked[tokens] {
                decisions[k].attribution?.speaker?.entity = id
                continue
            }
            let name = text.string(tokens: tokens)
            let capitals = name.utf8.allSatisfy { !($0 >= 0x61 && $0 <= 0x7A) }
            let type: EntityType = speaker.nameType ?? (text.token(tokens.lowerBound - 1, is: "the") || capitals ? .organization : .person)
            let id = EntityNames.id(type: type, name: name)
            let range = text.tokens[tokens.lowerBound].range.lowerBound..<text.tokens[tokens.upperBound - 1].range.upperBound
            findings.mentions.append(EntityMention(range: range, type: type, entity: id))
            if !findings.entities.contains(where: { $0.id == id }) { findings.entities.append(Entity(id: id, name: name, type: type)) }
            linked[tokens] = id
            decisions[k].attribution?.speaker?.entity = id
        }
    }

    /// A name recognition missed next to the reporting verb at `c`: the capitalized words right
    /// before it ("Lt. Hastings said") or, with `after`, right after it ("said Stefanski."), without
    /// a title; nil for words a mention covers, at a sentence's start, or common subjects ("Police").
    private func missedName(at c: Int, after: Bool) -> Range<Int>? {
        var run: Range<Int>
        if after {
            var t = c + 1
            while t < c + 6, isTitle(t) { t += text.isPunctuation(t + 1, ".") ? 2 : 1 }
            var end = t
            while end < t + 5, isNamePart(end) || (text.kind(end) == .hyphen && end > t && text.isWord(end + 1)
                                                   && text.tokens[end].gap == .none) {
                end += text.kind(end) == .hyphen ? 2 : 1
            }
            guard end > t, end >= text.count || text.kind(end) == .punctuation || text.tokens[end].gap >= .line else { return nil }
            run = t..<end
        } else {
            var start = c
            while start > c - 5, !isTitle(start - 1), !text.isPunctuation(start - 1, ".") || !isTitle(start - 2) {
                if isNamePart(start - 1) {
                    start -= 1
                } else if start < c, text.kind(start - 1) == .hyphen, text.tokens[start - 1].gap == .none, isNamePart(start - 2) {
                    start -= 2
                } else if start == c, text.isWord(start - 1), text.kind(start - 2) == .hyphen, isNamePart(start - 3) {
                    start -= 3  // "Osman-aga said"
                } else {
                    break
                }
            }
            // "Lt. Hastings": a title's period does not end a sentence; "“...” White said" opens one.
            let afterTitle = isTitle(start - 1) || (text.isPunctuation(start - 1, ".") && isTitle(start - 2))
            let opensSentence = start == 0 || text.tokens[start].gap >= .line || (!afterTitle && text.isSentenceEnd(start - 1))
                || (text.kind(start - 1) == .quote && text.isSentenceEnd(start - 2))
            guard start < c, !opensSentence else { return nil }
            run = start..<c
        }
        guard !run.contains(where: { speakers.isInMention($0) }),
              !text.token(run.lowerBound, isOneOf: SpeechLexicon.commonSubjects) else { return nil }
        return run
    }

    /// Capitalized name words from `start` up to a comma that opens an appositive closed right
    /// before the verb at `cue` ("Maral, a resident of Ashgabat who ..., told"); nil when a mention
    /// covers them or they are a common subject ("Officials, who ..., said").
    private func appositiveName(from start: Int, before cue: Int) -> Range<Int>? {
        var t = start
        while t < start + 5, isNamePart(t) || (t > start && text.kind(t) == .hyphen && text.tokens[t].gap == .none
                                                && text.isWord(t + 1) && text.tokens[t + 1].gap == .none) {
            t += text.kind(t) == .hyphen ? 2 : 1
        }
        guard t > start, t + 1 < cue, text.isPunctuation(t, ","), text.isPunctuation(cue - 1, ",") else { return nil }
        let run = start..<t
        guard !run.contains(where: { speakers.isInMention($0) }),
              !text.token(start, isOneOf: SpeechLexicon.commonSubjects) else { return nil }
        return run
    }

    /// A title before a name, with or without its period ("Lt.", "Sgt", "Officer").
    private func isTitle(_ t: Int) -> Bool {
        guard text.isCapitalized(t) else { return false }
        var r = text.tokens[t].range
        if r.count > 1, text.bytes[r.upperBound - 1] == UInt8(ascii: ".") { r = r.lowerBound..<(r.upperBound - 1) }
        return SpeechLexicon.titles.value(text.bytes, r) != nil
    }

    /// A capitalized word that can be part of a name (not a title, not "I", not an abbreviation).
    private func isNamePart(_ t: Int) -> Bool {
        text.isCapitalized(t) && text.tokens[t].range.count > 1 && !text.token(t, isOneOf: SpeechLexicon.personalPronouns)
            && !isTitle(t) && text.bytes[text.tokens[t].range.upperBound - 1] != UInt8(ascii: ".")
    }

    private func missedSpeaker(at c: Int, after: Bool) -> SpeakerResolver.Speaker? {
        missedName(at: c, after: after).map { SpeakerResolver.Speaker(entity: nil, name: text.string(tokens: $0), nameTokens: $0) }
    }

    // MARK: - One quote

    private func decide(_ span: QuoteMarkPairer.Span, previousClose: Int?) -> Decision {
        var decision = Decision(span: span)
        // Words, a hyphenated compound ("eye-to-eye") counting once.
        let words = span.inner.filter { (text.kind($0) == .word || text.kind($0) == .number) && !(text.kind($0 - 1) == .hyphen) }.count
        guard words > 0 else { return decision }
        let start = windowStart(before: span.openMark, previousClose: previousClose)
        decision.windowStart = start
        let afterEnd = span.closeMark.map { windowEnd(after: $0) }
        let wordsBefore = (start..<span.openMark).contains { text.kind($0) == .word || text.kind($0) == .number }
        // "“Nobody doubts it.” Mary Jones disagreed.": a quote ending its sentence has no words after it.
        let endsSentence = span.closeMark.map { text.isSentenceEnd($0 - 1) && text.isCapitalized($0 + 1) } ?? false
        let wordsAfter = endsSentence ? false
            : afterEnd.map { end in ((span.closeMark! + 1)..<end).contains { text.kind($0) == .word } } ?? false
        decision.standalone = !wordsBefore && !wordsAfter
        if isTitleOfWork(span) || isNickname(span, words: words) || isTitleAfterPreposition(span) || isNamedTerm(span) {
            decision.term = true
            return decision
        }
        if isTopicLeadIn(span, start: start) {
            // "Of Clinton: “I just don’t believe a word she says”": Clinton is what the quote is about;
            // the quote continues the speaker established before it, like a quote standing alone.
            decision.standalone = true
            decision.accepted = true
            return decision
        }

        let after = span.closeMark.flatMap { attributionAfter(span, close: $0, end: afterEnd!) }
        // "Human Rights Watch said in a report last month:⏎“...”": a line ending in a colon leads in.
        var before = attributionBefore(span, start: start)
        if before == nil, start == span.openMark, start > 0, text.tokens[start].gap >= .line, text.isPunctuation(start - 1, ":"),
           let leadIn = attributionBefore(span, start: windowStart(before: start - 1, previousClose: nil)), leadIn.cue != nil {
            before = leadIn
        }
        let endsWithComma = span.closeMark.map { text.isPunctuation($0 - 1, ",") } ?? false
        let chosen: Attribution?
        if let after, let before, after.speaker?.entity == nil, before.speaker?.entity != nil,
           after.speaker == nil || before.frame == .adjacent || before.frame == .colon {
            // "... and said, “...,” the prosecutor’s office said": the named speaker right before wins.
            chosen = before
        } else if let after, let before, before.speaker?.entity != nil, !endsWithComma, let close = span.closeMark,
                  text.token(close + 1, isOneOf: SpeechLexicon.clauseStarts) || text.token(close + 1, is: "and") {
            // "X said the department was “...” but did not elaborate, the Daily News reported": the
            // clause after the quote is X's; the report is of what X said.
            _ = after
            chosen = before
        } else if let after, endsWithComma || before == nil || before!.frame == .weak {
            chosen = after
        } else {
            chosen = before ?? after
        }
        if var attribution = chosen {
            if words <= 2, attribution.frame == .weak || isModifier(span) {
                decision.term = true
                return decision
            }
            // "a set called “Master Builder Series”" names something; nobody said it.
            if attribution.frame == .naming, isTitleCase(span) {
                decision.term = true
                return decision
            }
            if attribution.venue == nil {
                attribution.venue = venues.venue(in: start..<span.openMark)
                    ?? span.closeMark.map { venues.venue(in: ($0 + 1)..<afterEnd!) } ?? nil
            }
            decision.attribution = attribution
            decision.accepted = true
            return decision
        }
        // No cue: short phrases are scare quotes or terms, unless they stand alone after an attributed
        // quote of the same paragraph ("“...,” Mayer said. “Not everyone will succeed.”"); a title-case
        // phrase is a name.
        if words <= 4 {
            if decision.standalone, words >= 2, !isTitleCase(span) {
                decision.accepted = true
                decision.needsSpeaker = true
            } else {
                decision.term = true
            }
            return decision
        }
        if words <= 8 && isTitleCase(span) {
            decision.term = true
            return decision
        }
        decision.accepted = true
        return decision
    }

    /// The first token of the stretch before a quote that may hold its attribution: the sentence
    /// start, the paragraph start, or the token after the previous quote's closing mark.
    private func windowStart(before open: Int, previousClose: Int?) -> Int {
        var t = open
        var steps = 0
        while t > 0, steps < 80 {
            if text.tokens[t].gap >= .line { return t }
            if let previousClose, t - 1 == previousClose { return t }
            if text.isSentenceEnd(t - 1) { return t }
            t -= 1
            steps += 1
        }
        return t
    }

    /// The token after the stretch following a closing mark: up to a sentence end, the next quote
    /// mark, or a line break.
    private func windowEnd(after close: Int) -> Int {
        var t = close + 1
        var steps = 0
        while t < text.count, steps < 45 {
            if text.kind(t) == .quote, let inner = shortQuotedName(at: t) {
                // "the “Pose” actor previously said": a quoted name inside the attribution.
                steps += inner - t
                t = inner
                continue
            }
            // "the Rev.⏎Larry Kroon said": a title's period ends no sentence, nor does a line break after it.
            if text.isSentenceEnd(t), isTitle(t - 1) || (t > 0 && text.tokens[t - 1].range.count > 1 && isTitle(t - 1)) {
                t += 1
                steps += 1
                if t < text.count, text.tokens[t].gap == .line { t += 1 }
                continue
            }
            if text.tokens[t].gap >= .line || text.kind(t) == .quote { return t }
            if text.isSentenceEnd(t) { return t }
            t += 1
            steps += 1
        }
        return t
    }

    /// The token after a short quoted name opening at `t` (“Pose”, up to three capitalized words
    /// closed on the same line and followed by a word), or nil.
    private func shortQuotedName(at t: Int) -> Int? {
        guard text.isCapitalized(t + 1) else { return nil }
        var k = t + 1
        while k < t + 5, k < text.count, text.kind(k) != .quote {
            guard text.isWord(k), text.tokens[k].gap < .line else { return nil }
            k += 1
        }
        guard k < text.count, text.kind(k) == .quote, text.isWord(k + 1), text.tokens[k + 1].gap == .space else { return nil }
        return k + 1
    }

    /// The cue a reporting word at `t` gives, or nil: lowercase, not a noun after a determiner
    /// or possessive ("a post", "Trump’s remarks").
    private func cue(at t: Int) -> SpeechLexicon.Cue? {
        guard text.isWord(t), let cue = SpeechLexicon.cues.value(text.bytes, text.tokens[t].range) else { return nil }
        if cue == .according { return text.token(t + 1, is: "to") ? .according : nil }
        guard !text.isCapitalized(t) else { return nil }
        if t > 0, text.token(t - 1, isOneOf: SpeechLexicon.determiners) || text.kind(t - 1) == .possessive { return nil }
        return cue
    }

    private func cueText(at t: Int) -> String {
        if text.token(t, is: "according") { return "according to" }
        let word = text.text(t).lowercased()
        if text.token(t, is: "told") || text.token(t, is: "tells") || text.token(t, is: "telling") {
            var j = t + 1
            if text.token(j, is: "the") { j += 1 }
            if text.token(j, isOneOf: SpeechLexicon.audiences) { return word + " " + text.text(j).lowercased() }
        }
        return word
    }

    private func isParticiple(_ t: Int) -> Bool {
        let r = text.tokens[t].range
        return r.count > 4 && text.bytes[r.upperBound - 3] == UInt8(ascii: "i") && text.bytes[r.upperBound - 2] == UInt8(ascii: "n")
            && text.bytes[r.upperBound - 1] == UInt8(ascii: "g")
    }

    /// `“Q,” SPEAKER CUE ...` or `“Q,” CUE SPEAKER ...` after the closing mark. The speaker may carry
    /// a title ("JPL scientist Michael Malaska said"), an appositive ("Dylan Nelson, a fellow at ...,
    /// said"), or close a clause that continues the sentence ("... and affects every town, Noem said").
    private func attributionAfter(_ span: QuoteMarkPairer.Span, close: Int, end: Int) -> Attribution? {
        // "“We won.” Netanyahu said nothing else": a quote closed by a period ends its sentence.
        if span.inner.upperBound > span.inner.lowerBound, text.isPunctuation(close - 1, ".") { return nil }
        var j = close + 1
        while j < end, text.isPunctuation(j, ",") || text.kind(j) == .dash { j += 1 }
        var found: Int? = nil
        var t = j
        while t < end {
            if cue(at: t) != nil { found = t; break }
            t += 1
        }
        if found == nil { found = reportingVerb(after: close, from: j, end: end) }
        guard let c = found else { return nil }
        let kind = cue(at: c) ?? .speech
        guard kind == .speech || kind == .according else { return nil }
        // "“...,” highlighting the leaders’ view": a participle clause shares the sentence's subject.
        if c == j, kind == .speech, isParticiple(c) { return nil }
        var speaker: SpeakerResolver.Speaker? = nil
        if kind == .according {
            speaker = speakers.source(among: speakers.candidates(in: (c + 2)..<end), from: c + 2).map(speakers.resolve)
        } else if c > j, let missed = missedSpeaker(at: c, after: false) {
            // "“...,” Oregon State Police Lt. Hastings said": the name right before the verb speaks.
            speaker = missed
        } else if c > j {
            let candidates = speakers.candidates(in: j..<c)
            // The candidate right before the cue ("Malaska said", "Trump also said").
            let adjacent = candidates.last.flatMap { candidate -> SpeakerResolver.Candidate? in
                let gap = c - candidate.tokens.upperBound
                guard gap == 0 || (gap == 1 && text.isWord(c - 1) && !text.isCapitalized(c - 1)) else { return nil }
                return speakers.isSubjectLike(candidate) ? candidate : nil
            }
            let appositive = text.isPunctuation(c - 1, ",")
            if let first = candidates.first(where: speakers.isSubjectLike), appositive, first.tokens.lowerBound - j <= 5,
               text.isPunctuation(first.tokens.upperBound, ",") {
                // "Dylan Nelson, a postdoctoral fellow at ..., said"
                speaker = speakers.resolve(first)
            } else if c - j <= 8, let nearest = speakers.nearestSubject(candidates, cue: c) {
                speaker = speakers.resolve(nearest)
            } else if let adjacent, c - j <= 16, (j..<adjacent.tokens.lowerBound).allSatisfy(isTitleToken) {
                // "JPL scientist and study co-author Michael Malaska said"
                speaker = speakers.resolve(adjacent)
            } else if let adjacent, text.isPunctuation(adjacent.tokens.lowerBound - 1, ",") {
                // "“...” and affects every community, Noem said"
                speaker = speakers.resolve(adjacent)
            } else if appositive, let name = appositiveName(from: j, before: c) {
                // "“...,” Osman-aga, who herds camels in a remote desert area, told Reuters": a name
                // recognition missed, then its appositive, then the verb.
                speaker = SpeakerResolver.Speaker(entity: nil, name: text.string(tokens: name), nameTokens: name)
            } else if c - j <= 6, let phrase = speakerPhrase(j..<c) {
                // A name recognition missed, or an unnamed speaker: "one user quipped".
                speaker = SpeakerResolver.Speaker(entity: nil, name: phrase)
            } else {
                return nil
            }
        } else {
            // "said U.S. Attorney Nealy Cox": a person or organization before a place in the title.
            let after = speakers.candidates(in: (c + 1)..<min(end, c + 10))
            let preferred = after.first { candidate in
                if case .mention(let index) = candidate.kind {
                    let type = speakers.mentions[index].mention.type
                    return type == .person || type == .organization
                }
                return true
            }
            speaker = (preferred ?? after.first).map(speakers.resolve)
            if speaker?.entity == nil, let missed = missedSpeaker(at: c, after: true) { speaker = missed }
        }
        let venue = venues.venue(in: c..<end)
        return Attribution(cue: cueText(at: c), speaker: speaker, frame: .after, venue: venue)
    }

    /// A verb the lexicon lacks in the reporting clause's own shape: a quote ending in a comma,
    /// question or exclamation mark, then a pronoun or a person's name and a verb ("“Oh, actually?
    /// Yes,” he assures himself"), or the verb and a name ("“...,” comments Johnston"). The verb
    /// is a lowercase word ending in -s or -ed.
    private func reportingVerb(after close: Int, from j: Int, end: Int) -> Int? {
        guard text.isPunctuation(close - 1, ",") || text.isPunctuation(close - 1, "?") || text.isPunctuation(close - 1, "!") else { return nil }
        func isVerb(_ t: Int) -> Bool {
            guard t < end, text.isWord(t), !text.isCapitalized(t) else { return false }
            let r = text.tokens[t].range
            guard r.count > 3, !text.token(t, isOneOf: SpeechLexicon.prepositions), !text.token(t, isOneOf: SpeechLexicon.clauseStarts) else { return false }
            let last = text.bytes[r.upperBound - 1], previous = text.bytes[r.upperBound - 2]
            return (last == UInt8(ascii: "s") && previous != UInt8(ascii: "s") && previous != UInt8(ascii: "u"))
                || (last == UInt8(ascii: "d") && previous == UInt8(ascii: "e"))
        }
        func isPersonMention(_ t: Int) -> Range<Int>? {
            guard let candidate = speakers.candidates(in: t..<min(end, t + 6)).first, candidate.tokens.lowerBound == t,
                  case .mention(let index) = candidate.kind, speakers.mentions[index].mention.type == .person else { return nil }
            return candidate.tokens
        }
        if text.token(j, is: "he") || text.token(j, is: "she"), isVerb(j + 1) { return j + 1 }
        if let name = isPersonMention(j), isVerb(name.upperBound) { return name.upperBound }
        if isVerb(j), isPersonMention(j + 1) != nil { return j }
        return nil
    }

    /// A word of a title before a name: "JPL", "scientist", "and", "co", "-", "author".
    private func isTitleToken(_ t: Int) -> Bool {
        text.isWord(t) || text.kind(t) == .hyphen || text.kind(t) == .possessive || text.kind(t) == .number
    }

    /// A short noun phrase that can only be the speaker: words alone, starting with a determiner or
    /// a capital ("one user", "the 14th-ranked Schwartzman", "Avi Mandell").
    private func speakerPhrase(_ range: Range<Int>) -> String? {
        guard let first = range.first else { return nil }
        for t in range where !(text.isWord(t) || text.kind(t) == .number || text.kind(t) == .hyphen || text.kind(t) == .possessive) {
            return nil
        }
        guard text.isCapitalized(first) || text.token(first, is: "one") || text.token(first, is: "a") || text.token(first, is: "an")
            || text.token(first, is: "the") || text.token(first, is: "another") else { return nil }
        guard text.isCapitalized(range.upperBound - 1) || text.token(range.upperBound - 1, isOneOf: SpeechLexicon.speakerNouns)
            || text.token(range.upperBound - 1, isOneOf: SpeechLexicon.unnamedSpeakers) else { return nil }
        return text.string(tokens: range)
    }

    /// `SPEAKER CUE: “Q”`, `SPEAKER CUE that ... “Q”`, `described ... as “Q”`, `according to SPEAKER, “Q”`,
    /// and the headline form `SPEAKER: “Q”`.
    private func attributionBefore(_ span: QuoteMarkPairer.Span, start: Int) -> Attribution? {
        let open = span.openMark
        guard open > start else { return nil }
        var found: Int? = nil
        var t = open - 1
        while t >= start {
            if cue(at: t) != nil { found = t; break }
            t -= 1
        }
        guard let c = found, let kind = cue(at: c) else { return colonAttribution(open: open, start: start) }
        let between = (c + 1)..<open
        let betweenWords = between.filter { text.isWord($0) || text.kind($0) == .number }.count
        var frame: Frame
        switch kind {
        case .according:
            frame = .according
        case .describedAs:
            frame = between.contains { text.token($0, is: "as") } && betweenWords <= 8 ? .describedAs : .weak
        case .naming:
            // "the so-called “peace plan”" names nothing anyone said.
            if text.kind(c - 1) == .hyphen, text.token(c - 2, is: "so") { return nil }
            frame = betweenWords <= 4 ? .naming : .weak
        case .speech:
            if betweenWords == 0 { frame = .adjacent }
            else if text.token(c + 1, is: "that") { frame = .that }
            else { frame = .weak }
        }
        var candidate: SpeakerResolver.Candidate? = nil
        if kind == .according {
            candidate = speakers.source(among: speakers.candidates(in: (c + 2)..<open), from: c + 2)
        } else {
            let before = speakers.candidates(in: start..<c)
            // "Liu said that the army could be deployed, warning: “...”": a participle's subject is the sentence's.
            if isParticiple(c), let own = before.last, own.tokens.upperBound == c, !own.isPronoun {
                // "with a spokesman stating: “...”": the participle's own subject.
                candidate = own
            } else {
                candidate = isParticiple(c) ? before.first(where: speakers.isSubjectLike) ?? speakers.nearestSubject(before, cue: c)
                    : speakers.subject(ofCue: c, among: before)
            }
            if candidate == nil, frame == .adjacent || frame == .weak {
                // "said Netanyahu: “...”"
                candidate = speakers.candidates(in: (c + 1)..<open).first { $0.tokens.lowerBound == c + 1 }
            }
            if kind == .speech, let missed = missedSpeaker(at: c, after: false) {
                return Attribution(cue: cueText(at: c), speaker: missed, frame: frame, venue: nil)
            }
            if candidate == nil, start > 0, text.tokens[start].gap < .line {
                // The window began after an earlier quote of the sentence ("he called Omar a “terrorist”
                // and said, “...”"): the sentence's subject speaks.
                let sentenceStart = windowStart(before: start, previousClose: nil)
                candidate = speakers.candidates(in: sentenceStart..<start).first(where: speakers.isSubjectLike)
            }
        }
        return Attribution(cue: cueText(at: c), speaker: candidate.map(speakers.resolve), frame: frame, venue: nil)
    }

    /// `Netanyahu: “We will win”`, `Harper recalled the missing piece: “...”`: a quote after a colon
    /// belongs to the subject of the words before it.
    private func colonAttribution(open: Int, start: Int) -> Attribution? {
        guard open - 1 >= start, text.isPunctuation(open - 1, ":") else { return nil }
        guard let candidate = speakers.candidates(in: start..<(open - 1)).first(where: speakers.isSubjectLike) else { return nil }
        return Attribution(cue: nil, speaker: speakers.resolve(candidate), frame: .colon, venue: nil)
    }

    // MARK: - Not speech

    /// A title of a work: a work noun just before it ("the premiere of “Arcane”", "the book “...”").
    private func isTitleOfWork(_ span: QuoteMarkPairer.Span) -> Bool {
        var t = span.openMark - 1
        var steps = 0
        while t >= 0, steps < 3, text.tokens[t + 1].gap < .line {
            if text.token(t, isOneOf: SpeechLexicon.works) { return true }
            guard text.isWord(t) || text.isPunctuation(t, ",") else { return false }
            t -= 1
            steps += 1
        }
        return false
    }

    /// A title after a preposition: "said on “Fox News Sunday”", "a contestant on “Dancing with the Stars”".
    private func isTitleAfterPreposition(_ span: QuoteMarkPairer.Span) -> Bool {
        let before = span.openMark - 1
        guard text.tokens[span.openMark].gap != .none, text.isWord(before), !text.isCapitalized(before),
              text.token(before, isOneOf: SpeechLexicon.titlePrepositions) else { return false }
        let words = span.inner.filter { text.isWord($0) }.count
        return words <= 8 && isTitleCase(span)
    }

    /// A term named, not said: a naming word right before the quote with nobody doing the naming
    /// ("a phenomenon called “differential nonresponse”", "it has been dubbed “feather duvet lung”",
    /// "known as “the Black Death”", "the so-called “peace plan”"). "what Trump called “a witch hunt”"
    /// and "he dubbed it “a disgrace”" are speech.
    private func isNamedTerm(_ span: QuoteMarkPairer.Span) -> Bool {
        let c = span.openMark - 1
        guard text.isWord(c) else { return false }
        if text.token(c, is: "as"), text.token(c - 1, is: "known") { return true }
        if text.token(c, is: "called"), text.kind(c - 1) == .hyphen, text.token(c - 2, is: "so") { return true }
        guard text.token(c, isOneOf: SpeechLexicon.namingWords), !text.isCapitalized(c) else { return false }
        let subject = c - 1
        if text.token(subject, isOneOf: SpeechLexicon.personalPronouns) || text.token(subject, isOneOf: SpeechLexicon.speakerNouns)
            || text.token(subject, isOneOf: SpeechLexicon.unnamedSpeakers) { return false }
        // A name right before the naming word names it ("a process Smith called “...”").
        if text.isCapitalized(subject), !(subject > 0 && text.isSentenceEnd(subject - 1)) { return false }
        if speakers.candidates(in: max(0, subject - 3)..<c).contains(where: { $0.tokens.upperBound == c }) { return false }
        return true
    }

    /// A colon lead-in naming the quote's topic: "Of Clinton: “...”", "On the deal: “...”".
    private func isTopicLeadIn(_ span: QuoteMarkPairer.Span, start: Int) -> Bool {
        guard span.openMark - 1 > start, text.isPunctuation(span.openMark - 1, ":"),
              text.token(start, isOneOf: SpeechLexicon.topicPrepositions) else { return false }
        // "Of Clinton, Harris said: “...”" has its own speaker.
        return !(start..<span.openMark).contains { cue(at: $0) != nil }
    }

    /// A short quote used as a modifier: a lowercase noun right after it ("warning of “severe” storms").
    private func isModifier(_ span: QuoteMarkPairer.Span) -> Bool {
        guard let close = span.closeMark, text.isWord(close + 1), !text.isCapitalized(close + 1),
              text.tokens[close + 1].gap != .none else { return false }
        return !text.token(close + 1, isOneOf: SpeechLexicon.prepositions) && !text.token(close + 1, isOneOf: SpeechLexicon.clauseStarts)
            && !text.token(close + 1, is: "and") && !text.token(close + 1, is: "or")
    }

    /// A nickname inside a name: capitalized words on both sides ("Benjamin “Bibi” Netanyahu",
    /// "Dwayne “The Rock” Johnson").
    private func isNickname(_ span: QuoteMarkPairer.Span, words: Int) -> Bool {
        guard words <= 3, let close = span.closeMark, text.isCapitalized(span.openMark - 1), text.isCapitalized(close + 1),
              text.tokens[close + 1].gap == .space else { return false }
        return span.inner.allSatisfy { !text.isWord($0) || text.isCapitalized($0) || text.tokens[$0].range.count <= 3 }
    }

    /// Every word of four or more letters capitalized, and no sentence punctuation inside.
    private func isTitleCase(_ span: QuoteMarkPairer.Span) -> Bool {
        guard let first = span.inner.first, text.isCapitalized(first) else { return false }
        for t in span.inner {
            if t < span.inner.upperBound - 1, text.isSentenceEnd(t) || text.isPunctuation(t, ",") { return false }
            if text.isWord(t), text.tokens[t].range.count >= 4, !text.isCapitalized(t) { return false }
        }
        return true
    }

    // MARK: - Carrying speakers over

    /// A quote with no cue of its own takes the speaker of the quote before it in the same
    /// paragraph ("“A,” she said. “B.”"); a quote standing alone at a paragraph's start takes the
    /// previous paragraph's last quote speaker, or that paragraph's last sentence subject. A quote
    /// continued in the next paragraph shares its speaker with its continuation.
    private func carrySpeakers(_ decisions: inout [Decision]) {
        var last: Int? = nil
        for k in decisions.indices where decisions[k].accepted {
            defer { last = k }
            if let own = decisions[k].attribution, own.speaker == nil, let p = last,
               let previous = decisions[p].attribution?.speaker, let close = decisions[p].span.closeMark,
               decisions[p].span.paragraph == decisions[k].span.firstParagraph, decisions[k].windowStart == close + 1 {
                // "“A,” adding “B”": the cue's subject spoke the quote before, in the same sentence.
                decisions[k].attribution?.speaker = previous
                continue
            }
            guard decisions[k].attribution == nil else { continue }
            let span = decisions[k].span
            if let p = last, let previous = decisions[p].attribution, previous.speaker != nil, !decisions[k].standalone,
               let close = decisions[p].span.closeMark, decisions[p].span.paragraph == span.firstParagraph,
               decisions[k].windowStart == close + 1, speakers.candidates(in: (close + 1)..<span.openMark).isEmpty {
                // "the DEA says that “...” and that “...”": a quote joined to the one before in its
                // sentence, with nobody new between, has the same speaker.
                decisions[k].attribution = previous
                continue
            }
            let firstInParagraph = last.map { decisions[$0].span.paragraph != span.firstParagraph } ?? true
            if let p = last, let previous = decisions[p].attribution, previous.speaker != nil {
                let sameParagraph = decisions[p].span.paragraph == span.firstParagraph && decisions[k].standalone
                let continues = decisions[p].span.paragraph == span.firstParagraph - 1 && decisions[k].standalone && firstInParagraph
                if sameParagraph || continues, let subject = speakers.newSubject(
                    from: decisions[p].span.closeMark ?? decisions[p].span.inner.upperBound, to: span.openMark,
                    other: previous.speaker?.entity) {
                    // "“A,” Smith said. Jones disagreed. “B.”": a person brought in since speaks next.
                    let speaker = SpeakerResolver.Speaker(entity: subject.mention.entity, name: text.string(subject.mention.range))
                    decisions[k].attribution = Attribution(cue: nil, speaker: speaker, frame: .weak, venue: nil)
                    continue
                }
                if sameParagraph || continues {
                    decisions[k].attribution = Attribution(cue: previous.cue, speaker: previous.speaker, frame: previous.frame,
                                                           venue: previous.venue)
                    continue
                }
            }
            if decisions[k].standalone, !decisions[k].needsSpeaker, firstInParagraph, text.tokens[span.openMark].gap >= .line,
               let s = speakers.sentenceIndex(of: span.openMark - 1), let speaker = speakers.speaker(ofSentence: s) {
                decisions[k].attribution = Attribution(cue: nil, speaker: speaker, frame: .weak, venue: nil)
            }
        }
        for k in decisions.indices where decisions[k].needsSpeaker && decisions[k].attribution?.speaker == nil {
            decisions[k].accepted = false
        }
        for k in decisions.indices.reversed() where decisions[k].accepted && decisions[k].span.continuesInNextParagraph {
            guard decisions[k].attribution?.speaker == nil, k + 1 < decisions.count, decisions[k + 1].accepted,
                  let next = decisions[k + 1].attribution else { continue }
            decisions[k].attribution = next
        }
    }
}
