/// Recognizes photo captions and credits: a credit in final parentheses ("(Name/Agency)"), a
/// line that starts or ends with a credit word ("Foto: ...", "... Photo: Reuters"), or "©".
enum CaptionShape {
    static func looksLikeCaption(_ s: LineStats) -> Bool {
        if s.slashInFinalParenthesis { return true }
        if s.creditAtStart || s.creditAtEnd { return true }
        if s.parenthesisAtEnd && s.creditInFinalParenthesis { return true }
        if s.hasCopyrightSign && s.words <= 40 { return true }
        return false
    }
}
