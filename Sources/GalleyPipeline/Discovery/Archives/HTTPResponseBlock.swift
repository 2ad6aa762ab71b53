import GalleyCore

/// The block of a WARC `response` record: an HTTP/1.x status line, headers and the payload as
/// the server sent it, decoded here: chunked transfer coding undone, then a `gzip` or `deflate`
/// content coding (at most 64 MB out, so a compression bomb is refused).
struct HTTPResponseBlock: Sendable {
    var status: Int
    /// Header names lower-cased; repeated headers joined with ", ".
    var headers: [String: String]
    var body: [UInt8]

    enum Failure: Error, Equatable, CustomStringConvertible {
        case notHTTP
        case badChunks
        case encoding(String)

        var description: String {
            switch self {
            case .notHTTP: "no HTTP status line and headers"
            case .badChunks: "its chunked body is malformed"
            case .encoding(let reason): "its body " + reason
            }
        }
    }

    /// Largest header section read.
    static let maximumHeaderBytes = 64 * 1024

    static func parse(_ block: [UInt8], source: String) throws(Failure) -> HTTPResponseBlock {
        guard let (status, headers, bodyStart) = head(block[...]) else { throw .notHTTP }
        var body = Array(block[bodyStart...])
        if headers["transfer-encoding"]?.lowercased().contains("chunked") == true { body = try dechunked(body) }
        switch headers["content-encoding"]?.lowercased().trimmingCharacters(in: .whitespaces) {
        case nil, "", "identity": break
        case "gzip", "x-gzip", "deflate":
            do throws(GalleyError) {
                body = try GzipDecoder.decompress(body, source: source)
            } catch {
                throw .encoding(error.reason)
            }
        case let other?: throw .encoding("content encoding \(other) is not supported")
        }
        return HTTPResponseBlock(status: status, headers: headers, body: body)
    }

    /// The status line and headers at the start of a block (names lower-cased, repeated ones
    /// joined with ", ") and where the body starts; nil when the block does not start with them
    /// within `maximumHeaderBytes`. A block's first bytes are enough (`WARCReader` looks at the
    /// type of a record too large to read).
    static func head(_ bytes: ArraySlice<UInt8>) -> (status: Int, headers: [String: String], bodyStart: Int)? {
        guard let end = headerEnd(bytes) else { return nil }
        let text = String(decoding: bytes[..<end.headers], as: UTF8.self)
        // ("\r\n" is one Character in Swift, and a newline.)
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        guard let statusLine = lines.first, statusLine.hasPrefix("HTTP/") else { return nil }
        let parts = statusLine.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, let status = Int(parts[1]) else { return nil }
        lines.removeFirst()
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers[name] = headers[name].map { $0 + ", " + value } ?? value
        }
        return (status, headers, end.body)
    }

    /// Where the header section ends (`\r\n\r\n`, or `\n\n` from sloppy writers) and the body starts.
    private static func headerEnd(_ block: ArraySlice<UInt8>) -> (headers: Int, body: Int)? {
        let limit = min(block.endIndex, block.startIndex + maximumHeaderBytes)
        var index = block.startIndex
        while index < limit {
            if block[index] == 0x0A {
                if index + 1 < block.endIndex, block[index + 1] == 0x0A { return (index, index + 2) }
                if index + 2 < block.endIndex, block[index + 1] == 0x0D, block[index + 2] == 0x0A { return (index, index + 3) }
            }
            index += 1
        }
        return nil
    }

    /// The body with the chunked transfer coding undone (RFC 9112 §7.1).
    static func dechunked(_ bytes: [UInt8]) throws(Failure) -> [UInt8] {
        var output: [UInt8] = []
        var index = 0
        while index < bytes.count {
            guard let lineEnd = bytes[index...].firstIndex(of: 0x0A) else { throw .badChunks }
            let sizeText = String(decoding: bytes[index..<lineEnd], as: UTF8.self)
                .split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
            guard let size = Int(sizeText, radix: 16), size >= 0 else { throw .badChunks }
            index = lineEnd + 1
            if size == 0 { return output }
            guard size <= bytes.count - index else { throw .badChunks }
            output += bytes[index..<(index + size)]
            index += size
            while index < bytes.count, bytes[index] == 0x0D || bytes[index] == 0x0A { index += 1 }
        }
        return output
    }
}
