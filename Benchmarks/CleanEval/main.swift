// clean-eval: scores the plain-text cleaner on the trafilatura evaluation pages rendered as text.
//
//   clean-eval [FOLDER] [--verbose] [--cv] [--train OUT.swift] [--bias X] [--switch X]
//              [--evaldata PATH] [--only SUBSTRING] [--baseline FILE.tsv]
//   clean-eval --bodies GROUND_TRUTH.json TEXT_FOLDER
//
// FOLDER holds `pages/<file>.txt` (default ../shared/corpora/trafilatura-eval-text); the
// annotations come from FOLDER/../trafilatura-eval/evaldata.json. Each entry's `with` snippets
// must appear in the clean text and its `without` snippets must not (whitespace-normalized
// substring match); precision, recall and F1 are summed over snippets, as upstream does.
// --cv trains on half the pages and scores the other half (both ways) to show how the model
// generalizes; --train retrains on all pages and writes the weights file.
// --bodies scores a second, unseen corpus: TEXT_FOLDER/<id>.txt are pages rendered to text and
// GROUND_TRUTH.json maps each id to {"articleBody": ...} (the article-extraction benchmark); it
// prints mean precision, recall and F1 over word 4-gram shingles of the clean text against the body.
import CrossreadClean
import CrossreadCore
import Foundation

struct Entry {
    var file: String
    var with: [String]
    var without: [String]
    var text: String
}

struct Score {
    var truePositives = 0, falseNegatives = 0, falsePositives = 0, trueNegatives = 0
    var precision: Double { Double(truePositives) / Double(max(truePositives + falsePositives, 1)) }
    var recall: Double { Double(truePositives) / Double(max(truePositives + falseNegatives, 1)) }
    var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    static func + (a: Score, b: Score) -> Score {
        Score(truePositives: a.truePositives + b.truePositives, falseNegatives: a.falseNegatives + b.falseNegatives,
              falsePositives: a.falsePositives + b.falsePositives, trueNegatives: a.trueNegatives + b.trueNegatives)
    }
    var line: String {
        String(format: "F1 %.3f  precision %.3f  recall %.3f  (TP %d FN %d FP %d TN %d)",
               f1, precision, recall, truePositives, falseNegatives, falsePositives, trueNegatives)
    }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("clean-eval: \(message)\n".utf8))
    exit(2)
}

// MARK: Arguments

var arguments = Array(CommandLine.arguments.dropFirst())
@MainActor func option(_ name: String) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    let value = arguments[index + 1]
    arguments.removeSubrange(index...(index + 1))
    return value
}
@MainActor func flag(_ name: String) -> Bool {
    guard let index = arguments.firstIndex(of: name) else { return false }
    arguments.remove(at: index)
    return true
}
let verbose = flag("--verbose")
let crossValidate = flag("--cv")
let trainOutput = option("--train")
let biasOption = option("--bias").flatMap(Double.init)
let switchOption = option("--switch").flatMap(Double.init)
let evaldataOption = option("--evaldata")
let gapOption = option("--gap").flatMap(Int.init)
let shareOption = option("--share").flatMap(Double.init)
let only = option("--only")
let baselinePath = option("--baseline")
let dumpFolder = option("--dump")
let oneStage = flag("--one-stage")
let l2 = option("--l2").flatMap(Double.init) ?? 1e-3
let furnitureWeight = option("--furniture").flatMap(Double.init) ?? 1.5
// MARK: Bodies mode (article-extraction benchmark)

/// Lowercased word 4-grams of a text, with counts.
func shingles(_ text: String) -> [String: Int] {
    var words: [Substring] = []
    var start: String.Index?
    let lower = text.lowercased()
    for index in lower.indices {
        let c = lower[index]
        if c.isLetter || c.isNumber || c == "_" {
            if start == nil { start = index }
        } else if let s = start {
            words.append(lower[s..<index])
            start = nil
        }
    }
    if let s = start { words.append(lower[s...]) }
    var out: [String: Int] = [:]
    if words.count < 4 {
        if !words.isEmpty { out[words.joined(separator: " "), default: 0] += 1 }
        return out
    }
    for i in 0...(words.count - 4) { out[words[i..<(i + 4)].joined(separator: " "), default: 0] += 1 }
    return out
}

