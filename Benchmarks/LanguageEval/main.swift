import CrossreadCore
import CrossreadLanguage
import Foundation

// Evaluations of the language stage, release build, run from scripts/:
//   language-eval entities [--model FILE] [--lexicon FILE] [--raw] [--limit N] [--errors] [--spans] [--by-document] FILE.iob2
//       precision, recall and F1 of person/organization/place mentions against gold IOB2 tags
//       (exact spans, words as given by the file), and the recognizer's words/s. --errors lists the
//       sentences with a mistake; --spans prints every sentence's text, gold and predicted spans
//       (byte offsets and label) as a JSON line after "SPANS ", for error analysis elsewhere.
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

func line(_ s: EntityEvaluation.Score) -> String {
    String(format: "P=%.3f R=%.3f F1=%.3f (tp %d, predicted %d, gold %d)", s.precision, s.recall, s.f1, s.truePositives, s.predicted, s.gold)
}

func evaluateEntities(_ arguments: [String]) {
    var arguments = arguments
    var model = TaggerModel.standard
    var lexicon = TaggerLexicon.standard
    var options = EntityRecognizer.Options()
    var limit = Int.max
    var showErrors = false
    var byDocument = false
    var showSpans = false
    var path: String?
    while !arguments.isEmpty {
        let argument = arguments.removeFirst()
        switch argument {
        case "--model":
            let file = arguments.removeFirst()
            guard let data = FileManager.default.contents(atPath: file) else { fail("cannot read \(file)") }
            do { model = try TaggerModel(data: data) } catch { fail("\(error)") }
        case "--lexicon":
            let file = arguments.removeFirst()
            guard let data = FileManager.default.contents(atPath: file), let read = TaggerLexicon(data: data) else { fail("cannot read \(file)") }
            lexicon = read
        case "--raw": options.rules = false
        case "--limit": limit = Int(arguments.removeFirst()) ?? limit
        case "--errors": showErrors = true
        case "--spans": showSpans = true
        case "--by-document": byDocument = true
        default: path = argument
        }
    }
    guard let path, let data = FileManager.default.contents(atPath: path) else { fail("usage: language-eval entities [--model FILE] [--raw] FILE.iob2") }
    guard model != nil else { fail("no tagger model: run swift run -c release train-tagger") }
    let sentences = EntityTaggerTrainer.readIOB2(String(decoding: data, as: UTF8.self)).prefix(limit)
    let recognizer = EntityRecognizer(model: model, lexicon: lexicon, options: options)
    let started = cpuSeconds()
    let evaluation = EntityEvaluation.run(Array(sentences), recognizer: recognizer, byDocument: byDocument) { result in
        if showSpans {
            let line: [String: Any] = ["text": result.text, "gold": result.gold.sorted(), "predicted": result.predicted.sorted()]
            if let json = try? JSONSerialization.data(withJSONObject: line) { print("SPANS " + String(decoding: json, as: UTF8.self)) }
        }
        guard showErrors, result.gold != result.predicted else { return }
        let bytes = Array(result.text.utf8)
        func show(_ key: String) -> String {
            let f = key.split(separator: " ")
            return "\(String(decoding: bytes[Int(f[0])!..<Int(f[1])!], as: UTF8.self))/\(f[2])"
        }
        print("--- \(result.text)")
        print("  missed: \(result.gold.subtracting(result.predicted).map(show).sorted())")
        print("  wrong:  \(result.predicted.subtracting(result.gold).map(show).sorted())")
    }
    let elapsed = cpuSeconds() - started
    print("crossread \(options.rules ? "recognizer" : "tagger only"): \(line(evaluation.overall))")
    for label in ["PER", "ORG", "LOC"] { print("  \(label): \(line(evaluation.byLabel[label]!))") }
    print(String(format: "  %d sentences, %d words, %.0f words/CPU s", sentences.count, evaluation.words, Double(evaluation.words) / max(elapsed, 1e-9)))
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
    // The whole language analysis, as `crossread analyze` runs it: LanguageAnnotator adds quotes,
    // time expressions and claims to the above.
    let annotator = LanguageAnnotator()
    var whole = Double.infinity
    var quotes = 0, times = 0, claims = 0
    for _ in 0..<3 {
        quotes = 0; times = 0; claims = 0
        let started = cpuSeconds()
        for text in texts {
            let annotations = annotator.annotate(text: text, published: nil)
            quotes += annotations.quotes.count
            times += annotations.times.count
            claims += annotations.claims.count
        }
        whole = min(whole, cpuSeconds() - started)
    }
    print(String(format: "crossread whole analysis (LanguageAnnotator: + quotes, times, claims): %d words, %d quotes, %d times, %d claims, %.3f CPU s, %.0f words/s",
                 words, quotes, times, claims, whole, Double(words) / max(whole, 1e-9)))
}

var arguments = Array(CommandLine.arguments.dropFirst())
guard let command = arguments.first else { fail("usage: language-eval entities|speed ...") }
arguments.removeFirst()
switch command {
case "entities": evaluateEntities(arguments)
case "speed": measureSpeed(arguments)
default: fail("unknown command \(command)")
}
