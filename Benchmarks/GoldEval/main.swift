import CrossreadCore
import CrossreadLanguage
import Foundation

// Crossread's language stage on a hand-annotated test set, release build, run from
// scripts/eval-gold.sh (benchmark30: 30 articles of the article-extraction benchmark, entities and
// quotes) and scripts/eval-quotes.sh (quotes60: 60 held-out articles, quotes, speakers and terms):
//
//   gold-eval [--corpus ground-truth.json] [--ecbplus DIR] [--gold benchmark30.json|quotes60.json]
//             [--peers peers.json] [--errors]
//
// Each `articleBody` (or, for a gold article of corpus `ecbplus-dev`, the file DIR/<id> read
// whole) is taken as clean text and annotated by `LanguageAnnotator`. Scores, all offsets in
// Unicode code points:
// - entities: exact span and type (PER, ORG, LOC), per type and micro-averaged;
// - quotes: a gold quote is found when one predicted quote covers at least half of its code
//   points; a predicted quote is right when it covers at least half of some gold quote;
// - speakers: on the gold quotes found, the predicted quote covering most of the gold one names
//   the gold speaker (names match when the words of one are all among the words of the other,
//   "Noem" and "Kristi Noem"; a null gold speaker needs a null prediction, and a Crossread quote
//   whose speaker is not resolved to an entity counts as null);
// - entities are scored only when the gold set marks mentions (quotes60 does not).
// `--peers` adds the systems scored by scripts/gold_peers.py (spaCy's entities, textacy's
// quotes) to the same table; `--errors` lists Crossread's misses and false alarms per article.

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}

/// One gold article: mentions, quotes and quoted terms as code-point offsets into its text.
struct GoldArticle: Decodable {
    /// "article-extraction-benchmark" (the default) or "ecbplus-dev".
    var corpus: String?
    var id: String
    var mentions: [Span]?
    var quotes: [GoldQuote]
    /// Quoted text that is not speech (quotes60): `[start, end]`.
    var terms: [[Int]]?
}

/// `[start, end, type]` in the gold file and in the peers file.
struct Span: Decodable, Hashable {
    var start: Int
    var end: Int
    var type: String

    init(start: Int, end: Int, type: String) {
        self.start = start
        self.end = end
        self.type = type
    }

    init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        start = try container.decode(Int.self)
        end = try container.decode(Int.self)
        type = try container.decode(String.self)
    }
}

struct GoldQuote: Decodable {
    var start: Int
    var end: Int
    var speaker: [Int]?
}

struct GoldFile: Decodable {
    var articles: [GoldArticle]
}

/// A predicted quote: its span and every name the system gives its speaker (none when unresolved).
struct PredictedQuote: Decodable {
    var start: Int
    var end: Int
    var speakers: [String]
    /// For `--errors`: the speaker name and cue Crossread gives, resolved or not.
    var shown: String? = nil
}

/// What scripts/gold_peers.py writes: spaCy's mentions and textacy's quotes per article id.
struct PeersFile: Decodable {
    var entitySystem: String
    var quoteSystem: String
    var entities: [String: [Span]]
    var quotes: [String: [PredictedQuote]]
    var quoteFailures: [String]
}

/// One system's output on one article, in code points.
struct Prediction {
    var mentions: [Span]
    var quotes: [PredictedQuote]
    /// Quoted words found not to be speech (Crossread's `terms`).
    var terms: [PredictedQuote] = []
}

struct Score {
    var truePositives = 0, predicted = 0, gold = 0
    // Recall and precision may count different things (quotes), so they keep their own numerators.
    var goldFound = 0
    var precision: Double { predicted == 0 ? 0 : Double(truePositives) / Double(predicted) }
    var recall: Double { gold == 0 ? 0 : Double(goldFound) / Double(gold) }
    var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

    static func + (a: Score, b: Score) -> Score {
        Score(truePositives: a.truePositives + b.truePositives, predicted: a.predicted + b.predicted,
              gold: a.gold + b.gold, goldFound: a.goldFound + b.goldFound)
    }
}

/// Entity, quote and speaker scores of one system over the set.
struct SystemScores {
    var byType: [String: Score] = [:]
    var quotes = Score()
    var terms = Score()
    var speakersRight = 0, speakersJudged = 0
    var micro: Score { byType.values.reduce(Score(), +) }
}

enum Scoring {
    static let types = ["PER", "ORG", "LOC"]