if let truthPath = option("--bodies") {
    guard let textFolder = arguments.first,
          let data = FileManager.default.contents(atPath: truthPath),
          let truth = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
        fail("usage: clean-eval --bodies GROUND_TRUTH.json TEXT_FOLDER")
    }
    let cleaner = TextCleaner()
    var precisions: [Double] = [], recalls: [Double] = [], f1s: [Double] = []
    var keepAll: [Double] = []
    for (id, value) in truth {
        guard let body = (value as? [String: Any])?["articleBody"] as? String,
              let raw = FileManager.default.contents(atPath: textFolder + "/" + id + ".txt") else { continue }
        let page = String(decoding: raw, as: UTF8.self)
        let gold = shingles(body)
        let goldTotal = gold.values.reduce(0, +)
        func score(_ text: String) -> (Double, Double, Double) {
            let predicted = shingles(text)
            let common = predicted.reduce(0) { $0 + min($1.value, gold[$1.key] ?? 0) }
            let p = Double(common) / Double(max(predicted.values.reduce(0, +), 1))
            let r = Double(common) / Double(max(goldTotal, 1))
            return (p, r, p + r > 0 ? 2 * p * r / (p + r) : 0)
        }
        let (p, r, f) = score(cleaner.clean(text: page).text)
        precisions.append(p); recalls.append(r); f1s.append(f)
        keepAll.append(score(page).2)
    }
    guard !f1s.isEmpty else { fail("no pages of \(truthPath) found in \(textFolder)") }
    func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(values.count) }
    print(String(format: "TextCleaner on %d unseen pages: mean F1 %.3f  precision %.3f  recall %.3f (word 4-gram shingles; keeping everything: F1 %.3f)",
                 f1s.count, mean(f1s), mean(precisions), mean(recalls), mean(keepAll)))
    exit(0)
}

let folder = arguments.first ?? "../shared/corpora/trafilatura-eval-text"

let pagesURL = URL(fileURLWithPath: folder).appendingPathComponent("pages")
guard FileManager.default.fileExists(atPath: pagesURL.path) else { fail("no pages folder at \(pagesURL.path)") }
let evaldataPath = evaldataOption
    ?? URL(fileURLWithPath: folder).deletingLastPathComponent().appendingPathComponent("trafilatura-eval/evaldata.json").path
guard let evaldata = FileManager.default.contents(atPath: evaldataPath),
      let json = try? JSONSerialization.jsonObject(with: evaldata) as? [String: Any] else {
    fail("cannot read \(evaldataPath)")
}

// MARK: Loading

var entries: [Entry] = []
for key in json.keys.sorted() {
    guard let record = json[key] as? [String: Any], let file = record["file"] as? String else { continue }
    if let only, !file.contains(only) { continue }
    let path = pagesURL.appendingPathComponent(file + ".txt").path
    guard let data = FileManager.default.contents(atPath: path) else { continue }
    let text = String(decoding: data, as: UTF8.self)
    entries.append(Entry(file: file, with: record["with"] as? [String] ?? [], without: record["without"] as? [String] ?? [],
                         text: text))
}
guard !entries.isEmpty else { fail("no annotated pages found in \(pagesURL.path)") }

// MARK: Scoring

@MainActor func score(_ entry: Entry, cleaned: String) -> (Score, missed: [String], leaked: [String]) {
    let text = SnippetMatch.normalize(cleaned)
    var score = Score()
    var missed: [String] = [], leaked: [String] = []
    for snippet in entry.with {
        let s = SnippetMatch.normalize(snippet)
        if text.contains(s) { score.truePositives += 1 } else { score.falseNegatives += 1; missed.append(s) }
    }
    for snippet in entry.without {
        let s = SnippetMatch.normalize(snippet)
        if !s.isEmpty && text.contains(s) { score.falsePositives += 1; leaked.append(s) } else { score.trueNegatives += 1 }
    }
    return (score, missed, leaked)
}

@MainActor func evaluate(_ entries: [Entry], options: TextCleaner.Options, report: Bool) -> (Score, Double, [String: Score]) {
    let cleaner = TextCleaner(options: options)
    var total = Score()
    var perFile: [String: Score] = [:]
    var seconds = 0.0
    for entry in entries {
        let start = Date()
        let cleaned = cleaner.clean(text: entry.text)
        seconds += Date().timeIntervalSince(start)
        let (s, missed, leaked) = score(entry, cleaned: cleaned.text)
        if report, let dumpFolder {
            // One line per input line: kind, body log-odds, W/X when it holds a with/without snippet, text.
            let with = entry.with.map(SnippetMatch.normalize), without = entry.without.map(SnippetMatch.normalize)
            var out = ""
            for line in cleaner.classifyLines(text: entry.text) {
                let t = SnippetMatch.normalize(line.text)
                let w = with.contains { t.contains($0) || (t.utf8.count >= 20 && $0.contains(t)) }
                let x = without.contains { !$0.isEmpty && (t.contains($0) || (t.utf8.count >= 20 && $0.contains(t))) }
                out += "\(line.kind.rawValue)\t\(String(format: "%.2f", line.score))\t\(w ? "W" : "")\(x ? "X" : "")\t\(t)\n"
            }
            try? out.write(toFile: dumpFolder + "/" + entry.file + ".tsv", atomically: true, encoding: .utf8)
        }
        total = total + s
        perFile[entry.file] = s
        if report && verbose && (!missed.isEmpty || !leaked.isEmpty) {
            print("== \(entry.file)")
            for m in missed { print("   missed: \(m.prefix(120))") }
            for l in leaked { print("   leaked: \(l.prefix(120))") }
        }
    }
    return (total, seconds, perFile)
}

