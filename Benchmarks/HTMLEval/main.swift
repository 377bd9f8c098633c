// html-eval: scores CrossreadHTML on the article-extraction benchmark (shingle P/R/F1), on the
// trafilatura evaluation pages (snippet P/R/F1, title, author and date accuracy) and on wcxb-dev
// (its word F1 overall and per page type, title, author, date), with speed and peak memory; with
// `--peers FILE` (from scripts/html_peers.py) it prints the peers beside it.
//
// Usage: html-eval [--corpora DIR] [--peers FILE] [--dump DIR] [--worst N] [--repeat N] [--speed-only]
import CrossreadCore
import CrossreadHTML
import CrossreadTestSupport
import Foundation

struct Arguments {
    var corpora = "../shared/corpora"
    var peers: String?
    var dump: String?
    var worst = 0
    var repeatCount = 1
    /// Only extract the article-extraction benchmark, unscored (for a whole-process timing).
    var speedOnly = false
    var explain: String?
    /// JSON object of HTMLExtractor.Options fields to override.
    var options: String?

    init(_ list: [String]) {
        var index = 1
        while index < list.count {
            let value = index + 1 < list.count ? list[index + 1] : ""
            switch list[index] {
            case "--corpora": corpora = value; index += 1
            case "--peers": peers = value; index += 1
            case "--dump": dump = value; index += 1
            case "--options": options = value; index += 1
            case "--explain": explain = value; index += 1
            case "--worst": worst = Int(value) ?? 0; index += 1
            case "--speed-only": speedOnly = true
            case "--repeat": repeatCount = max(1, Int(value) ?? 1); index += 1
            default: FileHandle.standardError.write(Data("unknown argument \(list[index])\n".utf8))
            }
            index += 1
        }
    }
}

/// One system's figures on one corpus; nil where not measured.
struct Row {
    var precision: Double?
    var recall: Double?
    var f1: Double?
    var pagesPerSecond: Double?
    var mbPerSecond: Double?
    var title: Double?
    var author: Double?
    var date: Double?
}

func prf(_ tp: Double, _ fp: Double, _ fn: Double) -> (Double, Double, Double) {
    let p = tp + fp > 0 ? tp / (tp + fp) : 0
    let r = tp + fn > 0 ? tp / (tp + fn) : 0
    return (p, r, p + r > 0 ? 2 * p * r / (p + r) : 0)
}

func normalizedSpaces(_ text: String) -> String {
    text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
}

/// CPU seconds of this thread spent in `block`: one core's work, fair on a busy machine
/// (html_peers.py measures its side with `time.thread_time()`).
func seconds(_ block: () -> Void) -> Double {
    func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
    let start = now()
    block()
    return now() - start
}

let arguments = Arguments(CommandLine.arguments)
/// The extractor, with `--options` overrides merged into the default options.
let extractor: HTMLExtractor = {
    guard let overrides = arguments.options else { return HTMLExtractor() }
    let defaults = try! JSONSerialization.jsonObject(with: JSONEncoder().encode(HTMLExtractor.Options())) as! [String: Any]
    let changes = (try? JSONSerialization.jsonObject(with: Data(overrides.utf8))) as? [String: Any] ?? [:]
    let merged = defaults.merging(changes) { $1 }
    let data = try! JSONSerialization.data(withJSONObject: merged)
    return HTMLExtractor(options: try! JSONDecoder().decode(HTMLExtractor.Options.self, from: data))
}()

// MARK: Article-extraction benchmark

