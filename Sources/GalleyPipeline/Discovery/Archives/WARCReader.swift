import Foundation

/// Reads the records of a WARC file one at a time (`next()`), streaming: only the blocks the
/// caller asks for are kept, up to `maximumBlock` bytes each; every other block is skipped.
///
/// A damaged record is reported (`Problem`) and reading goes on where it can: in a `.warc.gz`
/// of one gzip member per record (what crawlers write) at the next member; in a plain `.warc`,
/// or inside one big gzip stream, a record that runs past the end of the file ends the reading.
final class WARCReader {
    /// A record that could not be read whole, with where it was and why.
    struct Problem: Error, Sendable, Equatable {
        var offset: Int64
        var uri: String?
        var reason: String
    }

    /// Largest header block of a record.
    static let maximumFields = 64 * 1024
    /// Largest block kept (a larger one is skipped and reported).
    static let maximumBlock = 64 * 1024 * 1024

    private let bytes: ArchiveByteStream
    /// The end of the stream was reached (and a damaged end reported once).
    private var finished = false
    /// The last record read whole: where it started and its URI, for a file cut short after it.
    private var lastRecord: (start: Int64, offset: Int64, uri: String?)?
    /// Which records' blocks to keep, from their fields.
    private let keep: (String, [String: String]) -> Bool

    init(path: String, keepBlock: @escaping (_ type: String, _ fields: [String: String]) -> Bool) throws {
        bytes = try ArchiveByteStream(path: path)
        keep = keepBlock
    }

    /// The next record; nil at the end. A damaged record gives `.failure` (the next call goes on
    /// after it when it can).
    func next() -> Result<WARCRecord, Problem>? {
        guard !finished else { return nil }
        skipBlankLines()
        guard bytes.peek() != nil else {
            finished = true
            let member = bytes.member(at: bytes.position)
            let offset = member?.fileOffset ?? bytes.position
            if bytes.endsInsideMember {
                // The member cut short may hold the last record read (all its bytes came out).
                let last = lastRecord.flatMap { last in member.map { $0.streamOffset <= last.start } == true ? last : nil }
                return .failure(Problem(offset: last?.offset ?? offset, uri: last?.uri, reason: "the file ends inside a gzip member (cut short)"))
            }
            if case .corrupt(let status)? = bytes.failure { return .failure(Problem(offset: offset, uri: nil, reason: "the gzip data is corrupt (zlib \(status))")) }
            return nil
        }
        let start = bytes.position
        let offset = bytes.memberStarts(at: start)?.fileOffset ?? start
        guard let version = bytes.readLine(limit: 64), version.starts(with: Array("WARC/".utf8)) else {
            return .failure(resync(from: start, offset: offset, uri: nil, reason: "no WARC record starts here"))
        }
        let fields: [String: String]
        switch readFields() {
        case .success(let read): fields = read
        case .failure(let problem):
            return .failure(resync(from: start, offset: offset, uri: problem.uri, reason: problem.reason))
        }
        let uri = fields["warc-target-uri"].map(WARCRecord.unbracketed)
        guard let lengthText = fields["content-length"], let length = Int64(lengthText), length >= 0 else {
            return .failure(resync(from: start, offset: offset, uri: uri, reason: "the record has no valid Content-Length"))
        }
        let type = (fields["warc-type"] ?? "").lowercased()
        var record = WARCRecord(offset: offset, type: type, fields: fields)
        let wanted = keep(type, fields)
        if wanted, length > Int64(Self.maximumBlock) {
            // A large response that says it is not HTML (a video, an archive) is no page: skipped
            // quietly. One that is HTML, or does not say, is reported.
            let quiet = type == "response" && Self.isNonHTMLResponse(bytes.peek(Self.maximumFields))
            if case .overran = takeBlock(length, start: start, keeping: false).end {
                return .failure(resync(from: start, offset: offset, uri: uri, reason: "the record's Content-Length (\(length)) runs past its gzip member"))
            }
            if quiet {
                lastRecord = (start, offset, uri)
                return .success(record)
            }
            return .failure(Problem(offset: offset, uri: uri, reason: "the record is larger than \(Self.maximumBlock / 1_048_576) MB"))
        }
        let taken = takeBlock(length, start: start, keeping: wanted)
        switch taken.end {
        case .complete: record.block = taken.block
        case .overran:
            return .failure(resync(from: start, offset: offset, uri: uri, reason: "the record's Content-Length (\(length)) runs past its gzip member"))
        case .cut(let got):
            finished = true // the data ended: nothing follows
            return .failure(Problem(offset: offset, uri: uri, reason: "the record is cut short: \(got) of \(length) bytes"))
        }
        lastRecord = (start, offset, uri)
        return .success(record)
    }

