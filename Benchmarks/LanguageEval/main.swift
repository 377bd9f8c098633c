import CrossreadLanguage
import Foundation

// Evaluates the language stage. First version: tokenizer throughput over the files given.
let paths = CommandLine.arguments.dropFirst()
var totalBytes = 0
var totalTokens = 0
let clock = ContinuousClock()
var elapsed = Duration.zero
for path in paths {
    guard let data = FileManager.default.contents(atPath: path) else { continue }
    let text = String(decoding: data, as: UTF8.self)
    let start = clock.now
    let tokens = Tokenizer().tokenize(text)
    elapsed += clock.now - start
    totalBytes += data.count
    totalTokens += tokens.count
}
let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
print("tokens: \(totalTokens), bytes: \(totalBytes), tokens/s: \(Int(Double(totalTokens) / max(seconds, 1e-9)))")
