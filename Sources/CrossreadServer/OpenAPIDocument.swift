import Foundation

/// The OpenAPI 3.1 description of every route, served at `/openapi.json`. Written out here (not
/// derived from the router), so a test can compare the two.
enum OpenAPIDocument {
    static let json: Data = {
        let object: [String: Any] = [
            "openapi": "3.1.0",
            "info": [
                "title": "Crossread library",
                "version": "1.0.0",
                "description": "The local web app and JSON API of `crossread serve`. Pages are HTML; everything under /api/ is JSON. Writes need `Authorization: Bearer TOKEN` when the server was started with a token (always when it listens beyond loopback). Offsets in document JSON count Unicode code points into `text`.",
            ],
            "servers": [["url": "/"]],
            "paths": paths,
            "components": ["schemas": schemas, "securitySchemes": ["bearer": ["type": "http", "scheme": "bearer"]]],
        ]
        return (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
    }()

    private static func ref(_ name: String) -> [String: Any] { ["$ref": "#/components/schemas/\(name)"] }

    private static func query(_ name: String, _ description: String, type: String = "string", format: String? = nil) -> [String: Any] {
        var schema: [String: Any] = ["type": type]
        if let format { schema["format"] = format }
        return ["name": name, "in": "query", "required": false, "description": description, "schema": schema]
    }

    private static func pathParameter(_ description: String, pattern: String) -> [String: Any] {
        ["name": "id", "in": "path", "required": true, "description": description, "schema": ["type": "string", "pattern": pattern]]
    }

    private static var errorResponse: [String: Any] { ["description": "An error with its reason", "content": ["application/json": ["schema": ref("Error")]]] }
    private static var errorPage: [String: Any] { ["description": "An error page with its reason", "content": ["text/html": ["schema": ["type": "string"]]]] }

    private static func html(_ summary: String, parameters: [[String: Any]] = [], errors: [String] = []) -> [String: Any] {
        var responses: [String: Any] = ["200": ["description": "HTML page", "content": ["text/html": ["schema": ["type": "string"]]]]]
        for status in errors { responses[status] = errorPage }
        return ["get": ["summary": summary, "parameters": parameters, "responses": responses]]
    }

    private static func json(_ summary: String, schema: String, parameters: [[String: Any]] = [], errors: [String] = []) -> [String: Any] {
        var responses: [String: Any] = ["200": ["description": summary, "content": ["application/json": ["schema": ref(schema)]]]]
        for status in errors { responses[status] = errorResponse }
        return ["get": ["summary": summary, "parameters": parameters, "responses": responses]]
    }

    private static var searchParameters: [[String: Any]] { [
        query("q", "Words to find (every word must match; a trailing * matches a prefix). Required for /api/search."),
        query("entity", "A person, organization or place: an entity id or part of a name or alias."),
        query("source", "Part of the source path, URL or publisher name, ignoring case."),
        query("from", "First publication day, YYYY-MM-DD.", format: "date"),
        query("through", "Last publication day, YYYY-MM-DD.", format: "date"),
        query("page", "Page number, from 1.", type: "integer"),
        query("limit", "Hits per page, 1 to 100 (default 20).", type: "integer"),
    ] }
    private static var entityListParameters: [[String: Any]] { [
        query("q", "An entity id, or a word prefix of a name or alias (ignoring case and accents)."),
        query("type", "person, organization, place, group, amount or percent."),
        query("page", "Page number, from 1 (100 per page).", type: "integer"),
    ] }
    private static var entityParameters: [[String: Any]] { [
        entityID,
        query("page", "Page of the entity's documents, from 1 (50 a page, newest first).", type: "integer"),
        query("quotes", "Page of the entity's quotes, from 1 (100 a page, in ingest order).", type: "integer"),
    ] }
    private static var documentID: [String: Any] { pathParameter("A document id or an unambiguous prefix of its content hash.", pattern: "^[0-9a-fA-F]{4,64}$") }
    private static var entityID: [String: Any] { pathParameter("An entity id: type, colon, slug.", pattern: "^[a-z]+:[^/]+$") }
    private static var storyID: [String: Any] { pathParameter("A story or topic id.", pattern: "^[a-z0-9-]{3,100}$") }
    private static var pageParameter: [String: Any] {
        ["name": "page", "in": "query", "required": false, "description": "Page of the story list, from 1 (50 stories a page).",
         "schema": ["type": "integer", "minimum": 1, "maximum": 10000]]
    }

    private static var intakeBody: [String: Any] {
        [
            "required": true,
            "content": [
                "multipart/form-data": ["schema": ["type": "object", "properties": [
                    "files": ["type": "array", "items": ["type": "string", "contentMediaType": "application/octet-stream"]],
                    "text": ["type": "string", "description": "A pasted article, text or HTML"],
                    "format": ["type": "string", "enum": ["auto", "text", "html"]],
                    "token": ["type": "string", "description": "The write token (HTML form only)"],
                ]]],
                "application/json": ["schema": ["type": "object", "required": ["inputs"], "properties": [
                    "inputs": ["type": "array", "items": ["type": "object", "required": ["content"], "properties": [
                        "name": ["type": "string"], "content": ["type": "string"]]]],
                ]]],
            ],
        ]
    }

    private static var paths: [String: Any] {
        [
            "/": html("The library at a glance"),
            "/search": html("Search with filters and highlighted snippets", parameters: searchParameters, errors: ["400"]),
            "/documents/{id}": html("A document with its entities, quotes and times marked", parameters: [documentID], errors: ["400", "404"]),
            "/entities": html("People, organizations and places", parameters: entityListParameters, errors: ["400"]),
            "/entities/{id}": html("One entity: aliases, roles, quotes, mentions over time", parameters: entityParameters, errors: ["400", "404"]),
            "/stories": html("The largest topics with their largest stories, and every story by size, paged", parameters: [pageParameter], errors: ["400"]),
            "/topics/{id}": html("One topic and its largest stories", parameters: [storyID], errors: ["400", "404"]),
            "/stories/{id}": html("One story: documents, timeline, corroboration, conflicts, disputes", parameters: [storyID], errors: ["400", "404", "503"]),
            "/add": [
                "get": ["summary": "The form to add articles", "responses": ["200": ["description": "HTML page", "content": ["text/html": ["schema": ["type": "string"]]]]]],
                "post": ["summary": "Add articles from the form", "requestBody": intakeBody,
                         "responses": ["200": ["description": "What was added, already present or failed", "content": ["text/html": ["schema": ["type": "string"]]]],
                                       "400": errorPage, "401": errorPage, "403": errorPage, "413": errorPage, "415": errorPage, "422": errorPage]],
            ],
            "/style.css": ["get": ["summary": "The stylesheet", "responses": ["200": ["description": "CSS", "content": ["text/css": ["schema": ["type": "string"]]]]]]],
            "/openapi.json": ["get": ["summary": "This document", "responses": ["200": ["description": "OpenAPI 3.1", "content": ["application/json": ["schema": ["type": "object"]]]]]]],
            "/api/library": json("Counts, sources, dates, top people and organizations, stories", schema: "Library"),
            "/api/search": json("Search hits, best first", schema: "SearchResults", parameters: searchParameters, errors: ["400"]),
            "/api/documents/{id}": json("The document JSON (crossread/1) with annotations", schema: "Document", parameters: [documentID], errors: ["400", "404"]),
            "/api/entities": json("Entities merged across the library", schema: "EntityList", parameters: entityListParameters, errors: ["400"]),
            "/api/entities/{id}": json("One entity", schema: "EntityDetail", parameters: entityParameters, errors: ["400", "404"]),
            "/api/stories": ["get": ["summary": "Stories and topics", "parameters": [pageParameter], "responses": [
                "200": ["description": "Stories and topics", "content": ["application/json": ["schema": ref("StoryList")]]],
                "202": ["description": "Still computing (status \"computing\", empty lists)", "content": ["application/json": ["schema": ref("StoryList")]]],
                "400": errorResponse]]],
            "/api/topics/{id}": json("One topic and its largest stories (at most 200)", schema: "TopicDetail", parameters: [storyID], errors: ["400", "404"]),
            "/api/stories/{id}": json("One story with its comparison", schema: "StoryDetail", parameters: [storyID], errors: ["400", "404", "503"]),
            "/api/documents": [
                "post": ["summary": "Add articles", "security": [["bearer": [String]()]], "requestBody": intakeBody,
                         "responses": ["201": ["description": "At least one document added", "content": ["application/json": ["schema": ref("IntakeOutcome")]]],
                                       "200": ["description": "Nothing new: every document was already present", "content": ["application/json": ["schema": ref("IntakeOutcome")]]],
                                       "400": errorResponse, "401": errorResponse, "403": errorResponse, "413": errorResponse, "415": errorResponse,
                                       "422": ["description": "Every input failed", "content": ["application/json": ["schema": ref("IntakeOutcome")]]]]],
            ],
        ]
    }

    private static func object(_ properties: [String: Any], required: [String]? = nil) -> [String: Any] {
        ["type": "object", "properties": properties, "required": required ?? Array(properties.keys).sorted()]
    }
    private static var string: [String: Any] { ["type": "string"] }
    private static var optionalString: [String: Any] { ["type": ["string", "null"]] }
    private static var integer: [String: Any] { ["type": "integer"] }
    private static var strings: [String: Any] { ["type": "array", "items": ["type": "string"]] }
    private static func array(_ items: [String: Any]) -> [String: Any] { ["type": "array", "items": items] }
    private static var span: [String: Any] { object(["start": integer, "end": integer, "text": string]) }

    private static var schemas: [String: Any] {
        let entityItem = object(["id": string, "name": string, "type": string, "documents": integer, "mentions": integer])
        let story = object(["id": string, "title": string, "documents": strings, "first": optionalString, "last": optionalString, "topic": string],
                           required: ["id", "title", "documents", "topic"])
        let reference = object(["document": string, "text": string])
        let storyItem = object(["id": string, "title": string, "topic": string, "documents": integer, "first": optionalString,
                                "last": optionalString, "keywords": strings, "entities": strings],
                               required: ["id", "title", "topic", "documents", "keywords", "entities"])
        let counts = object(["documents": integer, "annotated": integer, "placed": integer, "stories": integer, "topics": integer,
                             "staleStories": integer])
        return [
            "Error": object(["error": object(["status": integer, "message": string])]),
            "Library": object([
                "documents": integer, "entities": integer, "firstPublished": optionalString, "lastPublished": optionalString,
                "sources": array(object(["name": string, "documents": integer])), "sourceCount": integer,
                "topPeople": array(entityItem), "topOrganizations": array(entityItem),
                "stories": array(object(["id": string, "title": string, "documents": integer, "first": optionalString, "last": optionalString, "topic": string],
                                        required: ["id", "title", "documents", "topic"])),
                "analysis": object(["status": ["type": "string", "enum": ["computing", "ready"]], "documents": integer, "stories": integer,
                                    "topics": integer, "seconds": ["type": "number"]], required: ["status"]),
            ], required: ["documents", "entities", "sources", "topPeople", "topOrganizations", "stories", "analysis"]),
            "SearchResults": object([
                "query": string, "page": integer, "limit": integer, "hasMore": ["type": "boolean"], "note": string,
                "total": ["type": "integer", "description": "documents matching in all; an estimate when totalIsExact is false (above 1,000 matches)"],
                "totalIsExact": ["type": "boolean"],
                "entities": array(object(["id": string, "name": string, "type": string])),
                "hits": array(object(["id": string, "title": optionalString, "source": string, "published": optionalString,
                                      "publisher": optionalString, "score": ["type": "number"], "snippet": string,
                                      "highlights": array(object(["start": integer, "end": integer]))],
                                     required: ["id", "source", "score", "snippet", "highlights"])),
            ], required: ["query", "page", "limit", "hasMore", "total", "totalIsExact", "entities", "hits"]),
            "Document": object([
                "id": string, "source": string, "format": string, "title": optionalString, "authors": strings,
                "published": optionalString, "updated": optionalString, "publisher": optionalString, "language": optionalString,
                "url": optionalString, "description": optionalString, "text": string,
                "paragraphs": array(object(["start": integer, "end": integer, "kind": string])),
                "removed": array(object(["kind": string, "text": string])),
                "sentences": array(span),
                "entities": array(object(["start": integer, "end": integer, "text": string, "type": string, "entity": string, "role": optionalString])),
                "quotes": array(object(["start": integer, "end": integer, "text": string, "speaker": optionalString, "speakerName": optionalString,
                                        "cue": optionalString, "venue": optionalString])),
                "times": array(object(["start": integer, "end": integer, "text": string, "value": optionalString, "unresolved": string],
                                      required: ["start", "end", "text", "value"])),
                "claims": array(object(["start": integer, "end": integer, "text": string, "score": ["type": "number"], "speaker": optionalString, "kinds": strings])),
            ], required: ["id", "source", "format", "text", "paragraphs", "removed"]),
            "EntityList": object(["total": integer, "page": integer, "hasMore": ["type": "boolean"],
                                  "entities": array(object(["id": string, "name": string, "type": string, "aliases": strings, "roles": strings,
                                                            "mentions": integer, "documents": integer]))]),
            "EntityDetail": object([
                "id": string, "name": string, "type": string, "aliases": strings, "roles": strings, "storedIDs": strings, "mentions": integer,
                "documentCount": integer, "documentPage": integer, "quoteCount": integer, "quotePage": integer,
                "documents": array(object(["id": string, "title": optionalString, "published": optionalString, "source": string], required: ["id", "source"])),
                "quotes": array(object(["document": string, "text": string, "cue": string, "venue": string], required: ["document", "text"])),
                "mentionsByMonth": array(object(["month": string, "documents": integer])),
            ]),
            "StoryList": object(["status": string, "counts": counts, "page": integer, "perPage": integer, "stories": array(storyItem),
                                 "topics": array(object(["id": string, "title": string, "documents": integer, "storyCount": integer,
                                                         "stories": array(storyItem)]))],
                                required: ["status", "page", "perPage", "stories", "topics"]),
            "TopicDetail": object(["topic": object(["id": string, "title": string, "size": integer, "stories": integer, "firstDay": integer,
                                                    "lastDay": integer, "keywords": strings, "entities": strings]),
                                   "stories": array(storyItem)]),
            "StoryDetail": object([
                "story": story, "size": integer, "comparedDocuments": integer,
                "timeline": array(object(["date": string, "text": string, "documents": strings])),
                "claims": array(object(["id": string, "text": string, "speaker": optionalString, "documents": strings, "corroboratedBy": strings,
                                        "disputedBy": strings, "disputes": array(reference)], required: ["id", "text", "documents", "corroboratedBy", "disputedBy", "disputes"])),
                "conflicts": array(object(["about": string, "values": array(object(["value": string, "document": string, "text": string]))])),
                "quoteVariants": array(object(["speaker": optionalString, "speakerName": optionalString, "variants": array(reference)], required: ["variants"])),
            ], required: ["story", "size", "timeline", "claims", "conflicts", "quoteVariants"]),
            "IntakeOutcome": object([
                "added": array(object(["id": string, "title": optionalString, "source": string], required: ["id", "source"])),
                "present": array(object(["id": string, "title": optionalString, "source": string], required: ["id", "source"])),
                "failed": array(object(["source": string, "reason": string])),
            ]),
        ]
    }
}
