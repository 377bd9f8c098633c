import CrossreadCore
import CrossreadCorpus
import CrossreadLanguage
import Dispatch
import Foundation

/// Brings a library's analysis up to date, working only on what is new, with the state kept in the
/// library itself (`CorpusStore`), so that several processes may share one library:
///
///     unannotated ─▶ claim ─▶ LanguageAnnotator (all cores) ─▶ saved
///     awaiting a story ─▶ StoryWindow (stories open around their dates, older ones found by name
///                          in the library) ─▶ copies (LSH bands in the library)
///                      ─▶ one CorpusUpdate per batch (applied if the generation is unchanged)
///     stale stories ─▶ claim ─▶ SourceComparer, TimelineBuilder (all cores, at most
///                      `storySample` articles each) ─▶ saved with the story's version
///
/// Memory holds one batch of articles and the window's stories and topics, never the library.
public struct LibraryAnalyzer: Sendable {
    public var options: LibraryAnalysisOptions
    /// The window this analyzer left, reused by its next update when nobody changed the library's
    /// analysis since (a worker that keeps running does not read its window again for every batch).
    private let kept = KeptWindow()

    public init(options: LibraryAnalysisOptions = LibraryAnalysisOptions()) {
        self.options = options
    }

    /// Annotates, places and compares everything new in `store`; `progress` hears each step.
    public func update(_ store: any DocumentStore,
                       progress: @Sendable (LibraryAnalysisReport) -> Void = { _ in }) async throws -> LibraryAnalysisReport {
        var report = LibraryAnalysisReport()
        var clock = DispatchTime.now()
        func lap(_ stage: String) {
            let now = DispatchTime.now()
            report.seconds[stage, default: 0] += Double(now.uptimeNanoseconds - clock.uptimeNanoseconds) / 1e9
            clock = now
        }
        if options.annotates {
            try await annotate(store, report: &report, progress: progress)
            lap("annotate")
        }
        try await place(store, report: &report, progress: progress)
        lap("stories")
        try await compare(store, report: &report, progress: progress)
        lap("comparison")
        return report
    }

    // MARK: Annotation

    func annotate(_ store: any DocumentStore, report: inout LibraryAnalysisReport,
                  progress: @Sendable (LibraryAnalysisReport) -> Void) async throws {
        while try await annotateOneClaim(store, report: &report) { progress(report) }
    }

    /// Claims and annotates one batch of unannotated documents; false when none was free.
    func annotateOneClaim(_ store: any DocumentStore, report: inout LibraryAnalysisReport) async throws -> Bool {
        let claimed = try await store.claimDocumentsForAnnotation(limit: options.annotationBatch, seconds: 900)
        guard !claimed.isEmpty else { return false }
        for document in CorpusAnalyzer().annotate(claimed) {
            try await store.saveAnnotations(document.annotations, forDocument: document.id)
        }
        report.annotated += claimed.count
        return true
    }

    // MARK: Stories, topics, copies

    static let statisticsName = "term-statistics"
    static let optionsName = "window-options"

    /// The window as the library holds it: its term statistics, and the stories and topics open
    /// around the latest day it has placed.
    func openWindow(_ store: any CorpusStore) async throws -> (window: StoryWindow, generation: Int, read: Bool) {
        let generation = try await store.corpusGeneration()
        if let window = kept.take(store: store, generation: generation) { return (window, generation, false) }
        let statistics = try await store.corpusValue(LibraryAnalyzer.statisticsName).flatMap(TermStatistics.init(encoded:))
        var window = StoryWindow(options: options.window, statistics: statistics ?? TermStatistics())
        if let bytes = try await store.corpusValue("latest-day"), let latest = Int(String(decoding: bytes, as: UTF8.self)) {
            for row in try await store.storyRows(overlapping: (latest - options.window.windowDays)...(latest + options.window.windowDays)) {
                if let story = LibraryAnalyzer.story(row) { window.load(story) }
            }
            for row in try await store.topicRows(lastDayFrom: latest - options.window.topicWindowDays) {
                if let topic = LibraryAnalyzer.topic(row) { window.load(topic) }
            }
        }
        return (window, generation, true)
    }

