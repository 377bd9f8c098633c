/// The one HTML escaping function, public, for other renderers of article text (the web server):
/// element content and quoted attribute values both.
public enum HTMLText {
    /// `text` with `& < > " '` escaped and NUL replaced.
    public static func escape(_ text: some StringProtocol) -> String { HTMLEscaping.escape(text) }
}
