import Hummingbird

/// Every request the preview server answers: the output folder's files, plus the live-reload
/// endpoints under `/__galley/` (the event stream, the build status, the script).
struct SiteResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    /// Server-sent events: `reload` after a build that changed the site, `failed` after one that failed.
    static let eventsPath = "/__galley/events"
    /// The last build's status as JSON (`BuildStatus`).
    static let statusPath = "/__galley/status"

    let files: OutputFileResponder
    let hub: ReloadHub

    func respond(to request: Request, context: Context) async throws -> Response {
        let headOnly = request.method == .head
        guard request.method == .get || headOnly else {
            var fields = HTTPFields()
            fields[.allow] = "GET, HEAD"
            return OutputFileResponder.plain(.methodNotAllowed, "Method not allowed\n", extra: fields, headOnly: false)
        }
        let (path, query) = Self.split(request.head.path ?? "/")
        switch path {
        case Self.eventsPath: return events(headOnly: headOnly)
        case Self.statusPath: return Self.fixed(hub.status.json, type: MediaType.json, headOnly: headOnly)
        case LiveReloadScript.path: return Self.fixed(LiveReloadScript.source, type: "text/javascript; charset=utf-8", headOnly: headOnly)
        default: return files.respond(rawPath: path, query: query, headers: request.headers, headOnly: headOnly)
        }
    }

    /// Splits a request target into its path and query (a fragment never reaches a server).
    static func split(_ target: String) -> (path: Substring, query: Substring?) {
        let target = Substring(target)
        guard let mark = target.firstIndex(of: "?") else { return (target, nil) }
        return (target[..<mark], target[target.index(after: mark)...])
    }

    /// The event stream: an opening comment, then every hub event until the server stops or the
    /// client goes away (a failed write ends it; heartbeats make sure one happens).
    private func events(headOnly: Bool) -> Response {
        var fields = HTTPFields()
        fields[.contentType] = "text/event-stream; charset=utf-8"
        fields[.cacheControl] = "no-store"
        guard !headOnly else { return Response(status: .ok, headers: fields) }
        let stream = hub.listen()
        return Response(status: .ok, headers: fields, body: ResponseBody { writer in
            try await writer.write(ByteBuffer(string: ServerEvent.opening))
            for await event in stream {
                try await writer.write(ByteBuffer(string: event.text))
            }
            try await writer.finish(nil)
        })
    }

    private static func fixed(_ text: String, type: String, headOnly: Bool) -> Response {
        var fields = HTTPFields()
        fields[.contentType] = type
        fields[.cacheControl] = "no-store"
        return OutputFileResponder.response(.ok, fields: fields, body: Array(text.utf8), headOnly: headOnly)
    }
}