    func place(_ store: any DocumentStore, report: inout LibraryAnalysisReport,
               progress: @Sendable (LibraryAnalysisReport) -> Void) async throws {
        var (window, generation, read) = try await openWindow(store)
        if read { report.windowsRead += 1 }
        // Articles the window holds back until their story settles: what their rows will need.
        var held: [String: (keys: CopyKeys, document: StreamDocument)] = [:]
        let today = Int(Date().timeIntervalSince1970 / 86_400)
        var conflicts = 0
        // Since when the articles read have been held back because others are still annotating.
        var holdingSince: Date?
        // The next batch, read and prepared while the window places this one (only after a full batch).
        var ahead: Task<PreparedBatch, any Error>?
        defer { ahead?.cancel() }
        while true {
            var prepared: PreparedBatch
            if let next = ahead {
                prepared = try await next.value
            } else {
                prepared = try await prepare(store, excluding: Array(held.keys), today: today)
            }
            ahead = nil
            var batch = prepared.documents
            var final = batch.count < options.batchSize
            var holdsAll = false
            if final, options.holdSeconds > 0 {
                // Articles another process is still annotating (read with these, in another order) may
                // belong with them: nothing settles until the library's annotation catches up, or for
                // `holdSeconds` at most, so that workers sharing an input group it as one would.
                let counts = try await store.corpusCounts()
                let since = holdingSince ?? Date()
                let othersAnnotating = counts.annotated < counts.documents
                if othersAnnotating, Date().timeIntervalSince(since) < options.holdSeconds {
                    holdingSince = since
                    if batch.isEmpty {
                        // Help with what nobody has claimed yet (a lone worker annotates what arrives), else wait.
                        if !(options.annotates ? try await annotateOneClaim(store, report: &report) : false) {
                            try await Task.sleep(for: .milliseconds(500))
                        }
                        continue
                    }
                    final = false
                    holdsAll = true
                } else if !othersAnnotating {
                    // Annotation may have caught up after the queue was read: read it again (it is short),
                    // so that what was just annotated settles with the rest.
                    prepared = try await prepare(store, excluding: Array(held.keys), today: today)
                    batch = prepared.documents
                    final = batch.count < options.batchSize
                }
            }
            if !final, !holdsAll {
                // What follows this batch in the queue: what is neither held nor in it (what it does not
                // settle is held next time). Read again from the library if this update does not land.
                let excluded = Array(held.keys) + batch.map(\.id)
                ahead = Task { try await prepare(store, excluding: excluded, today: today) }
            }
            let (streamed, copyKeys) = (prepared.streamed, prepared.copyKeys)
            var pending = held
            for document in streamed { pending[document.id] = (copyKeys[document.id]!, document) }
            var trial = window
            // Older stories the batch's names (and undated articles' words) find in the library: for an
            // article the window covers, under the names no open story has; for one older than the
            // window (read late, or by a worker behind the others), under all its names, around its own days.
            var keys = Set<Int64>()
            var olderKeys: [ClosedRange<Int>: Set<Int64>] = [:]
            let reach = options.window.windowDays
            let windowStart = trial.latestDay.map { $0 - reach } ?? Int.min / 4
            for document in streamed {
                let day = document.day ?? document.arrivalDay
                if day < windowStart {
                    olderKeys[(day - reach)...(day + reach), default: []].formUnion(trial.lookupKeys(document).map { Int64(bitPattern: $0) })
                } else {
                    for key in trial.lookupKeys(document) where !trial.isIndexed(key) { keys.insert(Int64(bitPattern: key)) }
                }
            }
            var lookups = olderKeys.map { (days: $0.key, keys: $0.value) }.sorted { $0.days.lowerBound < $1.days.lowerBound }
            if !keys.isEmpty { lookups.append((Int.min / 4...Int.max / 4, keys)) }
            for lookup in lookups {
                let known = Set(trial.stories.keys)
                for row in try await store.storyRows(keys: Array(lookup.keys), overlapping: lookup.days,
                                                     limit: options.lookupLimit) where !known.contains(row.story.id) {
                    if let story = LibraryAnalyzer.story(row) { trial.load(story) }
                }
            }
            for document in streamed { trial.add(document) }
            let changes = trial.finishBatch(final: final, holdsAll: holdsAll)
            if holdsAll, changes.assignments.isEmpty {
                // Nothing settled: the articles wait in the window (the library learns of them when they settle).
                window = trial
                held = pending
                continue
            }
            var update = try await copies(for: changes.assignments.compactMap { assignment in
                pending[assignment.document].map { (assignment.document, $0.keys) }
            }, in: store)
            LibraryAnalyzer.fill(&update, with: changes, days: pending.mapValues { $0.document.day ?? $0.document.arrivalDay },
                                 window: trial)
            if try await store.applyCorpusUpdate(update, generation: generation) {
                generation += 1
                holdingSince = nil
                window = trial
                window.evict()
                held = [:]
                for id in window.unsettledIDs { held[id] = pending[id] }
                report.placed += changes.assignments.count
                report.batches += 1
                progress(report)
                if final && held.isEmpty {
                    kept.keep(window, store: store, generation: generation)
                    return
                }
            } else {
                // Another worker came first: start again from what the library holds now (the batch
                // is read again, without what that worker placed).
                report.retries += 1
                conflicts += 1
                ahead?.cancel()
                ahead = nil
                guard conflicts < 200 else {
                    throw CrossreadError(source: "analysis", stage: .analyze,
                                         reason: "the library's analysis kept changing under this worker; try again")
                }
                (window, generation, read) = try await openWindow(store)
                if read { report.windowsRead += 1 }
                held = [:]
            }
        }
    }

