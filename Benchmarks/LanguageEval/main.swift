import CrossreadCore
import CrossreadLanguage
import Foundation

// Evaluations of the language stage, release build, run from scripts/:
//   language-eval entities [--model FILE] [--raw] [--limit N] [--errors] FILE.iob2
//       precision, recall and F1 of person/organization/place mentions against gold IOB2 tags
//       (exact spans, words as given by the file), and the recognizer's words/s.
//   language-eval speed [--ground-truth FILE.json] [FILE...]
//       words/s of tokens, sentences, entities and resolution over plain-text files or the
//       `articleBody` texts of a ground-truth JSON object, one core.

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}

/// CPU seconds this thread has used: the machine is shared, so wall-clock time would measure the neighbours.
func cpuSeconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

struct Score {
    var truePositives = 0, predicted = 0, gold = 0
    var precision: Double { predicted == 0 ? 0 : Double(truePositives) / Double(predicted) }
    var recall: Double { gold == 0 ? 0 : Double(truePositives) / Double(gold) }
    var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    var line: String { String(format: "P=%.3f R=%.3f F1=%.3f (tp %d, predicted %d, gold %d)", precision, recall, f1, truePositives, predicted, gold) }
}

func evaluateEntities(_ arguments: [String]) {
    var arguments = arguments
    var model = TaggerModel.standard
    var options = EntityRecognizer.Options()
    var limit = Int.max
    var showErrors = false
    var path: String?
    while !arguments.isEmpty {
        let argument = arguments.removeFirst()
        switch argument {
        case "--model":
            let file = arguments.removeFirst()
            guard let data = FileManager.default.contents(atPath: file) else { fail("cannot read \(file)") }
            do { model = try TaggerModel(data: data) } catch { fail("\(error)") }
        case "--raw": options.rules = false
        case "--limit": limit = Int(arguments.removeFirst()) ?? limit
        case "--errors": showErrors = true
        default: path = argument
        }
    }
    guard let path, let data = FileManager.default.contents(atPath: path) else { fail("usage: language-eval entities [--model FILE] [--raw] FILE.iob2") }
    guard model != nil else { fail("no tagger model: run swift run -c release train-tagger") }
    let sentences = EntityTaggerTrainer.readIOB2(String(decoding: data, as: UTF8.self)).prefix(limit)
    let recognizer = EntityRecognizer(model: model, options: options)
    let labels: [EntityType: String] = [.person: "PER", .organization: "ORG", .place: "LOC"]
    var overall = Score()
    var byType: [String: Score] = [:]
    var words = 0
    var elapsed = 0.0
    for sentence in sentences {
        let (text, tokens) = Tokenizer().join(words: sentence.words)
        words += sentence.words.count
        let started = cpuSeconds()
        let mentions = recognizer.recognize(text, tokens: tokens, sentences: [0..<tokens.count])
        elapsed += cpuSeconds() - started
        var gold = Set<String>()
        var start = -1, type = ""
        for (k, tag) in (sentence.tags + ["O"]).enumerated() {
            let parts = tag.split(separator: "-", maxSplits: 1).map(String.init)
            let label = parts.count == 2 && ["PER", "ORG", "LOC"].contains(parts[1]) ? parts[1] : ""
            if label.isEmpty || parts[0] == "B" || label != type {
                if start >= 0 { gold.insert("\(tokens[start].range.lowerBound) \(tokens[k - 1].range.upperBound) \(type)") }
                start = label.isEmpty ? -1 : k
                type = label
            }
        }
        let predicted = Set(mentions.compactMap { m in labels[m.type].map { "\(m.range.lowerBound) \(m.range.upperBound) \($0)" } })
        for label in ["PER", "ORG", "LOC"] {
            let g = gold.filter { $0.hasSuffix(label) }, p = predicted.filter { $0.hasSuffix(label) }
            byType[label, default: Score()].gold += g.count
            byType[label, default: Score()].predicted += p.count
            byType[label, default: Score()].truePositives += g.intersection(p).count
        }
        overall.gold += gold.count
        overall.predicted += predicted.count
        overall.truePositives += gold.intersection(predicted).count
        if showErrors, gold != predicted {
            let bytes = Array(text.utf8)
            func show(_ key: String) -> String {
                let f = key.split(separator: " ")
                return "\(String(decoding: bytes[Int(f[0])!..<Int(f[1])!], as: UTF8.self))/\(f[2])"
            }
            print("--- \(text)")
            print("  missed: \(gold.subtracting(predicted).map(show).sorted())")
            print("  wrong:  \(predicted.subtracting(gold).map(show).sorted())")
        }
    }
    print("crossread \(options.rules ? "recognizer" : "tagger only"): \(overall.line)")
    for label in ["PER", "ORG", "LOC"] { print("  \(label): \(byType[label]!.line)") }
    print(String(format: "  %d sentences, %d words, %.0f words/CPU s", sentences.count, words, Double(words) / max(elapsed, 1e-9)))
}

func measureSpeed(_ arguments: [String]) {
    var texts: [String] = []
    var arguments = arguments
    while !arguments.isEmpty {
        let path = arguments.removeFirst()
        if path == "--ground-truth" {
            let file = arguments.removeFirst()
            guard let data = FileManager.default.contents(atPath: file),
                  let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else { fail("cannot read \(file)") }
            for key in object.keys.sorted() {
                if let item = object[key] as? [String: Any], let body = item["articleBody"] as? String { texts.append(body) }
            }
            continue
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
        let files = isDirectory.boolValue
            ? ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted().map { "\(path)/\($0)" }
            : [path]
        for file in files { if let data = FileManager.default.contents(atPath: file) { texts.append(String(decoding: data, as: UTF8.self)) } }
    }
    let recognizer = EntityRecognizer()
    let resolver = EntityResolver()
    var words = 0, mentions = 0, entities = 0, sentences = 0
    var best = Double.infinity
    for _ in 0..<3 {  // best of three runs
        words = 0; mentions = 0; entities = 0; sentences = 0
        let started = cpuSeconds()
        for text in texts {
            words += Document.wordCount(of: text)
            let tokens = Tokenizer().tokenize(text)
            var copy = text
            let ranges = copy.withUTF8 { SentenceSplitter().tokenRanges($0, tokens: tokens) }
            sentences += ranges.count
            let found = recognizer.recognize(text, tokens: tokens, sentences: ranges)
            let resolved = resolver.resolve(found, text: text)
            mentions += resolved.mentions.count
            entities += resolved.entities.count
        }
        best = min(best, cpuSeconds() - started)
    }
    print(String(format: "crossread (tokens, sentences, entities, resolution): %d texts, %d words, %d sentences, %d mentions, %d entities, %.3f CPU s, %.0f words/s",
                 texts.count, words, sentences, mentions, entities, best, Double(words) / max(best, 1e-9)))
}

var arguments = Array(CommandLine.arguments.dropFirst())
guard let command = arguments.first else { fail("usage: language-eval entities|speed ...") }
arguments.removeFirst()
switch command {
case "entities": evaluateEntities(arguments)
case "speed": measureSpeed(arguments)
default: fail("unknown command \(command)")
}