func articleBenchmark() -> (Row, Int)? {
    let base = URL(fileURLWithPath: arguments.corpora).appendingPathComponent("article-extraction-benchmark")
    guard let data = try? Data(contentsOf: base.appendingPathComponent("ground-truth.json")),
          let truth = try? JSONSerialization.jsonObject(with: data) as? [String: [String: Any]] else {
        FileHandle.standardError.write(Data("article-extraction-benchmark not found under \(arguments.corpora)\n".utf8))
        return nil
    }
    var pages: [(id: String, url: String, html: String, body: String)] = []
    for id in truth.keys.sorted() {
        let path = base.appendingPathComponent("html/\(id).html.gz")
        guard let gz = try? Data(contentsOf: path), let html = Gzip.decompressString([UInt8](gz)) else { continue }
        pages.append((id, truth[id]?["url"] as? String ?? id, html,
                      truth[id]?["articleBody"] as? String ?? ""))
    }
    let bytes = pages.reduce(0) { $0 + $1.html.utf8.count }
    var results = [CleanedArticle?](repeating: nil, count: pages.count)
    var elapsed = 0.0
    for _ in 0..<arguments.repeatCount {
        elapsed += seconds {
            for (index, page) in pages.enumerated() {
                let article = RawArticle(source: page.url, format: .html, content: page.html, original: [])
                results[index] = try? extractor.clean(article)
            }
        }
    }
    elapsed /= Double(arguments.repeatCount)
    if arguments.speedOnly {  // the whole-process timing measures extraction, not scoring
        return (Row(pagesPerSecond: Double(pages.count) / elapsed, mbPerSecond: Double(bytes) / 1e6 / elapsed), pages.count)
    }
    let outputs = results.map { $0?.text ?? "" }
    var sums = (0.0, 0.0, 0.0)
    var perDocument: [(f1: Double, id: String)] = []
    for (index, page) in pages.enumerated() {
        let (tp, fp, fn) = ShingleScore.match(truth: page.body, prediction: outputs[index])
        sums.0 += tp; sums.1 += fp; sums.2 += fn
        perDocument.append((prf(tp, fp, fn).2, page.id))
        dumpResult(results[index], set: "bench", name: page.id)
    }
    if arguments.worst > 0 {
        for item in perDocument.sorted(by: { $0.f1 < $1.f1 }).prefix(arguments.worst) {
            let (tp, fp, fn) = ShingleScore.match(truth: pages.first { $0.id == item.id }!.body,
                                                   prediction: outputs[pages.firstIndex { $0.id == item.id }!])
            print(String(format: "  bench %.3f  P %.2f R %.2f  %@", item.f1, tp / max(tp + fp, 1e-9), tp / max(tp + fn, 1e-9), item.id))
        }
    }
    let (p, r, f) = prf(sums.0, sums.1, sums.2)
    return (Row(precision: p, recall: r, f1: f, pagesPerSecond: Double(pages.count) / elapsed,
                mbPerSecond: Double(bytes) / 1e6 / elapsed), pages.count)
}

/// With `--dump DIR`: writes a page's text under DIR/SET/NAME.txt, after a line of its metadata (title,
/// authors, dates), so two runs can be compared with `diff -r`.
func dumpResult(_ result: CleanedArticle?, set: String, name: String) {
    guard let dump = arguments.dump else { return }
    try? FileManager.default.createDirectory(atPath: "\(dump)/\(set)", withIntermediateDirectories: true)
    let metadata = result?.metadata ?? DocumentMetadata()
    let header = "title: \(metadata.title ?? "-") | authors: \(metadata.authors.joined(separator: "; ")) | published: "
        + "\(metadata.published?.iso8601 ?? "-") | updated: \(metadata.updated?.iso8601 ?? "-") | url: \(metadata.url ?? "-")\n"
    try? (header + (result?.text ?? "")).write(toFile: "\(dump)/\(set)/\(name).txt", atomically: false, encoding: .utf8)
}

// MARK: trafilatura evaluation pages

func authorSet(_ names: [String]) -> Set<String> {
    Set(names.map { normalizedSpaces($0).lowercased() }.filter { !$0.isEmpty })
}