var options = TextCleaner.Options()
if let biasOption { options.bias = biasOption }
if let switchOption { options.switchCost = switchOption }
if let gapOption { options.joinGap = gapOption }
if let shareOption { options.farShare = shareOption }

if crossValidate {
    let even = entries.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
    let odd = entries.enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
    func labeled(_ list: [Entry]) -> [LabeledPage] { list.map { LabeledPage(text: $0.text, mustKeep: $0.with, mustDrop: $0.without) } }
    let models = [BodyModel.train(on: labeled(even), furnitureWeight: furnitureWeight, twoStages: !oneStage, l2: l2),
                  BodyModel.train(on: labeled(odd), furnitureWeight: furnitureWeight, twoStages: !oneStage, l2: l2)]
    let biases: [Double] = biasOption.map { [$0] } ?? [0, 0.5, 1, 1.5]
    let switches: [Double] = switchOption.map { [$0] } ?? [0.5, 1, 2, 3]
    let shares: [Double] = shareOption.map { [$0] } ?? [0.3, 0.5, 1.1]
    for bias in biases {
        for switchCost in switches {
            for share in shares {
                var combined = Score(), training = Score()
                for (model, trainSet, testSet) in [(models[0], even, odd), (models[1], odd, even)] {
                    var foldOptions = options
                    foldOptions.model = model
                    foldOptions.bias = bias
                    foldOptions.switchCost = switchCost
                    foldOptions.farShare = share
                    combined = combined + evaluate(testSet, options: foldOptions, report: false).0
                    training = training + evaluate(trainSet, options: foldOptions, report: false).0
                }
                print(String(format: "bias %4.1f switch %3.1f share %3.1f held-out %@   training F1 %.3f",
                             bias, switchCost, share, combined.line, training.f1))
            }
        }
    }
    exit(0)
}

if let trainOutput {
    let pages = entries.map { LabeledPage(text: $0.text, mustKeep: $0.with, mustDrop: $0.without) }
    let model = BodyModel.train(on: pages, furnitureWeight: furnitureWeight, twoStages: !oneStage, l2: l2)
    var source = "// Generated by `clean-eval --train` from the labeled lines of the development corpus;\n"
    source += "// do not edit by hand. Feature order: BodyFeatures.names.\n"
    source += "extension BodyModel {\n"
    source += "    /// Weights trained on the labeled lines of the development corpus.\n"
    source += "    public static let standard = BodyModel(weights: [\n"
    for (name, weight) in zip(BodyModel.featureNames, model.weights) {
        source += "        \(String(format: "%.4f", weight)),  // \(name)\n"
    }
    source += "    ], contextWeights: [\n"
    for (name, weight) in zip(BodyModel.contextFeatureNames, model.contextWeights) {
        source += "        \(String(format: "%.4f", weight)),  // \(name)\n"
    }
    source += "    ])\n}\n"
    do { try source.write(toFile: trainOutput, atomically: true, encoding: .utf8) } catch { fail("cannot write \(trainOutput): \(error)") }
    options.model = model
    print("wrote \(trainOutput)")
}

let (total, seconds, perFile) = evaluate(entries, options: options, report: true)
let megabytes = Double(entries.reduce(0) { $0 + $1.text.utf8.count }) / 1_000_000
print("TextCleaner on \(entries.count) pages (\(String(format: "%.1f", megabytes)) MB, \(String(format: "%.2f", seconds)) s): \(total.line)")
if let baselinePath {
    // A TSV of file, TP, FN, FP, TN from another cleaner (scripts/justext_text_baseline.py) on the same pages.
    guard let data = FileManager.default.contents(atPath: baselinePath) else { fail("cannot read \(baselinePath)") }
    var baseline = Score()
    var seen = 0
    for row in String(decoding: data, as: UTF8.self).split(separator: "\n") {
        let cells = row.split(separator: "\t")
        guard cells.count == 5, perFile[String(cells[0])] != nil, let tp = Int(cells[1]), let fn = Int(cells[2]),
              let fp = Int(cells[3]), let tn = Int(cells[4]) else { continue }
        baseline = baseline + Score(truePositives: tp, falseNegatives: fn, falsePositives: fp, trueNegatives: tn)
        seen += 1
    }
    print("jusText on the same \(seen) pages: \(baseline.line)")
}
