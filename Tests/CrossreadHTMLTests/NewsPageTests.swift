import CrossreadCore
@testable import CrossreadHTML
import Testing

/// A made-up news page with the usual furniture around the story.
let newsPage = """
<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Harbour bridge reopens after repairs | The Coastal Ledger</title>
<meta property="og:title" content="Harbour bridge reopens after repairs | The Coastal Ledger">
<meta property="og:site_name" content="The Coastal Ledger">
<meta property="og:type" content="article">
<meta name="description" content="The old swing bridge carries traffic again after eight months.">
<link rel="canonical" href="https://ledger.example/2024/03/11/harbour-bridge-reopens">
<script type="application/ld+json">
{"@context":"https://schema.org","@graph":[
 {"@type":"WebSite","name":"The Coastal Ledger"},
 {"@type":"NewsArticle","headline":"Harbour bridge reopens after repairs",
  "datePublished":"2024-03-11T08:30:00+01:00","dateModified":"2024-03-12T10:00:00+01:00",
  "author":[{"@type":"Person","name":"Mara Quint"},{"@type":"Person","name":"Tobias Fenn"}],
  "publisher":{"@type":"Organization","name":"Coastal Ledger Media"}}]}
</script>
</head>
<body class="single has-sidebar">
<div id="cookie-notice"><p>We use cookies to improve your experience. By continuing you accept our cookie policy.</p><button>Accept</button></div>
<header class="site-header"><nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav></header>
<main>
<article class="post">
<h1>Harbour bridge reopens after repairs</h1>
<div class="byline">By <a rel="author" href="/staff/mq">Mara Quint</a> and Tobias Fenn</div>
<time datetime="2024-03-11T08:30:00+01:00">11 March 2024</time>
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Tweet</a> <a href="#">Email</a></div>
<figure><img src="bridge.jpg" alt=""><figcaption>The swing bridge at dawn, seen from the north quay. Photo: Ledger staff</figcaption></figure>
<div class="article-body">
<p>The old swing bridge over the harbour mouth carried cars again on Monday morning, eight months after a cracked bearing forced the council to close it in the middle of the summer season.</p>
<p>Engineers replaced both bearings and repainted the steel deck, the council said, and the work came in slightly under the budget of 2.4 million euros that had been set aside last year.</p>
<h2>Traffic returns to the quay</h2>
<p>Shop owners on the north quay, who had complained about the detour through the industrial estate, said trade picked up within hours of the barriers coming down.</p>
<blockquote><p>We lost half our customers when the bridge shut, and we want them back before Easter.</p></blockquote>
<p>The council listed three changes that drivers will notice:</p>
<ul><li>a lower speed limit of 30 km/h on the deck</li><li>a new crossing for cyclists on the east side</li><li>longer opening times for sailing boats at night</li></ul>
<div class="ad-slot"><p>Advertisement</p></div>
<p>A final inspection is planned for the autumn, when the harbour is quieter and the bridge can be closed for a weekend without much disruption to traffic.</p>
</div>
<div class="newsletter-signup"><h3>Get the Ledger in your inbox</h3><p>Sign up for our free morning newsletter and never miss a story from the coast again, delivered daily.</p></div>
</article>
<aside class="related-stories"><h2>Related stories</h2><ul>
<li><a href="/a">Council approves new ferry timetable for the islands after long debate</a></li>
<li><a href="/b">Storm damage closes the promenade for the second time this winter</a></li>
</ul></aside>
<section id="comments" class="comments-area"><h2>3 comments</h2>
<div class="comment"><p>Finally! I have been driving around the estate for months and it added twenty minutes to every trip I made.</p></div>
<div class="comment"><p>Still no proper bus lane, which is what the town actually needed more than anything else.</p></div>
</section>
</main>
<footer class="site-footer"><p>© 2024 The Coastal Ledger. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body>
</html>
"""

@Suite("A news page")
struct NewsPageTests {
    let result: CleanedArticle

    init() throws {
        result = try HTMLExtractor().clean(RawArticle(source: "https://ledger.example/2024/03/11/harbour-bridge-reopens",
                                                      format: .html, content: newsPage, original: Array(newsPage.utf8)))
    }

    @Test func keepsTheStoryInOrderWithItsStructure() {
        #expect(!result.noArticle)
        let kinds = result.paragraphs.map(\.kind)
        #expect(kinds == [.body, .body, .subheading, .body, .quote, .body, .listItem, .listItem, .listItem, .body])
        #expect(result.text.hasPrefix("The old swing bridge over the harbour mouth"))
        #expect(result.text.hasSuffix("without much disruption to traffic."))
        #expect(result.text.contains("\n\nTraffic returns to the quay\n\n"))
        #expect(result.text.contains("a new crossing for cyclists on the east side"))
    }

    @Test(arguments: ["Home", "Share on Facebook", "swing bridge at dawn", "Advertisement", "morning newsletter",
                      "ferry timetable", "driving around the estate", "cookies", "All rights reserved",
                      "By Mara Quint", "Harbour bridge reopens"])
    func leavesOut(_ phrase: String) {
        #expect(!result.text.contains(phrase))
    }

    @Test func recordsCaptionAndByline() {
        #expect(result.removed.contains { $0.kind == .caption && $0.text.contains("swing bridge at dawn") })
        #expect(result.removed.contains { $0.kind == .byline && $0.text.contains("Mara Quint") })
        #expect(result.removed.contains { $0.kind == .headline })
    }

    @Test func paragraphRangesPointIntoTheText() {
        let bytes = Array(result.text.utf8)
        for paragraph in result.paragraphs {
            #expect(paragraph.range.upperBound <= bytes.count)
            let text = String(decoding: bytes[paragraph.range], as: UTF8.self)
            #expect(!text.isEmpty && text == text.trimmingSpaces)
        }
    }

    @Test func readsTheMetadata() {
        let metadata = result.metadata
        #expect(metadata.title == "Harbour bridge reopens after repairs")
        #expect(metadata.authors == ["Mara Quint", "Tobias Fenn"])
        #expect(metadata.published?.iso8601 == "2024-03-11T08:30:00+01:00")
        #expect(metadata.updated?.iso8601 == "2024-03-12T10:00:00+01:00")
        #expect(metadata.publisher == "The Coastal Ledger")
        #expect(metadata.language == "en")
        #expect(metadata.url == "https://ledger.example/2024/03/11/harbour-bridge-reopens")
        #expect(metadata.description == "The old swing bridge carries traffic again after eight months.")
    }

    @Test func givenMetadataWins() throws {
        let given = DocumentMetadata(title: "Feed title", authors: ["Feed Author"])
        let cleaned = try HTMLExtractor().clean(RawArticle(source: "feed.xml#1", format: .html, content: newsPage,
                                                           original: [], given: given))
        #expect(cleaned.metadata.title == "Feed title")
        #expect(cleaned.metadata.authors == ["Feed Author"])
        #expect(cleaned.metadata.publisher == "The Coastal Ledger")
    }
}