func trafilaturaEval() -> (Row, Int)? {
    let base = URL(fileURLWithPath: arguments.corpora).appendingPathComponent("trafilatura-eval")
    guard let data = try? Data(contentsOf: base.appendingPathComponent("evaldata.json")),
          let entries = try? JSONSerialization.jsonObject(with: data) as? [String: [String: Any]] else {
        FileHandle.standardError.write(Data("trafilatura-eval not found under \(arguments.corpora)\n".utf8))
        return nil
    }
    var pages: [(url: String, entry: [String: Any], bytes: [UInt8])] = []
    for url in entries.keys.sorted() {
        guard let entry = entries[url], let file = entry["file"] as? String else { continue }
        for folder in ["cache", "eval"] {
            if let raw = FileManager.default.contents(atPath: base.appendingPathComponent("\(folder)/\(file)").path) {
                pages.append((url, entry, [UInt8](raw)))
                break
            }
        }
    }
    let bytes = pages.reduce(0) { $0 + $1.bytes.count }
    var results = [CleanedArticle?](repeating: nil, count: pages.count)
    var elapsed = 0.0
    for _ in 0..<arguments.repeatCount {
        elapsed += seconds {
            for (index, page) in pages.enumerated() {
                let isUTF8 = String(validating: page.bytes, as: UTF8.self) != nil
                results[index] = page.bytes.withUnsafeBytes {
                    extractor.extract(utf8: $0, source: page.url, encoding: isUTF8 ? "UTF-8" : nil)
                }
            }
        }
    }
    elapsed /= Double(arguments.repeatCount)

    var tp = 0.0, fp = 0.0, fn = 0.0
    var titleOK = 0, titleN = 0, authorOK = 0, authorN = 0, dateOK = 0, dateN = 0
    var misses: [String] = []
    for (index, page) in pages.enumerated() {
        let result = results[index]
        let text = normalizedSpaces(result?.text ?? "")
        for snippet in page.entry["with"] as? [String] ?? [] {
            if text.contains(normalizedSpaces(snippet)) { tp += 1 } else {
                fn += 1
                misses.append("  miss  \(page.url)  «\(snippet)»")
            }
        }
        for snippet in page.entry["without"] as? [String] ?? [] where text.contains(normalizedSpaces(snippet)) {
            fp += 1
            misses.append("  extra \(page.url)  «\(snippet)»")
        }
        dumpResult(result, set: "trafilatura-eval", name: String(page.entry["file"] as? String ?? "\(index)"))
        let metadata = result?.metadata ?? DocumentMetadata()
        if let title = page.entry["title"] as? String, !title.isEmpty {
            titleN += 1
            if normalizedSpaces(metadata.title ?? "").lowercased() == normalizedSpaces(title).lowercased() { titleOK += 1 }
            else { misses.append("  title \(page.url)  got «\(metadata.title ?? "")» want «\(title)»") }
        }
        var gold: [String]?
        if let author = page.entry["author"] as? String, !author.isEmpty {
            gold = author.components(separatedBy: ";")
        } else if let list = page.entry["author"] as? [String], !list.isEmpty {
            gold = list
        }
        if let gold {
            authorN += 1
            if authorSet(metadata.authors) == authorSet(gold) { authorOK += 1 }
            else { misses.append("  author \(page.url)  got «\(metadata.authors.joined(separator: "; "))» want «\(gold.joined(separator: "; "))»") }
        }
        if let date = page.entry["date"] as? String, !date.isEmpty {
            dateN += 1
            if metadata.published?.day8601 == date { dateOK += 1 }
            else { misses.append("  date  \(page.url)  got «\(metadata.published?.iso8601 ?? "")» want «\(date)»") }
        }
    }
    if arguments.worst > 0 { for line in misses { print(line) } }
    let (p, r, f) = prf(tp, fp, fn)
    return (Row(precision: p, recall: r, f1: f, pagesPerSecond: Double(pages.count) / elapsed,
                mbPerSecond: Double(bytes) / 1e6 / elapsed,
                title: titleN > 0 ? Double(titleOK) / Double(titleN) : nil,
                author: authorN > 0 ? Double(authorOK) / Double(authorN) : nil,
                date: dateN > 0 ? Double(dateOK) / Double(dateN) : nil), pages.count)
}

