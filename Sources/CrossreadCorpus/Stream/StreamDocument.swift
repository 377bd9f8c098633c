import CrossreadCore

/// What streaming story analysis reads of one document: its story features, its publication day and
/// the day it arrived (what dates a story of undated articles). Computing it is pure: callers make
/// these on all cores.
public struct StreamDocument: Sendable {
    public let id: String
    let features: DocumentFeatures
    /// Days since 1970-01-01 of its publication, when known.
    public let day: Int?
    public let arrivalDay: Int
    public let date: PublicationDate?

    /// Its publication day, else the day it arrived.
    var effectiveDay: Int { day ?? arrivalDay }
    /// Sorts dated articles by day, before undated ones.
    var orderKey: Int { day ?? Int.max }

    /// `arrivalDay` stands in for an undated document's day.
    public init(document: Document, arrivalDay: Int) {
        self.init(document: document, id: document.id, arrivalDay: arrivalDay)
    }

    /// A document under an id of the caller's choosing (evaluations).
    public init(document: Document, id: String, arrivalDay: Int) {
        self.id = id
        features = DocumentFeatures(document: document)
        date = features.date
        day = features.date.map { PublicationDate.dayCount(year: $0.year, month: $0.month, day: $0.day) }
        self.arrivalDay = arrivalDay
    }
}
