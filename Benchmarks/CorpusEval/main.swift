// corpus-eval: evaluations and benchmarks of corpus analysis (run from scripts/, release build).
//   corpus-eval duplicates ...   near-duplicate benchmark over generated variants
//   corpus-eval stories ...      stories and topics against labelled events
import CrossreadCorpus
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
default:
    print("usage: corpus-eval duplicates|stories [options]")
    exit(2)
}