    static func entities(gold: [Span], predicted: [Span], into scores: inout SystemScores) {
        let goldSet = Set(gold), predictedSet = Set(predicted)
        for type in types {
            let g = goldSet.filter { $0.type == type }, p = predictedSet.filter { $0.type == type }
            let tp = g.intersection(p).count
            scores.byType[type, default: Score()] = scores.byType[type, default: Score()]
                + Score(truePositives: tp, predicted: p.count, gold: g.count, goldFound: tp)
        }
    }

    static func overlap(_ a: (Int, Int), _ b: (Int, Int)) -> Int { max(0, min(a.1, b.1) - max(a.0, b.0)) }

    static func covers(_ p: PredictedQuote, _ g: GoldQuote) -> Bool {
        2 * overlap((p.start, p.end), (g.start, g.end)) >= g.end - g.start
    }

    /// Quote and speaker scores; `goldSpeaker` gives a gold quote's speaker name (nil when null).
    static func quotes(gold: [GoldQuote], predicted: [PredictedQuote], goldSpeaker: (GoldQuote) -> String?,
                       into scores: inout SystemScores) {
        scores.quotes.gold += gold.count
        scores.quotes.predicted += predicted.count
        scores.quotes.truePositives += predicted.filter { p in gold.contains { covers(p, $0) } }.count
        for g in gold {
            let found = predicted.filter { covers($0, g) }
            guard let best = found.max(by: { overlap(($0.start, $0.end), (g.start, g.end)) < overlap(($1.start, $1.end), (g.start, g.end)) })
            else { continue }
            scores.quotes.goldFound += 1
            scores.speakersJudged += 1
            if sameSpeaker(gold: goldSpeaker(g), predicted: best.speakers) { scores.speakersRight += 1 }
        }
    }

    static func sameSpeaker(gold: String?, predicted: [String]) -> Bool {
        guard let gold else { return predicted.isEmpty }
        let goldWords = words(gold)
        return predicted.contains { name in
            let w = words(name)
            return !w.isEmpty && !goldWords.isEmpty && (w.isSubset(of: goldWords) || goldWords.isSubset(of: w))
        }
    }

    /// Lower-cased words of a name, without a possessive ending and without "the".
    static func words(_ name: String) -> Set<String> {
        var name = name.lowercased()
        for ending in ["’s", "'s"] where name.hasSuffix(ending) { name.removeLast(2) }
        let parts = name.unicodeScalars.split { !CharacterSet.alphanumerics.contains($0) }.map { String(String.UnicodeScalarView($0)) }
        return Set(parts.filter { $0 != "the" })
    }
}