    /// Reads the next batch awaiting stories (without `excluding`) and finds its stream documents and
    /// copy keys, on dispatch's threads.
    func prepare(_ store: any DocumentStore, excluding: [String], today: Int) async throws -> PreparedBatch {
        let documents = try await store.documentsAwaitingStories(limit: options.batchSize, excluding: excluding)
        let duplicates = options.duplicates
        let results = IndexedResults<PreparedBatch>(count: 1)
        await LibraryAnalyzer.offPool {
            results.set(0, PreparedBatch(documents: documents,
                                         streamed: LibraryAnalyzer.streamDocuments(documents, arrivalDay: today),
                                         copyKeys: LibraryAnalyzer.copyKeys(documents, options: duplicates)))
        }
        return results.values[0]
    }

    static func streamDocuments(_ documents: [Document], arrivalDay: Int) -> [StreamDocument] {
        let results = IndexedResults<StreamDocument>(count: documents.count)
        DispatchQueue.concurrentPerform(iterations: documents.count) { index in
            results.set(index, StreamDocument(document: documents[index], arrivalDay: arrivalDay))
        }
        return results.values
    }

    static func copyKeys(_ documents: [Document], options: DuplicateOptions) -> [String: CopyKeys] {
        let results = IndexedResults<CopyKeys>(count: documents.count)
        DispatchQueue.concurrentPerform(iterations: documents.count) { index in
            results.set(index, CopyKeys(text: documents[index].text, options: options))
        }
        var out: [String: CopyKeys] = [:]
        for (document, keys) in zip(documents, results.values) { out[document.id] = keys }
        return out
    }

    /// Copy groups of placed articles: each joins the group of the first stored (or earlier in the
    /// batch) document whose signature agrees at the threshold; one that matches several groups joins them.
    func copies(for documents: [(id: String, keys: CopyKeys)], in store: any CorpusStore) async throws -> CorpusUpdate {
        var update = CorpusUpdate()
        guard !documents.isEmpty else { return update }
        let bands = documents.flatMap(\.keys.bands)
        let candidates = try await store.copyCandidates(bands: bands)
        var root: [String: String] = [:]
        func find(_ group: String) -> String {
            var current = group
            while let next = root[current], next != current { current = next }
            return current
        }
        // Stored candidates share a band with some article of the batch; earlier articles of the batch
        // are candidates too.
        var candidateList = candidates
        for document in documents {
            let mine = document.keys
            var groups: [String] = []
            for candidate in candidateList where candidate.document != document.id {
                guard CopyKeys.similarity(mine.signature, candidate.signature) >= options.duplicates.threshold else { continue }
                let group = find(candidate.copyGroup)
                if !groups.contains(group) { groups.append(group) }
            }
            let group = groups.min() ?? document.id
            for other in groups where other != group {
                root[other] = group
                update.copyGroupMerges.append((from: other, into: group))
            }
            candidateList.append(CopyCandidate(document: document.id, copyGroup: group, signature: mine.signature))
            update.documents.append(CorpusDocumentRow(document: document.id, story: "", day: 0, copyGroup: group,
                                                      signature: mine.signature, bands: mine.bands))
        }
        // Groups merged later in the batch: rows written in this batch follow them.
        for index in update.documents.indices { update.documents[index].copyGroup = find(update.documents[index].copyGroup) }
        return update
    }

