import CrossreadLanguage
import Foundation

// Trains the entity tagger. First version: counts the tokens of the training files given.
var tokens = 0
for path in CommandLine.arguments.dropFirst() {
    guard let data = FileManager.default.contents(atPath: path) else { continue }
    tokens += Tokenizer().tokenize(String(decoding: data, as: UTF8.self)).count
}
print("tokens: \(tokens)")
