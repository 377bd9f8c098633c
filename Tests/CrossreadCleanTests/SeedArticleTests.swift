import CrossreadClean
import CrossreadCore
import CrossreadTestSupport
import Foundation
import Testing

/// The five seed articles in ../shared/seeds: what the clean text must lose, what it must keep,
/// and the metadata it must find. Expectations point at lines of the seed files by position,
/// so no article text is copied here. Skips when ../shared is absent.
@Suite("Seed articles")
struct SeedArticleTests {
    let cleaner = TextCleaner()

    /// The seed whose name starts with `prefix`, its non-blank lines, and the cleaned article.
    func seed(_ prefix: String) throws -> (lines: [String], cleaned: CleanedArticle)? {
        guard let folder = SharedCorpus.path("seeds") else { return nil }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        let name = try #require(names.first { $0.hasPrefix(prefix) }, "no seed \(prefix)")
        let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let cleaned = cleaner.clean(text: text)
        #expect(SpanVerifier.problems(paragraphsOf: cleaned).isEmpty)
        return (lines, cleaned)
    }

    func paragraphs(_ cleaned: CleanedArticle, _ kind: Paragraph.Kind? = nil) -> [String] {
        let bytes = Array(cleaned.text.utf8)
        return cleaned.paragraphs.filter { kind == nil || $0.kind == kind }.map {
            String(decoding: bytes[$0.range], as: UTF8.self)
        }
    }

    /// Boilerplate none of the seeds may keep.
    static let neverKept = [
        "Advertisement", "Also read", "Leave a Reply", "Your email address", "Trending Post",
        "Exit mobile version", "Reading time", "About the Author", "Publisher and CEO", "Make a gift",
    ]

    @Test("no boilerplate in any seed's clean text", arguments: ["000", "001", "002", "003", "004"])
    func noBoilerplate(_ prefix: String) throws {
        guard let (_, cleaned) = try seed(prefix) else { return }
        for phrase in Self.neverKept { #expect(!cleaned.text.contains(phrase), "\(prefix) keeps \"\(phrase)\"") }
        #expect(!paragraphs(cleaned).contains("search"))
    }

    @Test("000: every line is body, and there is no headline")
    func seed000() throws {
        guard let (lines, cleaned) = try seed("000") else { return }
        #expect(paragraphs(cleaned) == lines)
        #expect(cleaned.paragraphs.allSatisfy { $0.kind == .body })
        #expect(cleaned.metadata.title == nil)
        #expect(cleaned.metadata.language == "en")
    }

    @Test("001: headline, date and time into metadata; subheadings stay subheadings")
    func seed001() throws {
        guard let (lines, cleaned) = try seed("001") else { return }
        #expect(cleaned.metadata.title == lines[0])
        #expect(cleaned.metadata.title == "Netanyahu and Trump Strengthen Alliance Amid Escalating Tensions with Iran")
        let published = try #require(cleaned.metadata.published)
        #expect(published.day8601 == "2024-11-11")
        #expect(published.hour == 12 && published.minute == 13)
        // Lines 1-3 are the date, the time and the reading time; the rest is the article.
        #expect(paragraphs(cleaned) == Array(lines[4...]))
        #expect(paragraphs(cleaned, .subheading) == [lines[5], lines[8], lines[11], lines[14]])
        #expect(cleaned.removed.map(\.kind) == [.headline, .dateline, .readingTime])
    }

    @Test("002: ads, caption, related links and comment form out; title and publisher found")
    func seed002() throws {
        guard let (lines, cleaned) = try seed("002") else { return }
        #expect(cleaned.metadata.title == lines[1])
        #expect(cleaned.metadata.title == "A Close Alliance: Netanyahu’s Warm Call with Trump amidst Ongoing Conflicts")
        #expect(cleaned.metadata.publisher == lines[0])
        #expect(cleaned.metadata.publisher == "Viral News")
        let kept = paragraphs(cleaned)
        let caption = try #require(lines.firstIndex { $0.contains("(Photo by") })
        #expect(!kept.contains(lines[caption]))
        let lowercaseRelated = try #require(lines.firstIndex { $0.first?.isLowercase == true && $0.count > 20 })
        #expect(!kept.contains(lines[lowercaseRelated]))
        // Every long line other than the caption is body; every short capitalized line after the
        // dateline that does not end a sentence (other than boilerplate) is a subheading.
        for (index, line) in lines.enumerated() where line.split(separator: " ").count >= 20 && index != caption {
            #expect(kept.contains(line), "lost paragraph at line \(index)")
        }
        let subheadings = paragraphs(cleaned, .subheading)
        for (index, line) in lines.enumerated().dropFirst(4) {
            let words = line.split(separator: " ").count
            guard words <= 8, line.first?.isUppercase == true, !(line.last.map { ".!?*".contains($0) } ?? true),
                  !Self.neverKept.contains(where: { line.hasPrefix($0) }) else { continue }
            #expect(subheadings.contains(line), "line \(index) is not a subheading")
        }
        #expect(subheadings.count == 9)
        let kinds = cleaned.removed.map(\.kind)
        for kind: BlockKind in [.publisher, .headline, .dateline, .ad, .caption, .related, .comments, .chrome] {
            #expect(kinds.contains(kind), "nothing removed as \(kind.rawValue)")
        }
    }

    @Test("003: the search line and the author bio out; title and author found")
    func seed003() throws {
        guard let (lines, cleaned) = try seed("003") else { return }
        #expect(cleaned.metadata.title == lines[2])
        #expect(cleaned.metadata.authors == [lines[1]])
        #expect(cleaned.metadata.authors == ["Victor Glass"])
        #expect(paragraphs(cleaned) == Array(lines[3..<(lines.count - 2)]))
        #expect(cleaned.removed.last?.kind == .authorBio)
        #expect(cleaned.removed.last?.text.hasSuffix(lines[lines.count - 1]) == true)
    }

    @Test("004: the caption and the donation appeal out, the (JTA) paragraph kept, no title")
    func seed004() throws {
        guard let (lines, cleaned) = try seed("004") else { return }
        #expect(cleaned.metadata.title == nil)
        let kept = paragraphs(cleaned)
        #expect(!kept.contains(lines[0]))
        #expect(kept.first == lines[1])
        let appealStart = try #require(lines.firstIndex { $0.contains("please support") })
        #expect(kept == Array(lines[1..<appealStart]))
        #expect(cleaned.removed.first?.kind == .caption)
        let appeal = try #require(cleaned.removed.last)
        #expect(appeal.kind == .appeal)
        #expect(appeal.text.hasSuffix(lines[lines.count - 1]))
    }
}
