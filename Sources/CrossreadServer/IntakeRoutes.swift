import CrossreadCore
import Foundation
import Hummingbird

/// Adding articles: the form at `/add`, its POST (multipart files or pasted text, token in a field),
/// and `POST /api/documents` (multipart, or JSON `{"inputs": [{"name", "content"}]}`, Bearer token).
extension ServerRoutes {
    func addIntakeRoutes(to router: Router<BasicRequestContext>) {
        let guardian = WriteGuard(settings: settings)
        let intake = DocumentIntake(store: store, views: views)
        router.get("/add") { _, _ in
            Responses.html(addPage(outcome: nil, error: nil))
        }
        router.post("/add") { request, _ in
            try guardian.checkSameOrigin(request)
            let body = try await guardian.body(of: request)
            let (inputs, token) = try formInputs(request, body: body)
            try guardian.checkToken(request, formToken: token)
            guard !inputs.isEmpty else {
                return Responses.html(addPage(outcome: nil, error: "Choose files or paste an article first."), status: .badRequest)
            }
            let outcome = try await intake.add(inputs)
            return Responses.html(addPage(outcome: outcome, error: nil), status: outcome.added.isEmpty && outcome.present.isEmpty ? .unprocessableContent : .ok)
        }
        router.post("/api/documents") { request, _ in
            try guardian.checkSameOrigin(request)
            try guardian.checkToken(request, formToken: nil)
            let body = try await guardian.body(of: request)
            let inputs = try apiInputs(request, body: body)
            guard !inputs.isEmpty else { throw ServerError.badRequest("no input: send files as multipart/form-data or JSON {\"inputs\": [{\"name\", \"content\"}]}") }
            let outcome = try await intake.add(inputs)
            let status: HTTPResponse.Status = !outcome.added.isEmpty ? .created : outcome.present.isEmpty ? .unprocessableContent : .ok
            return try Responses.json(outcome, status: status)
        }
    }

    /// The inputs of the HTML form (files and pasted text), and its token field.
    func formInputs(_ request: Request, body: [UInt8]) throws(ServerError) -> ([DocumentIntake.Input], String?) {
        let contentType = request.headers[.contentType] ?? ""
        if let boundary = MultipartForm.boundary(contentType: contentType) {
            guard let form = MultipartForm(body: body, boundary: boundary) else { throw .badRequest("the form data is malformed") }
            var inputs: [DocumentIntake.Input] = []
            // A file input left empty sends a part with an empty name and no bytes: not an input.
            for (index, part) in form.parts.enumerated() where part.filename != nil && !(part.filename!.isEmpty && part.data.isEmpty) {
                inputs.append(.init(source: DocumentIntake.label(filename: part.filename, fallback: "file-\(index + 1)"), bytes: part.data))
            }
            if let pasted = form.field("text"), let input = Self.pasted(pasted, format: form.field("format")) { inputs.append(input) }
            return (inputs, form.field("token").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) })
        }
        if contentType.lowercased().hasPrefix("application/x-www-form-urlencoded") {
            let fields = FormFields(encoded: String(decoding: body, as: UTF8.self))
            let inputs = fields.all("text").first.flatMap { Self.pasted($0, format: fields["format"]) }.map { [$0] } ?? []
            return (inputs, fields["token"])
        }
        throw ServerError(.unsupportedMediaType, "send the form as multipart/form-data or application/x-www-form-urlencoded")
    }

    /// The inputs of an API request.
    func apiInputs(_ request: Request, body: [UInt8]) throws(ServerError) -> [DocumentIntake.Input] {
        let contentType = (request.headers[.contentType] ?? "").lowercased()
        if contentType.hasPrefix("multipart/form-data") || contentType.hasPrefix("application/x-www-form-urlencoded") {
            return try formInputs(request, body: body).0
        }
        guard contentType.hasPrefix("application/json") else {
            throw ServerError(.unsupportedMediaType, "send multipart/form-data or application/json")
        }
        struct Body: Decodable {
            struct Item: Decodable { var name: String?; var content: String }
            var inputs: [Item]
        }
        let decoded: Body
        do {
            decoded = try JSONDecoder().decode(Body.self, from: Data(body))
        } catch {
            throw .badRequest("the JSON body must be {\"inputs\": [{\"name\": \"article.html\", \"content\": \"…\"}]}")
        }
        return decoded.inputs.enumerated().map { index, item in
            DocumentIntake.Input(source: DocumentIntake.label(filename: item.name, fallback: "input-\(index + 1)"), bytes: Array(item.content.utf8))
        }
    }

    /// Pasted text as an input; `format` "html" or "text" picks the name's extension (detection decides otherwise).
    static func pasted(_ text: String, format: String?) -> DocumentIntake.Input? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        let name = switch format {
        case "html": "pasted.html"
        case "text": "pasted.txt"
        default: trimmed.hasPrefix("<") ? "pasted.html" : "pasted.txt"
        }
        return DocumentIntake.Input(source: "upload/" + name, bytes: Array(trimmed.utf8))
    }

    func addPage(outcome: DocumentIntake.Outcome?, error: String?) -> String {
        var body = "<h1 id=\"page-title\">Add articles</h1>"
        if let error { body += "<p id=\"add-error\" class=\"error\">\(HTML.text(error))</p>" }
        if let outcome {
            body += "<section id=\"add-results\" class=\"card\"><h2>\(HTML.count(outcome.added.count, "document")) added, \(HTML.number(outcome.present.count)) already present, \(HTML.number(outcome.failed.count)) failed</h2><ul class=\"plain\">"
            for item in outcome.added {
                body += "<li class=\"added\"><span class=\"pill ok\">added</span> " + HTML.link(Paths.document(item.id), LibrarySnapshot.displayTitle(item.title, source: item.source), className: "document-link") + "</li>"
            }
            for item in outcome.present {
                body += "<li class=\"present\"><span class=\"pill\">already present</span> " + HTML.link(Paths.document(item.id), LibrarySnapshot.displayTitle(item.title, source: item.source), className: "document-link") + "</li>"
            }
            for failure in outcome.failed {
                body += "<li class=\"failed\"><span class=\"pill bad\">failed</span> \(HTML.text(failure.source)): \(HTML.text(failure.reason))</li>"
            }
            body += "</ul></section>"
        }
        body += "<form id=\"add-form\" class=\"card\" action=\"/add\" method=\"post\" enctype=\"multipart/form-data\">"
        body += "<label for=\"files\">Files (text, HTML, RSS or Atom feeds, JSON Lines, gzip)<input id=\"files\" name=\"files\" type=\"file\" multiple></label>"
        body += "<label for=\"paste\">Or paste an article (text or HTML)<textarea id=\"paste\" name=\"text\" rows=\"12\"></textarea></label>"
        body += "<label for=\"paste-format\">Pasted as<select id=\"paste-format\" name=\"format\"><option value=\"auto\">detect</option><option value=\"text\">plain text</option><option value=\"html\">HTML</option></select></label>"
        if settings.writesNeedToken {
            body += "<label for=\"token\">Write token<input id=\"token\" name=\"token\" type=\"password\" autocomplete=\"off\" required></label>"
        }
        body += "<button id=\"add-submit\" type=\"submit\">Add to the library</button>"
        body += "<p class=\"meta\">Up to \(settings.maxRequestBytes / (1024 * 1024)) MB per request. Articles go through the same cleaning as <code>crossread ingest</code>; copies already in the library are not added twice.</p></form>"
        return HTML.page(title: "Add articles", active: "add", body: body)
    }
}