// MARK: wcxb-dev

/// One page type's averaged word-overlap figures.
struct TypeScore {
    var pages = 0
    var precision = 0.0, recall = 0.0, f1 = 0.0
    mutating func add(_ score: (precision: Double, recall: Double, f1: Double)) {
        pages += 1; precision += score.precision; recall += score.recall; f1 += score.f1
    }
    var averaged: Row {
        let n = Double(max(pages, 1))
        return Row(precision: precision / n, recall: recall / n, f1: f1 / n)
    }
}

/// wcxb-dev with its own metric, overall and per page type, plus title, author and date.
func wcxbDev() -> (Row, [String: TypeScore], Int, Double)? {
    let base = URL(fileURLWithPath: arguments.corpora).appendingPathComponent("wcxb-dev")
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: base.appendingPathComponent("ground-truth").path) else {
        FileHandle.standardError.write(Data("wcxb-dev not found under \(arguments.corpora)\n".utf8))
        return nil
    }
    var pages: [(id: String, url: String, kind: String, gold: [String: Any], bytes: [UInt8])] = []
    for name in names.sorted() where name.hasSuffix(".json") {
        let id = String(name.dropLast(5))
        guard let data = FileManager.default.contents(atPath: base.appendingPathComponent("ground-truth/\(name)").path),
              let truth = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let gz = FileManager.default.contents(atPath: base.appendingPathComponent("html/\(id).html.gz").path),
              let raw = Gzip.decompress([UInt8](gz)) else { continue }
        let kind = ((truth["_internal"] as? [String: Any])?["page_type"] as? [String: Any])?["primary"] as? String ?? "?"
        pages.append((id, truth["url"] as? String ?? id, kind, truth["ground_truth"] as? [String: Any] ?? [:], raw))
    }
    let bytes = pages.reduce(0) { $0 + $1.bytes.count }
    var results = [CleanedArticle?](repeating: nil, count: pages.count)
    let elapsed = seconds {
        for (index, page) in pages.enumerated() {
            let isUTF8 = String(validating: page.bytes, as: UTF8.self) != nil
            results[index] = page.bytes.withUnsafeBytes {
                extractor.extract(utf8: $0, source: page.url, encoding: isUTF8 ? "UTF-8" : nil)
            }
        }
    }
    var byType: [String: TypeScore] = [:]
    var titleOK = 0, titleN = 0, authorOK = 0, authorN = 0, dateOK = 0, dateN = 0, undated = 0, falseDates = 0
    var perPage: [(f1: Double, line: String)] = []
    for (index, page) in pages.enumerated() {
        let result = results[index]
        let score = WordOverlapScore.match(gold: page.gold["main_content"] as? String ?? "", prediction: result?.text ?? "")
        byType["all", default: TypeScore()].add(score)
        byType[page.kind, default: TypeScore()].add(score)
        perPage.append((score.f1, String(format: "  wcxb %.3f  P %.2f R %.2f  %@ %@ %@", score.f1, score.precision,
                                         score.recall, page.id, page.kind, page.url)))
        let metadata = result?.metadata ?? DocumentMetadata()
        if let title = page.gold["title"] as? String, !title.isEmpty {
            titleN += 1
            if MetadataMatch.titleKey(metadata.title ?? "") == MetadataMatch.titleKey(title) { titleOK += 1 }
            else if arguments.worst > 0 { print("  wcxb title \(page.id)  got «\(metadata.title ?? "")» want «\(title)»") }
        }
        if let author = page.gold["author"] as? String, !author.isEmpty {
            authorN += 1
            if MetadataMatch.authorKey(metadata.authors.joined(separator: " ")) == MetadataMatch.authorKey(author) { authorOK += 1 }
            else if arguments.worst > 0 { print("  wcxb author \(page.id) \(page.kind)  got «\(metadata.authors.joined(separator: "; "))» want «\(author)»") }
        }
        if let date = page.gold["publish_date"] as? String, !date.isEmpty {
            dateN += 1
            if metadata.published?.day8601 == date { dateOK += 1 }
            else if arguments.worst > 0 { print("  wcxb date \(page.id) \(page.kind)  got «\(metadata.published?.iso8601 ?? "")» want «\(date)»") }
        } else {
            undated += 1
            if metadata.published != nil { falseDates += 1 }
        }
        dumpResult(result, set: "wcxb", name: page.id)
    }
    if arguments.worst > 0 {
        for item in perPage.sorted(by: { $0.f1 < $1.f1 }).prefix(arguments.worst) { print(item.line) }
    }
    var row = byType["all"]?.averaged ?? Row()
    row.pagesPerSecond = Double(pages.count) / elapsed
    row.mbPerSecond = Double(bytes) / 1e6 / elapsed
    row.title = titleN > 0 ? Double(titleOK) / Double(titleN) : nil
    row.author = authorN > 0 ? Double(authorOK) / Double(authorN) : nil
    row.date = dateN > 0 ? Double(dateOK) / Double(dateN) : nil
    return (row, byType, pages.count, undated > 0 ? Double(falseDates) / Double(undated) : 0)
}

