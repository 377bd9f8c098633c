import CrossreadCore

/// What streaming story analysis reads of one document: its story features and its day (publication
/// date, or the day it arrived when it has none). Computing it is pure: callers make these on all cores.
public struct StreamDocument: Sendable {
    public let id: String
    let features: DocumentFeatures
    /// Days since 1970-01-01.
    public let day: Int
    public let date: PublicationDate?

    /// `arrivalDay` stands in for an undated document's day.
    public init(document: Document, arrivalDay: Int) {
        id = document.id
        features = DocumentFeatures(document: document)
        date = features.date
        day = features.date.map { PublicationDate.dayCount(year: $0.year, month: $0.month, day: $0.day) } ?? arrivalDay
    }

    /// A document under an id of the caller's choosing (evaluations).
    public init(document: Document, id: String, arrivalDay: Int) {
        self.id = id
        features = DocumentFeatures(document: document)
        date = features.date
        day = features.date.map { PublicationDate.dayCount(year: $0.year, month: $0.month, day: $0.day) } ?? arrivalDay
    }
}