    /// Adds the window's changes (stories, topics, assignments) to an update holding copy rows.
    static func fill(_ update: inout CorpusUpdate, with changes: StoryWindowChanges, days dayOf: [String: Int], window: StoryWindow) {
        var storyOf: [String: String] = [:]
        for assignment in changes.assignments { storyOf[assignment.document] = assignment.story }
        update.documents = update.documents.compactMap { row in
            guard let story = storyOf[row.document] else { return nil }
            var row = row
            row.story = story
            row.day = dayOf[row.document] ?? 0
            return row
        }
        update.stories = changes.stories.map(LibraryAnalyzer.row)
        update.removedTopics = changes.removedTopics
        update.topicMerges = changes.topicMerges
        update.merges = changes.storyMerges
        update.topics = changes.topics.map(LibraryAnalyzer.row)
        update.values[statisticsName] = window.statistics.encoded()
        if let latest = window.latestDay { update.values["latest-day"] = Array(String(latest).utf8) }
    }

    static func row(_ story: StreamStory) -> StoryRow {
        StoryRow(story: StoredStory(id: story.id, topic: story.topic, title: story.title, size: story.size,
                                    first: story.first?.day8601, last: story.last?.day8601, firstDay: story.firstDay,
                                    lastDay: story.lastDay, keywords: story.keywords, entities: story.entities),
                 profile: story.encoded(), indexKeys: story.indexKeys.map { Int64(bitPattern: $0) })
    }

    static func row(_ topic: StreamTopic) -> TopicRow {
        TopicRow(topic: StoredTopic(id: topic.id, title: topic.title, size: topic.size, stories: topic.stories,
                                    firstDay: topic.firstDay, lastDay: topic.lastDay, keywords: topic.keywords,
                                    entities: topic.entities),
                 profile: topic.encoded(), indexKeys: topic.indexKeys.map { Int64(bitPattern: $0) })
    }

    static func story(_ row: StoryRow) -> StreamStory? {
        let story = row.story
        return StreamStory(id: story.id, topic: story.topic, title: story.title, size: story.size,
                           first: story.first.flatMap(PublicationDate.parse), last: story.last.flatMap(PublicationDate.parse),
                           firstDay: story.firstDay, lastDay: story.lastDay, encoded: row.profile)
    }

    static func topic(_ row: TopicRow) -> StreamTopic? {
        let topic = row.topic
        return StreamTopic(id: topic.id, title: topic.title, size: topic.size, stories: topic.stories, firstDay: topic.firstDay,
                           lastDay: topic.lastDay, encoded: row.profile)
    }

    // MARK: Comparison and timeline

    func compare(_ store: any DocumentStore, report: inout LibraryAnalysisReport,
                 progress: @Sendable (LibraryAnalysisReport) -> Void) async throws {
        let comparer = SourceComparer(options: options.comparison)
        let timelineBuilder = TimelineBuilder()
        let sample = options.storySample
        /// Claims up to 32 stale stories and reads their articles and copy groups.
        @Sendable func claimAndRead() async throws -> [StoryToCompare] {
            var gathered: [StoryToCompare] = []
            for story in try await store.claimStaleStories(limit: 32, seconds: 900) {
                let ids = try await store.storyDocumentIDs(story.id, limit: sample)
                var documents = try await store.documents(ids: ids)
                _ = CorpusAnalyzer().mergeEntities(&documents)
                gathered.append(StoryToCompare(story: story, documents: documents, duplicates: try await store.copyGroups(of: ids)))
            }
            return gathered
        }
        var inputs = try await claimAndRead()
        while !inputs.isEmpty {
            // The next stories are read while these are compared.
            async let next = claimAndRead()
            let current = inputs
            let results = IndexedResults<[UInt8]>(count: current.count)
            // On dispatch's threads, not the task pool's: a server analysing its library keeps answering.
            await LibraryAnalyzer.offPool {
                DispatchQueue.concurrentPerform(iterations: current.count) { index in
                    let input = current[index]
                    let story = CrossreadCore.Story(id: input.story.id, title: input.story.title, documents: input.documents.map(\.id),
                                                    first: input.story.first, last: input.story.last, topic: input.story.topic)
                    let comparison = comparer.compare(story: story, documents: input.documents, duplicates: input.duplicates)
                    let timeline = timelineBuilder.build(documents: input.documents, stories: [story], duplicates: input.duplicates)
                    var record = StoryRecord(comparison, timeline: timeline)
                    if input.story.size > sample { record.comparedDocuments = input.documents.count }
                    results.set(index, (try? JSONEncoder().encode(record)).map { [UInt8]($0) } ?? [])
                }
            }
            for (input, bytes) in zip(current, results.values) {
                if try await store.saveStoryResults(story: input.story.id, version: input.story.version, results: bytes) {
                    report.compared += 1
                }
            }
            progress(report)
            inputs = try await next
        }
    }
}