// MARK: Table

func peerRows(_ key: String, _ peers: [String: Any]) -> [String: Row] {
    var rows: [String: Row] = [:]
    for item in peers[key] as? [[String: Any]] ?? [] {
        guard let name = item["name"] as? String else { continue }
        rows[name] = Row(precision: item["precision"] as? Double, recall: item["recall"] as? Double,
                         f1: item["f1"] as? Double, pagesPerSecond: item["pagesPerSecond"] as? Double,
                         mbPerSecond: item["mbPerSecond"] as? Double, title: item["titleAccuracy"] as? Double,
                         author: item["authorAccuracy"] as? Double, date: item["dateAccuracy"] as? Double)
    }
    return rows
}

func cell(_ value: Double?, _ format: String = "%.3f") -> String {
    let text = value.map { String(format: format, $0) } ?? "-"
    return text.padding(toLength: 13, withPad: " ", startingAt: 0)
}

if let explain = arguments.explain {
    // Explain one page: a benchmark id prefix or a path.
    var bytes = FileManager.default.contents(atPath: explain).map { [UInt8]($0) }
    if bytes == nil {
        let folder = URL(fileURLWithPath: arguments.corpora).appendingPathComponent("article-extraction-benchmark/html")
        if let name = (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.first(where: { $0.hasPrefix(explain) }),
           let gz = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) {
            bytes = Gzip.decompress([UInt8](gz))
        }
    }
    guard let bytes else { print("no page \(explain)"); exit(1) }
    if bytes.starts(with: [0x1f, 0x8b]) { print("gzip") }
    let isUTF8 = String(validating: bytes, as: UTF8.self) != nil
    print(bytes.withUnsafeBytes { extractor.explain(utf8: $0, source: explain, encoding: isUTF8 ? "UTF-8" : nil) })
    exit(0)
}

let bench = articleBenchmark()
if arguments.speedOnly {
    print(String(format: "%.1f pages/s in the extraction loop", bench?.0.pagesPerSecond ?? 0))
    exit(0)
}
let evaluation = trafilaturaEval()
let wcxb = wcxbDev()
var usage = rusage()
getrusage(RUSAGE_SELF.rawValue, &usage)
let peakMB = Double(usage.ru_maxrss) / 1024

