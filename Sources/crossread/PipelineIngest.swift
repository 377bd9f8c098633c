import CrossreadCore
import CrossreadPipeline

extension Pipeline {
    /// Ingests `paths` into `store` as `ingest` and `analyze` do: a progress line on a terminal, then
    /// the summary (only failures when `quiet`).
    func ingestShowingProgress(_ paths: [String], into store: any DocumentStore, quiet: Bool,
                               library: String) async throws -> IngestReport {
        AllocatorSettings.boundForStreaming()
        let enabled = Terminal.stderrIsTerminal && !quiet
        let planned = enabled ? plan(paths: paths) : (files: 0, bytes: 0)
        let progress = ProgressLine(enabled: enabled, totalFiles: planned.files, totalBytes: planned.bytes)
        let report = try await ingest(paths: paths, into: store) { batch, report in
            progress.update(batch, report: report)
        }
        progress.finish()
        Terminal.out(report.summary(quiet: quiet, library: library))
        return report
    }
}
