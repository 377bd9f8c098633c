import CrossreadCore

/// What ingest hands on for each input it reads: an article, or a failure (stage `.ingest`,
/// `source` the file path, the reason naming the line or item where one is concerned).
public enum IngestEvent: Sendable, Equatable {
    case article(RawArticle)
    case failure(CrossreadError)
    /// A record skipped on purpose, or stray bytes dropped from an article: counted, not a failure.
    case notice(IngestNotice)

    /// The article, when this event is one.
    public var article: RawArticle? {
        if case .article(let article) = self { return article }
        return nil
    }

    /// The notice, when this event is one.
    public var notice: IngestNotice? {
        if case .notice(let notice) = self { return notice }
        return nil
    }

    /// The failure, when this event is one.
    public var failure: CrossreadError? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
