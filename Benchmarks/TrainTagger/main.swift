import CrossreadLanguage
import Foundation

// Trains the entity tagger on UNER English-EWT (train and dev splits; never test) and writes the
// weights resource. Run from the repository root:
//   swift run -c release train-tagger [--corpus DIR] [--train-only] [--epochs N] [--rows BITS] [--out FILE]
//                                     [--lexicon-source FILE.tsv [--lexicon-out FILE]]
// --lexicon-source rebuilds lexicon.bin from scripts/make_lexicon.py's list first and trains with it.
// --train-only leaves the dev split out, to measure on it (language-eval entities --model FILE dev.iob2).

var corpus = "../shared/corpora/uner-english-ewt"
var output = "Sources/CrossreadLanguage/Resources/tagger.bin"
var trainOnly = false
var lexiconSource: String?
var lexiconOutput = "Sources/CrossreadLanguage/Resources/lexicon.bin"
var options = EntityTaggerTrainer.Options()
var arguments = Array(CommandLine.arguments.dropFirst())
while !arguments.isEmpty {
    let argument = arguments.removeFirst()
    switch argument {
    case "--corpus": corpus = arguments.removeFirst()
    case "--out": output = arguments.removeFirst()
    case "--train-only": trainOnly = true
    case "--lexicon-source": lexiconSource = arguments.removeFirst()
    case "--lexicon-out": lexiconOutput = arguments.removeFirst()
    case "--epochs": options.epochs = Int(arguments.removeFirst()) ?? options.epochs
    case "--models": options.models = Int(arguments.removeFirst()) ?? options.models
    case "--rows": options.rowBits = Int(arguments.removeFirst()) ?? options.rowBits
    case "--title-share": options.titleCaseShare = Double(arguments.removeFirst()) ?? options.titleCaseShare
    case "--seed": options.seed = UInt64(arguments.removeFirst()) ?? options.seed
    case "--lower-share": options.lowerCaseShare = Double(arguments.removeFirst()) ?? options.lowerCaseShare
    default:
        FileHandle.standardError.write(Data("unknown argument \(argument)\n".utf8))
        exit(2)
    }
}

var sentences: [EntityTaggerTrainer.LabeledSentence] = []
for split in trainOnly ? ["train"] : ["train", "dev"] {
    let path = "\(corpus)/en_ewt-ud-\(split).iob2"
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
        exit(1)
    }
    sentences += EntityTaggerTrainer.readIOB2(String(decoding: data, as: UTF8.self))
}
print("training on \(sentences.count) sentences (\(trainOnly ? "train" : "train + dev")), 2^\(options.rowBits) rows, \(options.epochs) epochs")
let started = Date()
var lexicon = TaggerLexicon.standard
if let lexiconSource {
    guard let data = FileManager.default.contents(atPath: lexiconSource) else {
        FileHandle.standardError.write(Data("cannot read \(lexiconSource)\n".utf8))
        exit(1)
    }
    lexicon = TaggerLexicon(tsv: String(decoding: data, as: UTF8.self))
    try lexicon.serialized().write(to: URL(fileURLWithPath: lexiconOutput))
    print("wrote \(lexiconOutput): \(lexicon.count) phrase keys")
}
let model = EntityTaggerTrainer(options: options, lexicon: lexicon).train(sentences) { print($0) }
try model.write(to: URL(fileURLWithPath: output))
print("wrote \(output): \(model.count) bytes in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