var peers: [String: Any] = [:]
if let path = arguments.peers, let data = FileManager.default.contents(atPath: path),
   let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] {
    peers = object
}
let systems = ["Crossread", "trafilatura", "htmldate"]
print("metric".padding(toLength: 34, withPad: " ", startingAt: 0) + systems.map { $0.padding(toLength: 13, withPad: " ", startingAt: 0) }.joined())
func printSection(_ title: String, _ ours: Row?, _ theirs: [String: Row], _ metrics: [(String, (Row) -> Double?, String)]) {
    print(title)
    for (name, value, format) in metrics {
        var line = ("  " + name).padding(toLength: 34, withPad: " ", startingAt: 0)
        line += cell(ours.flatMap(value), format)
        line += cell(theirs["trafilatura"].flatMap(value), format)
        line += cell(theirs["htmldate"].flatMap(value), format)
        print(line)
    }
}
printSection("article-extraction-benchmark (\(bench?.1 ?? 0) pages)", bench?.0, peerRows("articleBenchmark", peers), [
    ("precision", { $0.precision }, "%.3f"), ("recall", { $0.recall }, "%.3f"), ("F1", { $0.f1 }, "%.4f"),
    ("pages/s (1 core)", { $0.pagesPerSecond }, "%.1f"), ("MB/s", { $0.mbPerSecond }, "%.1f"),
])
printSection("trafilatura-eval (\(evaluation?.1 ?? 0) pages)", evaluation?.0, peerRows("trafilaturaEval", peers), [
    ("snippet precision", { $0.precision }, "%.3f"), ("snippet recall", { $0.recall }, "%.3f"),
    ("snippet F1", { $0.f1 }, "%.4f"), ("title accuracy", { $0.title }, "%.3f"),
    ("author accuracy", { $0.author }, "%.3f"), ("date accuracy", { $0.date }, "%.3f"),
    ("pages/s (1 core)", { $0.pagesPerSecond }, "%.1f"), ("MB/s", { $0.mbPerSecond }, "%.1f"),
])
let wcxbPeers = peerRows("wcxbDev", peers)
printSection("wcxb-dev (\(wcxb?.2 ?? 0) pages, word F1 averaged over pages)", wcxb?.0, wcxbPeers, [
    ("precision", { $0.precision }, "%.3f"), ("recall", { $0.recall }, "%.3f"), ("F1", { $0.f1 }, "%.4f"),
    ("title exact", { $0.title }, "%.3f"), ("author accuracy", { $0.author }, "%.3f"),
    ("date accuracy (dated pages)", { $0.date }, "%.3f"),
    ("pages/s (1 core)", { $0.pagesPerSecond }, "%.1f"), ("MB/s", { $0.mbPerSecond }, "%.1f"),
])
var falseDateLine = "  a date on undated pages".padding(toLength: 34, withPad: " ", startingAt: 0) + cell(wcxb?.3)
for item in peers["wcxbDev"] as? [[String: Any]] ?? [] { falseDateLine += cell(item["falseDateRate"] as? Double) }
print(falseDateLine)
let peerTypes = (peers["wcxbDev"] as? [[String: Any]] ?? []).first { $0["name"] as? String == "trafilatura" }?["byType"] as? [String: [String: Any]] ?? [:]
print("  word F1 by page type (pages)       Crossread    trafilatura  (P / R)")
for kind in ["article", "service", "forum", "listing", "product", "collection", "documentation"] {
    let ours = wcxb?.1[kind]?.averaged, theirs = peerTypes[kind]
    var line = "    \(kind) (\(wcxb?.1[kind]?.pages ?? 0))".padding(toLength: 34, withPad: " ", startingAt: 0)
    line += cell(ours?.f1) + cell(theirs?["f1"] as? Double)
    line += String(format: "  %.3f/%.3f vs %.3f/%.3f", ours?.precision ?? 0, ours?.recall ?? 0,
                   theirs?["precision"] as? Double ?? 0, theirs?["recall"] as? Double ?? 0)
    print(line)
}
print("peak memory (MB)".padding(toLength: 34, withPad: " ", startingAt: 0) + cell(peakMB, "%.0f")
      + cell(peers["peakMemoryMB"] as? Double, "%.0f") + cell(peers["peakMemoryMB"] as? Double, "%.0f"))
