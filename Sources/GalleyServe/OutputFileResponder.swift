import Hummingbird

/// Answers requests for files of the output folder: content types, `index.html` for folders,
/// a 301 for a folder without its slash, the site's `404.html`, `HEAD`, and `ETag` /
/// `Last-Modified` validators with 304 answers. HTML gets the live-reload script.
struct OutputFileResponder: Sendable {
    let resolver: OutputPathResolver
    /// The last build's status (HTML carries its error while it failed).
    let status: @Sendable () -> BuildStatus

    init(outputFolder: String, status: @escaping @Sendable () -> BuildStatus) {
        resolver = OutputPathResolver(root: outputFolder)
        self.status = status
    }

    /// The response to `GET` (or `HEAD`, `headOnly`) of a raw path with its query.
    func respond(rawPath: Substring, query: Substring?, headers: HTTPFields, headOnly: Bool) -> Response {
        switch resolver.resolve(rawPath, query: query) {
        case .file(let path):
            guard let file = StaticFile.read(path) else { return notFound(headOnly: headOnly) }
            return serve(file, path: path, status: .ok, conditions: headers, headOnly: headOnly)
        case .redirect(let location):
            var fields = HTTPFields()
            fields[.location] = location
            return Self.plain(.movedPermanently, "Moved to \(location)\n", extra: fields, headOnly: headOnly)
        case .notFound:
            return notFound(headOnly: headOnly)
        case .badRequest:
            return Self.plain(.badRequest, "Bad request path\n", headOnly: headOnly)
        }
    }

    /// The site's own `404.html` with status 404, or (no site yet: the first build failed) a
    /// bare page that still carries the reload script, so the build error shows on it. The
    /// site's page links relative to the site root, where it lies; served for a missing path at
    /// any depth it gets `<base href="/">`, so its style sheet and links still resolve.
    func notFound(headOnly: Bool) -> Response {
        let page = OutputPathResolver.realPath(resolver.root + "/404.html")
            .flatMap { path in StaticFile.read(path).map { (path, $0) } }
        guard let (path, file) = page else {
            var fields = HTTPFields()
            fields[.contentType] = MediaType.html
            fields[.cacheControl] = "no-store"
            return Self.response(.notFound, fields: fields, body: LiveReloadScript.inject(into: Self.bareNotFound, status: status()),
                                 headOnly: headOnly)
        }
        return serve(file, path: path, status: .notFound, conditions: HTTPFields(), headOnly: headOnly, rootBase: true)
    }

    private static let headTag = Array("<head>".utf8)
    private static let rootBaseElement = Array("\n<base href=\"/\">".utf8)

    /// A page with `<base href="/">` right after its `<head>` (unchanged when it has none).
    static func withRootBase(_ page: [UInt8]) -> [UInt8] {
        let limit = min(page.count, 4096) - headTag.count
        guard limit >= 0, let start = (0...limit).first(where: { page[$0..<($0 + headTag.count)].elementsEqual(headTag) }) else { return page }
        var result = page
        result.insert(contentsOf: rootBaseElement, at: start + headTag.count)
        return result
    }

    private static let bareNotFound = Array("<!doctype html>\n<meta charset=\"utf-8\"><title>Not found</title>\n<body><h1>Not found</h1><p>The site has no such page (or has not been built yet).</p></body>\n".utf8)

    private func serve(_ file: StaticFile, path: String, status: HTTPResponse.Status, conditions: HTTPFields,
                       headOnly: Bool, rootBase: Bool = false) -> Response {
        let type = MediaType.of(path: path, head: file.bytes.prefix(1024))
        let isHTML = type == MediaType.html
        let build = isHTML ? self.status() : .initial
        var fields = HTTPFields()
        fields[.contentType] = type
        fields[.xContentTypeOptions] = "nosniff"
        if status == .ok {
            fields[.cacheControl] = "no-cache"
            fields[.eTag] = file.entityTag(variant: isHTML ? Self.variant(build) : nil)
            fields[.lastModified] = HTTPDate.format(file.modifiedSeconds)
            if Self.isNotModified(conditions, entityTag: fields[.eTag] ?? "", modified: file.modifiedSeconds) {
                fields[.contentType] = nil
                var response = Response(status: .notModified, headers: fields)
                response.headers[.contentLength] = nil
                return response
            }
        } else {
            fields[.cacheControl] = "no-store"
        }
        let bytes = isHTML && rootBase ? Self.withRootBase(file.bytes) : file.bytes
        let body = isHTML ? LiveReloadScript.inject(into: bytes, status: build) : bytes
        return Self.response(status, fields: fields, body: body, headOnly: headOnly)
    }

    /// The served form of an HTML file: with the reload script, and with the error box of a
    /// failed build (a new build number is a new form).
    private static func variant(_ build: BuildStatus) -> String {
        build.state == .failed ? "live-e\(build.build)" : "live"
    }

    /// `If-None-Match` decides when present (any listed tag, weak or strong, or `*`); otherwise
    /// `If-Modified-Since` at or after the file's time (whole seconds).
    static func isNotModified(_ conditions: HTTPFields, entityTag: String, modified: Int) -> Bool {
        if let match = conditions[.ifNoneMatch] {
            let tags = match.split(separator: ",").map(trimmed)
            return tags.contains { $0 == "*" || $0 == entityTag || $0 == "W/" + entityTag }
        }
        if let since = conditions[.ifModifiedSince].flatMap(HTTPDate.parse) {
            return modified <= since
        }
        return false
    }

    private static func trimmed(_ text: Substring) -> Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = text.firstIndex(where: { !isSpace($0) }), let last = text.lastIndex(where: { !isSpace($0) }) else { return "" }
        return text[first...last]
    }

    static func plain(_ status: HTTPResponse.Status, _ text: String, extra: HTTPFields = HTTPFields(), headOnly: Bool) -> Response {
        var fields = extra
        fields[.contentType] = MediaType.text
        fields[.cacheControl] = "no-store"
        return response(status, fields: fields, body: Array(text.utf8), headOnly: headOnly)
    }

    /// A response with a body, or for `HEAD` the same headers (with the body's length) and no body.
    static func response(_ status: HTTPResponse.Status, fields: HTTPFields, body: [UInt8], headOnly: Bool) -> Response {
        var fields = fields
        fields[.contentLength] = String(body.count)
        return Response(status: status, headers: fields, body: headOnly ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }
}
