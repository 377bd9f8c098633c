import CrossreadCore
import Testing
@testable import CrossreadIngest

@Suite("Encodings")
struct EncodingTests {
    static let sentence = "Zoë’s café “reopened” — 5 € off."

    private func onlyContent(_ events: [IngestEvent]) -> String? {
        #expect(events.failures.isEmpty)
        #expect(events.articles.count == 1)
        return events.articles.first?.content
    }

    @Test func utf8WithoutBOM() {
        #expect(onlyContent(ingest(Self.sentence, name: "a.txt")) == Self.sentence)
    }

    @Test func utf8BOMIsDropped() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(Self.sentence.utf8)
        let content = onlyContent(ingest(bytes, name: "a.txt"))
        #expect(content == Self.sentence)
        #expect(content?.unicodeScalars.first != "\u{FEFF}")
    }

    @Test(arguments: [true, false])
    func utf16WithBOM(littleEndian: Bool) {
        var bytes: [UInt8] = littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
        for unit in Self.sentence.utf16 {
            let high = UInt8(unit >> 8), low = UInt8(unit & 0xFF)
            bytes += littleEndian ? [low, high] : [high, low]
        }
        let events = ingest(bytes, name: "wide.txt")
        #expect(onlyContent(events) == Self.sentence)
        #expect(events.articles.first?.original == bytes)
    }

    @Test func utf16HTMLIsDetectedAfterDecoding() {
        let page = "<!doctype html><html><body><p>Grüße aus Köln</p></body></html>"
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in page.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let events = ingest(bytes, name: "page")
        #expect(events.articles.first?.format == .html)
        #expect(events.articles.first?.content == page)
    }

    @Test func windows1252QuotesWithoutDeclaration() {
        // “Smart” quotes, an en dash and é typed in a Windows editor.
        let bytes: [UInt8] = Array("He said ".utf8) + [0x93] + Array("no".utf8) + [0x94]
            + Array(" ".utf8) + [0x96] + Array(" caf".utf8) + [0xE9] + Array(".".utf8)
        #expect(onlyContent(ingest(bytes, name: "legacy.txt")) == "He said “no” – café.")
    }

    @Test func strayLegacyByteInUTF8KeepsTheRest() {
        let bytes: [UInt8] = Array("Köln ".utf8) + [0x93] + Array("ok".utf8) + [0x94]
        #expect(onlyContent(ingest(bytes, name: "mixed.txt")) == "Köln “ok”")
    }

    @Test func metaCharsetISO88591() {
        let head = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"></head><body><p>"
        let bytes: [UInt8] = Array(head.utf8) + Array("Bient".utf8) + [0xF4] + Array("t l'".utf8) + [0xE9]
            + Array("t".utf8) + [0xE9] + Array("</p></body></html>".utf8)
        let content = onlyContent(ingest(bytes, name: "page.html"))
        #expect(content?.contains("Bientôt l'été") == true)
    }

    @Test func metaCharsetWindows1251() {
        // "Привет, мир" in Windows-1251.
        let cyrillic: [UInt8] = [0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2, 0x2C, 0x20, 0xEC, 0xE8, 0xF0]
        let bytes = Array("<!DOCTYPE html><html><head><meta charset=\"windows-1251\"><title>t</title></head><body><p>".utf8)
            + cyrillic + Array("</p></body></html>".utf8)
        let content = onlyContent(ingest(bytes, name: "ru.html"))
        #expect(content?.contains("Привет, мир") == true)
    }

    @Test func metaCharsetKOI8R() {
        // "Мир" in KOI8-R.
        let bytes = Array("<html><head><meta charset=koi8-r></head><body>".utf8) + [0xED, 0xC9, 0xD2]
            + Array("</body></html>".utf8)
        #expect(onlyContent(ingest(bytes, name: "koi.html"))?.contains("Мир") == true)
    }

    @Test func mislabeledUTF8StaysUTF8() {
        let page = "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Übermorgen – Café</p></body></html>"
        #expect(onlyContent(ingest(page, name: "p.html")) == page)
    }

    @Test func xmlDeclarationEncodingForFeeds() {
        let bytes = Array("<?xml version=\"1.0\" encoding=\"windows-1251\"?><rss version=\"2.0\"><channel><title>".utf8)
            + [0xCD, 0xEE, 0xE2, 0xEE, 0xF1, 0xF2, 0xE8] // "Новости"
            + Array("</title><item><title>x</title><description>".utf8) + [0xC4, 0xE0] // "Да"
            + Array("</description></item></channel></rss>".utf8)
        let events = ingest(bytes, name: "feed.xml")
        #expect(events.failures.isEmpty)
        #expect(events.articles.first?.given.publisher == "Новости")
        #expect(events.articles.first?.content == "Да")
    }

    @Test(arguments: [
        ("ISO-8859-1", Charset.windows1252), ("us-ascii", .windows1252), ("UTF8", .utf8),
        ("gb2312", .iconv("GB18030")), ("Shift_JIS", .iconv("CP932")), ("windows-1251", .iconv("WINDOWS-1251")),
    ])
    func charsetLabels(label: String, expected: Charset) {
        #expect(Charset(label: label) == expected)
    }

    @Test func shiftJISThroughIconv() {
        // "日本" in Shift_JIS.
        let bytes = Array("<html><head><meta charset=\"shift_jis\"></head><body>".utf8) + [0x93, 0xFA, 0x96, 0x7B]
            + Array("</body></html>".utf8)
        #expect(onlyContent(ingest(bytes, name: "jp.html"))?.contains("日本") == true)
    }
}