    /// The named fields up to the blank line that ends them (names lower-cased, continuation
    /// lines joined); a failure says why, with the URI when it was read.
    private func readFields() -> Result<[String: String], Problem> {
        var fields: [String: String] = [:]
        var size = 0
        var lastName: String?
        while true {
            guard let line = bytes.readLine(limit: Self.maximumFields) else {
                return .failure(Problem(offset: 0, uri: fields["warc-target-uri"].map(WARCRecord.unbracketed), reason: "the record's fields are cut short or too long"))
            }
            size += line.count
            if line.isEmpty { return .success(fields) }
            guard size <= Self.maximumFields else {
                return .failure(Problem(offset: 0, uri: fields["warc-target-uri"].map(WARCRecord.unbracketed), reason: "the record's fields are longer than 64 KB"))
            }
            let text = String(decoding: line, as: UTF8.self)
            if let first = text.first, first == " " || first == "\t", let name = lastName {
                fields[name, default: ""] += " " + text.trimmingCharacters(in: .whitespaces)
                continue
            }
            guard let colon = text.firstIndex(of: ":") else { continue }
            let name = text[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            fields[name] = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            lastName = name
        }
    }

    enum BlockEnd { case complete, overran, cut(Int64) }

    /// Reads (`keeping`) or skips a block of `length` bytes. In a file of one gzip member per
    /// record a block may not run into the next member: it stops there (`overran`), so the
    /// next record can still be read, even after a `Content-Length` of 10^15.
    private func takeBlock(_ length: Int64, start: Int64, keeping: Bool) -> (block: [UInt8]?, end: BlockEnd) {
        let perRecordMembers = bytes.memberStarts(at: start) != nil
        var block: [UInt8] = []
        if keeping { block.reserveCapacity(Int(min(length, 1 << 20))) }
        var left = length
        while left > 0 {
            if bytes.available == 0, !bytes.fill(1) { return (nil, .cut(length - left)) }
            var room = Int64(bytes.available)
            if perRecordMembers, let next = bytes.nextMember(after: start) {
                room = min(room, next.streamOffset - bytes.position)
                if room <= 0 { return (nil, .overran) }
            }
            let step = Int(min(left, room))
            if keeping { block += bytes.read(step) } else { bytes.skip(Int64(step)) }
            left -= Int64(step)
        }
        return (keeping ? block : nil, .complete)
    }

    /// Whether the start of an HTTP response block has a `Content-Type` header that is not HTML.
    static func isNonHTMLResponse(_ head: ArraySlice<UInt8>) -> Bool {
        guard let type = HTTPResponseBlock.head(head)?.headers["content-type"] else { return false }
        return !WARCPages.isHTML(type)
    }

    /// The WARC format ends each record with two line breaks; tolerate any number.
    private func skipBlankLines() {
        while let byte = bytes.peek(), byte == 0x0D || byte == 0x0A { bytes.skip(1) }
    }

    /// A problem at `start`, after moving to the next gzip member (when there is one) so the
    /// next record can still be read.
    private func resync(from start: Int64, offset: Int64, uri: String?, reason: String) -> Problem {
        // Gunzip on (discarding) until a later member shows up, or the stream ends.
        while true {
            if let next = bytes.nextMember(after: start) {
                bytes.skip(to: next.streamOffset)
                break
            }
            if bytes.available == 0, !bytes.fill(1) { break }
            bytes.skip(Int64(bytes.available))
        }
        return Problem(offset: offset, uri: uri, reason: reason)
    }
}
