/// Names of common HTML elements, used to tell markup from text that merely contains `<`.
enum HTMLTagNames {
    static let known: Set<String> = [
        "a", "abbr", "article", "aside", "b", "blockquote", "body", "br", "caption", "cite", "code",
        "dd", "div", "dl", "dt", "em", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
        "h4", "h5", "h6", "head", "header", "hr", "html", "i", "iframe", "img", "input", "label",
        "li", "link", "main", "meta", "nav", "noscript", "ol", "p", "picture", "pre", "q", "s",
        "script", "section", "small", "source", "span", "strong", "style", "sub", "sup", "table",
        "tbody", "td", "th", "thead", "time", "title", "tr", "u", "ul", "video",
    ]
}