extension LibraryAnalyzer {
    /// Runs `work` on a dispatch thread and waits for it without holding a thread of the task pool.
    static func offPool(_ work: @escaping @Sendable () -> Void) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().async {
                work()
                continuation.resume()
            }
        }
    }
}

/// The window an analyzer's last update left, with the library and analysis generation it belongs to.
final class KeptWindow: @unchecked Sendable {
    private let lock = NSLock()
    private var kept: (store: ObjectIdentifier, generation: Int, window: StoryWindow)?

    func keep(_ window: StoryWindow, store: any CorpusStore, generation: Int) {
        lock.withLock { kept = (ObjectIdentifier(store as AnyObject), generation, window) }
    }

    /// The kept window when it belongs to `store` at `generation` (it is handed out once).
    func take(store: any CorpusStore, generation: Int) -> StoryWindow? {
        lock.withLock {
            defer { kept = nil }
            guard let kept, kept.store == ObjectIdentifier(store as AnyObject), kept.generation == generation else { return nil }
            return kept.window
        }
    }
}

/// A batch of documents awaiting stories, with what placing them needs.
struct PreparedBatch: Sendable {
    var documents: [Document]
    var streamed: [StreamDocument]
    var copyKeys: [String: CopyKeys]
}

/// A claimed story with what its comparison reads.
struct StoryToCompare: Sendable {
    var story: StoredStory
    var documents: [Document]
    var duplicates: [[String]]
}

/// Settings of library analysis.
public struct LibraryAnalysisOptions: Sendable {
    public var window = StoryWindowOptions()
    public var duplicates = DuplicateOptions()
    public var comparison = ComparisonOptions()
    /// Articles placed per batch (one transaction each), and annotated per claim.
    public var batchSize = 1000
    public var annotationBatch = 256
    /// Stories looked up in the library per key for a batch's older articles.
    public var lookupLimit = 16
    /// When the queue runs dry while other processes are still annotating, its articles are held this
    /// long at most (or until annotation catches up) before they settle; 0 settles them at once.
    public var holdSeconds: Double = 60
    /// A story's comparison and timeline read at most this many of its articles (its earliest).
    public var storySample = 200
    /// False to leave unannotated documents to others (the web app places and compares only what
    /// `analyze` or an upload annotated, so that requests never wait behind annotation).
    public var annotates = true

    public init() {}
}

/// What one `LibraryAnalyzer.update` did.
public struct LibraryAnalysisReport: Sendable, Equatable {
    public var annotated = 0
    public var placed = 0
    public var batches = 0
    /// Batches done again because another worker changed the analysis first.
    public var retries = 0
    public var compared = 0
    /// Windows read from the library (none when the analyzer kept its own from its last update).
    public var windowsRead = 0
    public var seconds: [String: Double] = [:]

    public init() {}

    /// Adds what another update did (a later round of the same run).
    public mutating func add(_ other: LibraryAnalysisReport) {
        annotated += other.annotated
        placed += other.placed
        batches += other.batches
        retries += other.retries
        compared += other.compared
        windowsRead += other.windowsRead
        for (stage, value) in other.seconds { seconds[stage, default: 0] += value }
    }
}
