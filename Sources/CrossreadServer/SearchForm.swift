import CrossreadCore
import CrossreadPipeline

/// A search as a request gives it (`q`, `entity`, `source`, `from`, `through`, `page`, `limit`),
/// validated: bad dates or numbers are a 400 with the reason.
struct SearchForm: Sendable {
    var text: String?
    var entity: String?
    var source: String?
    var from: String?
    var through: String?
    var page: Int
    var limit: Int

    static let maxLimit = 100
    static let maxPage = 500

    init(_ fields: FormFields, defaultLimit: Int = 20) throws(ServerError) {
        text = fields["q"].map { String($0.prefix(500)) }
        entity = fields["entity"].map { String($0.prefix(200)) }
        source = fields["source"].map { String($0.prefix(200)) }
        from = try Self.day(fields["from"], name: "from")
        through = try Self.day(fields["through"], name: "through")
        if let from, let through, from > through {
            throw .badRequest("the date range is empty: from \(from) is after through \(through)")
        }
        page = try Self.number(fields["page"], name: "page", range: 1...Self.maxPage) ?? 1
        limit = try Self.number(fields["limit"], name: "limit", range: 1...Self.maxLimit) ?? defaultLimit
    }

    /// A `YYYY-MM-DD` day that exists, or a 400.
    static func day(_ value: String?, name: String) throws(ServerError) -> String? {
        guard let value else { return nil }
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              let date = PublicationDate(year: year, month: month, day: day) else {
            throw .badRequest("\(name) must be a day written YYYY-MM-DD, not \"\(value)\"")
        }
        return date.day8601
    }

    static func number(_ value: String?, name: String, range: ClosedRange<Int>) throws(ServerError) -> Int? {
        guard let value else { return nil }
        guard let number = Int(value), range.contains(number) else {
            throw .badRequest("\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound), not \"\(value)\"")
        }
        return number
    }

    var offset: Int { (page - 1) * limit }

    /// The store query, once the entity filter was resolved to stored ids (one more hit than shown, to
    /// know whether a next page exists).
    func query(entityIDs: [String]) -> SearchQuery {
        SearchQuery(text ?? "", entityIDs: entityIDs, source: source, publishedFrom: from, publishedThrough: through,
                    limit: limit + 1, offset: offset)
    }

    /// The fields for links to other pages of the same search.
    func fields(page: Int? = nil) -> FormFields {
        var pairs: [(String, String)] = []
        if let text { pairs.append(("q", text)) }
        if let entity { pairs.append(("entity", entity)) }
        if let source { pairs.append(("source", source)) }
        if let from { pairs.append(("from", from)) }
        if let through { pairs.append(("through", through)) }
        if let page, page > 1 { pairs.append(("page", String(page))) }
        return FormFields(pairs: pairs)
    }
}
