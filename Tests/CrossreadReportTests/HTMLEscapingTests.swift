import Testing
@testable import CrossreadReport

@Suite struct HTMLEscapingTests {
    @Test(arguments: [
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("Tom & \"Jerry\" 'x'", "Tom &amp; &quot;Jerry&quot; &#39;x&#39;"),
        ("“curly” — fine", "“curly” — fine"),
    ])
    func escapes(input: String, expected: String) {
        #expect(input.html == expected)
    }
}
