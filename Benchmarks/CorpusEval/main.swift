// corpus-eval: evaluations and benchmarks of corpus analysis (run from scripts/, release build).
//   corpus-eval duplicates ...   near-duplicate benchmark over generated variants
//   corpus-eval stories ...      stories and topics against labelled events
//   corpus-eval analyze-scale ... whole corpus analysis at scale, first run vs adding a few documents
//   corpus-eval library-scale ... library analysis (state in SQLite) at scale, from nothing and adding
//   corpus-eval generate ...      generated articles as JSON Lines files, for pipeline and worker benchmarks
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
do {
    switch arguments.first {
    case "duplicates":
        try DuplicatesBenchmark.run(Array(arguments.dropFirst()))
    case "stories-scale":
        try StoryScaleBenchmark.run(Array(arguments.dropFirst()))
    case "analyze-scale":
        try AnalyzeScaleBenchmark.run(Array(arguments.dropFirst()))
    case "generate":
        try GenerateCommand.run(Array(arguments.dropFirst()))
    case "stories":
        try StoriesEvaluation.run(Array(arguments.dropFirst()))
    case "library-scale":
        let box = ErrorBox()
        let done = DispatchSemaphore(value: 0)
        // Detached: top-level code runs on the main actor, which the semaphore holds.
        Task.detached {
            do { try await LibraryScaleBenchmark.run(Array(arguments.dropFirst())) } catch { box.error = error }
            done.signal()
        }
        done.wait()
        if let error = box.error { throw error }
    default:
        print("usage: corpus-eval duplicates|stories|stories-scale|analyze-scale|library-scale|generate [options]")
        exit(2)
    }
} catch {
    FileHandle.standardError.write(Data("corpus-eval: \(error)\n".utf8))
    exit(1)
}

final class ErrorBox: @unchecked Sendable { var error: (any Error)? }
