import CrossreadCore

/// One feed item or entry as read from the XML, before it becomes an article.
struct FeedItem {
    /// The article body: the full content when the feed has it, else the summary or description.
    var body: (content: String, format: InputFormat)?
    var metadata: DocumentMetadata
    /// The item's own XML.
    var original: [UInt8]
}