/// Crossread's annotations of one body, converted from UTF-8 byte ranges to code points.
func crossread(_ text: String, annotator: LanguageAnnotator) -> Prediction {
    var codePointAt: [Int] = []
    codePointAt.reserveCapacity(text.utf8.count + 1)
    var index = 0
    for scalar in text.unicodeScalars {
        for _ in 0..<UTF8.width(scalar) { codePointAt.append(index) }
        index += 1
    }
    codePointAt.append(index)
    let annotations = annotator.annotate(text: text, published: nil)
    let labels: [EntityType: String] = [.person: "PER", .organization: "ORG", .place: "LOC"]
    let mentions = annotations.mentions.compactMap { m in
        labels[m.type].map { Span(start: codePointAt[m.range.lowerBound], end: codePointAt[m.range.upperBound], type: $0) }
    }
    let entities = Dictionary(annotations.entities.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    let quotes = annotations.quotes.map { q in
        // A speaker not resolved to an entity ("one legal expert") counts as no speaker.
        var names: [String] = []
        if let id = q.speaker {
            names = [q.speakerName].compactMap { $0 } + (entities[id].map { [$0.name] + $0.aliases } ?? [])
        }
        return PredictedQuote(start: codePointAt[q.range.lowerBound], end: codePointAt[q.range.upperBound], speakers: names,
                              shown: "\(q.speakerName ?? "-")\(q.speaker == nil ? "" : "*") / \(q.cue ?? "-")")
    }
    let terms = annotations.terms.map {
        PredictedQuote(start: codePointAt[$0.range.lowerBound], end: codePointAt[$0.range.upperBound], speakers: [])
    }
    return Prediction(mentions: mentions, quotes: quotes, terms: terms)
}

func slice(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> String {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars[start..<end])
    return String(view)
}

func format(_ s: Score, count: Bool = true) -> String {
    let numbers = String(format: "%6.3f %6.3f %6.3f", s.precision, s.recall, s.f1)
    return count ? numbers + "   \(s.truePositives)/\(s.predicted) right, \(s.goldFound)/\(s.gold) found" : numbers
}

// MARK: main

var arguments = Array(CommandLine.arguments.dropFirst())
// `gold-eval --show FILE`: the quotes and terms Crossread finds in one clean text, for error analysis.
if arguments.first == "--show", arguments.count == 2 {
    guard let data = FileManager.default.contents(atPath: arguments[1]) else { fail("cannot read \(arguments[1])") }
    let text = String(decoding: data, as: UTF8.self)
    let bytes = Array(text.utf8)
    let annotations = LanguageAnnotator().annotate(text: text, published: nil)
    let entities = Dictionary(annotations.entities.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    for m in annotations.mentions where [.person, .organization].contains(m.type) {
        print("mention \(m.type): \(String(decoding: bytes[m.range], as: UTF8.self))")
    }
    for q in annotations.quotes {
        let name = q.speaker.flatMap { entities[$0]?.name } ?? "-"
        print("quote: \(String(decoding: bytes[q.range], as: UTF8.self)) | \(q.speakerName ?? "-") -> \(name) | \(q.cue ?? "-")")
    }
    for t in annotations.terms { print("term: \(String(decoding: bytes[t.range], as: UTF8.self))") }
    exit(0)
}
var corpusPath = "../shared/corpora/article-extraction-benchmark/ground-truth.json"
var ecbplusPath = "../shared/corpora/ecbplus-dev"
var goldPath = "Tests/CrossreadLanguageTests/Gold/benchmark30.json"
var peersPath: String?
var showErrors = false
while !arguments.isEmpty {
    let argument = arguments.removeFirst()
    switch argument {
    case "--corpus": corpusPath = arguments.removeFirst()
    case "--ecbplus": ecbplusPath = arguments.removeFirst()
    case "--gold": goldPath = arguments.removeFirst()
    case "--peers": peersPath = arguments.removeFirst()
    case "--errors": showErrors = true
    default: fail("usage: gold-eval [--corpus ground-truth.json] [--ecbplus DIR] [--gold benchmark30.json|quotes60.json] [--peers peers.json] [--errors]")
    }
}
guard let corpusData = FileManager.default.contents(atPath: corpusPath),
      let corpus = try? JSONSerialization.jsonObject(with: corpusData) as? [String: [String: Any]]
else { fail("cannot read \(corpusPath)") }
guard let goldData = FileManager.default.contents(atPath: goldPath) else { fail("cannot read \(goldPath)") }
let gold: GoldFile
do { gold = try JSONDecoder().decode(GoldFile.self, from: goldData) } catch { fail("\(goldPath): \(error)") }
var peers: PeersFile?
if let peersPath {
    guard let data = FileManager.default.contents(atPath: peersPath) else { fail("cannot read \(peersPath)") }
    do { peers = try JSONDecoder().decode(PeersFile.self, from: data) } catch { fail("\(peersPath): \(error)") }
}

let annotator = LanguageAnnotator()
var ours = SystemScores(), entityPeer = SystemScores(), quotePeer = SystemScores()
var words = 0
var elapsed = Duration.zero
let clock = ContinuousClock()
for article in gold.articles {
    let body: String
    if article.corpus == "ecbplus-dev" {
        let path = ecbplusPath + "/" + article.id
        guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
        body = String(decoding: data, as: UTF8.self)
    } else {
        guard let text = corpus[article.id]?["articleBody"] as? String else { fail("\(article.id) is not in \(corpusPath)") }
        body = text
    }
    let mentions = article.mentions ?? []
    let scalars = Array(body.unicodeScalars)
    words += body.split(whereSeparator: { $0 == " " || $0 == "\n" }).count
    var prediction = Prediction(mentions: [], quotes: [])
    elapsed += clock.measure { prediction = crossread(body, annotator: annotator) }
    let speakerName = { (q: GoldQuote) -> String? in q.speaker.map { slice(scalars, $0[0], $0[1]) } }
    Scoring.entities(gold: mentions, predicted: prediction.mentions, into: &ours)
    Scoring.quotes(gold: article.quotes, predicted: prediction.quotes, goldSpeaker: speakerName, into: &ours)
    if let terms = article.terms {
        // Terms: found and right by the same half-coverage rule as quotes; speakers do not apply.
        let goldTerms = terms.map { GoldQuote(start: $0[0], end: $0[1]) }
        var termScores = SystemScores()
        Scoring.quotes(gold: goldTerms, predicted: prediction.terms, goldSpeaker: { _ in nil }, into: &termScores)
        ours.terms = ours.terms + termScores.quotes
    }
    if let peers {
        Scoring.entities(gold: mentions, predicted: peers.entities[article.id] ?? [], into: &entityPeer)
        Scoring.quotes(gold: article.quotes, predicted: peers.quotes[article.id] ?? [], goldSpeaker: speakerName,
                       into: &quotePeer)
    }
    if showErrors {
        let text = { (s: Int, e: Int) in slice(scalars, s, e).replacingOccurrences(of: "\n", with: " ") }
        let g = Set(mentions), p = Set(prediction.mentions)
        print("=== \(article.id.prefix(16))")
        if !mentions.isEmpty {
            for m in g.subtracting(p).sorted(by: { $0.start < $1.start }) { print("  missed  \(m.type) \(text(m.start, m.end))") }
            for m in p.subtracting(g).sorted(by: { $0.start < $1.start }) { print("  false   \(m.type) \(text(m.start, m.end))") }
        }
        for q in article.quotes {
            let found = prediction.quotes.first { Scoring.covers($0, q) }
            let head = String(text(q.start, q.end).prefix(50))
            if let found {
                if !Scoring.sameSpeaker(gold: speakerName(q), predicted: found.speakers) {
                    print("  speaker \(speakerName(q) ?? "null") != \(found.speakers.first ?? "null") [\(found.shown ?? "")]: \(head)")
                }
            } else {
                print("  missed quote (\(speakerName(q) ?? "null")): \(head)")
            }
        }
        for q in prediction.quotes where !article.quotes.contains(where: { Scoring.covers(q, $0) }) {
            let term = (article.terms ?? []).contains { Scoring.covers(q, GoldQuote(start: $0[0], end: $0[1])) }
            print("  false quote\(term ? " (a term)" : ""): \(String(text(q.start, q.end).prefix(50)))")
        }
        for t in article.terms ?? [] where !prediction.terms.contains(where: { Scoring.covers($0, GoldQuote(start: t[0], end: t[1])) }) {
            print("  missed term: \(String(text(t[0], t[1]).prefix(50)))")
        }
    }
}

let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
let goldTerms = gold.articles.reduce(0) { $0 + ($1.terms?.count ?? 0) }
print("Gold test set: \(gold.articles.count) articles, \(ours.micro.gold) mentions, \(ours.quotes.gold) quotes, \(goldTerms) terms (\(goldPath))")
print(String(format: "Crossread language stage: %.0f words/s on one core (%d words)", Double(words) / max(seconds, 1e-9), words))
print("")
print("                                   P      R      F1")
let entityName = peers?.entitySystem ?? "spaCy"
for type in Scoring.types + ["all"] where ours.micro.gold > 0 {
    let mine = type == "all" ? ours.micro : ours.byType[type, default: Score()]
    print("entities \(type.padding(toLength: 4, withPad: " ", startingAt: 0)) Crossread".padding(toLength: 30, withPad: " ", startingAt: 0) + format(mine))
    if peers != nil {
        let theirs = type == "all" ? entityPeer.micro : entityPeer.byType[type, default: Score()]
        print("              \(entityName)".padding(toLength: 30, withPad: " ", startingAt: 0) + format(theirs))
    }
}
print("quotes        Crossread".padding(toLength: 30, withPad: " ", startingAt: 0) + format(ours.quotes))
if let peers {
    print("              \(peers.quoteSystem)".padding(toLength: 30, withPad: " ", startingAt: 0) + format(quotePeer.quotes)
          + "   (failed on \(peers.quoteFailures.count) of \(gold.articles.count) articles)")
}
func accuracy(_ s: SystemScores) -> String {
    String(format: "%.3f (%d of %d found quotes)", s.speakersJudged == 0 ? 0 : Double(s.speakersRight) / Double(s.speakersJudged),
           s.speakersRight, s.speakersJudged)
}
print("speakers      Crossread".padding(toLength: 30, withPad: " ", startingAt: 0) + accuracy(ours))
if goldTerms > 0 {
    print("terms         Crossread".padding(toLength: 30, withPad: " ", startingAt: 0) + format(ours.terms))
}
if let peers {
    print("              \(peers.quoteSystem)".padding(toLength: 30, withPad: " ", startingAt: 0) + accuracy(quotePeer))
}
