import CrossreadCore
@testable import CrossreadHTML
import Testing

/// A forum thread's text is all its posts, replies included even where the markup calls them
/// comments; a news story keeps its readers' comments out even when they share its markup.
@Suite("Thread pages")
struct ThreadPageTests {
    static let replies = [
        "Start with a cutting board or a simple box, you learn to measure and glue without spending much.",
        "A good hand plane and a sharp chisel teach you more than any power tool in the first year.",
        "Build a bird house for the garden, the mistakes do not matter and the kids will love it.",
    ]

    static func post(_ user: String, _ text: String) -> String {
        """
        <div class="post"><div class="user">\(user)</div><div class="when">5 Aug 2023</div>
        <div class="post-body"><p>\(text)</p></div>
        <div class="actions"><a href="#">Reply</a> <a href="#">Quote</a> <a href="#">Like</a></div></div>
        """
    }

    static let thread: String = {
        let opening = post("newbie", "Hello all, I am new here and keen to get into woodworking properly. Which first "
                           + "projects would you suggest for someone with only a jigsaw and a drill?")
        let answers = zip(["oldhand", "planer", "gardener"], replies).map { post($0, $1) }.joined()
        return """
        <html><head><title>Beginner woodworking projects</title><meta property="og:type" content="website"></head>
        <body><nav><a href="/">Forums</a> <a href="/new">New posts</a></nav><h1>Beginner woodworking projects</h1>
        <div class="thread">\(opening)<div class="comments">\(answers)</div></div>
        <footer>© Woodworking Talk</footer></body></html>
        """
    }()

    @Test func threadKeepsEveryPost() throws {
        let result = try HTMLExtractor().clean(RawArticle(source: "https://forum.example/t/1", format: .html,
                                                          content: Self.thread, original: []))
        #expect(!result.noArticle)
        #expect(result.text.contains("Hello all, I am new here"))
        for reply in Self.replies { #expect(result.text.contains(reply)) }
        #expect(!result.text.contains("Quote"))
        #expect(!result.text.contains("oldhand"))
    }

    @Test func storyLeavesOutCommentsSharingItsMarkup() throws {
        // The same markup, but the page declares a news story: the comments stay out.
        let story = Self.thread.replacingOccurrences(
            of: "<meta property=\"og:type\" content=\"website\">",
            with: "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"headline\": \"Beginner woodworking projects\"}</script>")
        let result = try HTMLExtractor().clean(RawArticle(source: "https://news.example/1", format: .html,
                                                          content: story, original: []))
        #expect(result.text.contains("Hello all, I am new here"))
        for reply in Self.replies { #expect(!result.text.contains(reply)) }
    }
}
