import CGalleyZlib
import Foundation

/// The bytes of a `.warc` file, or of a `.warc.gz` file gunzipped member by member, read in
/// chunks: memory stays flat however large the file. It knows where each gzip member starts
/// (in the file, and in the gunzipped stream), so a record that begins a member can be named
/// by the member's offset in the file, as WARC indexes (CDX) name it, and a reader can resume
/// at the next member after a damaged record.
final class ArchiveByteStream {
    /// A gzip member: where it starts in the file and in the gunzipped stream.
    struct Member: Equatable {
        var fileOffset: Int64
        var streamOffset: Int64
    }

    enum Failure: Error, Equatable {
        /// The gzip data is corrupt (zlib's status).
        case corrupt(Int32)
        case unreadable
    }

    private let handle: FileHandle
    private let gzipped: Bool
    private var stream = z_stream()
    private var input: [UInt8] = []
    private var inputStart = 0
    /// File offset of `input[0]`.
    private var inputFileOffset: Int64 = 0
    private var fileEnded = false
    /// Gunzipped bytes not read yet.
    private var buffer: [UInt8] = []
    private var bufferStart = 0
    /// Stream offset of `buffer[bufferStart]`.
    private(set) var position: Int64 = 0
    /// Stream offset of the end of `buffer` (everything gunzipped so far).
    private var produced: Int64 = 0
    /// Members that start at or after `position` (and the one `position` is in).
    private(set) var members: [Member] = []
    /// A member ended and the next has not started (between members, or at the end).
    private var betweenMembers = true
    private(set) var failure: Failure?

    /// The file ended inside a gzip member: its last member was cut short.
    var endsInsideMember: Bool { gzipped && fileEnded && !betweenMembers }

    static let chunkSize = 256 * 1024
    /// Where `inflate` writes, reused for every call.
    private var scratch = [UInt8](repeating: 0, count: 256 * 1024)

    init(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw Failure.unreadable }
        self.handle = handle
        gzipped = path.lowercased().hasSuffix(".gz")
        if gzipped { guard galley_inflate_init_gzip_only(&stream) == Z_OK else { throw Failure.unreadable } }
    }

    deinit {
        if gzipped { inflateEnd(&stream) }
        try? handle.close()
    }

    /// The member a stream offset lies in, when the stream is gzipped.
    func member(at offset: Int64) -> Member? {
        members.last { $0.streamOffset <= offset }
    }

    /// Whether a gzip member starts exactly at `offset`.
    func memberStarts(at offset: Int64) -> Member? {
        members.first { $0.streamOffset == offset }
    }

    /// The first member that starts after `offset`.
    func nextMember(after offset: Int64) -> Member? {
        members.first { $0.streamOffset > offset }
    }

    /// At least `count` bytes buffered unless the stream ends first; false at the end.
    @discardableResult
    func fill(_ count: Int) -> Bool {
        while buffer.count - bufferStart < count {
            if !produceMore() { break }
        }
        return buffer.count - bufferStart >= count
    }

    var available: Int { buffer.count - bufferStart }

    /// The next byte without reading it.
    func peek() -> UInt8? {
        fill(1) ? buffer[bufferStart] : nil
    }

    /// A line ending in LF (the LF and a CR before it dropped); nil at the end of the stream or
    /// when no LF comes within `limit` bytes.
    func readLine(limit: Int) -> [UInt8]? {
        var scanned = 0
        while true {
            if let index = buffer[(bufferStart + scanned)...].firstIndex(of: 0x0A) {
                var line = Array(buffer[bufferStart..<index])
                consume(index + 1 - bufferStart)
                if line.last == 0x0D { line.removeLast() }
                return line
            }
            scanned = available
            guard scanned < limit, produceMore() else { return nil }
        }
    }

    /// Up to `count` of the next bytes, without reading them.
    func peek(_ count: Int) -> ArraySlice<UInt8> {
        fill(count)
        return buffer[bufferStart..<(bufferStart + min(count, available))]
    }

    /// Up to `count` bytes (fewer only at the end of the stream).
    func read(_ count: Int) -> [UInt8] {
        fill(count)
        let taken = min(count, available)
        let bytes = Array(buffer[bufferStart..<(bufferStart + taken)])
        consume(taken)
        return bytes
    }

    /// Skips up to `count` bytes; returns how many were skipped.
    @discardableResult
    func skip(_ count: Int64) -> Int64 {
        var left = count
        while left > 0 {
            if available == 0, !produceMore() { break }
            let taken = Int(min(left, Int64(available)))
            consume(taken)
            left -= Int64(taken)
        }
        return count - left
    }

    /// Skips to stream offset `offset` (forward only).
    func skip(to offset: Int64) {
        if offset > position { skip(offset - position) }
    }

    private func consume(_ count: Int) {
        bufferStart += count
        position += Int64(count)
        if bufferStart > 1 << 20, bufferStart * 2 > buffer.count {
            buffer.removeFirst(bufferStart)
            bufferStart = 0
        }
        while members.count > 1, members[1].streamOffset <= position { members.removeFirst() }
    }

    /// Reads and gunzips another piece; false at the end (or on corrupt gzip data, `failure`).
    private func produceMore() -> Bool {
        guard failure == nil else { return false }
        if !gzipped {
            guard !fileEnded else { return false }
            let data = handle.readData(ofLength: Self.chunkSize)
            if data.isEmpty { fileEnded = true; return false }
            buffer.append(contentsOf: data)
            produced += Int64(data.count)
            return true
        }
        while true {
            if inputStart == input.count {
                guard !fileEnded else { return false }
                let data = handle.readData(ofLength: Self.chunkSize)
                inputFileOffset += Int64(input.count)
                input = [UInt8](data)
                inputStart = 0
                if data.isEmpty { fileEnded = true; return false }
            }
            if betweenMembers {
                members.append(Member(fileOffset: inputFileOffset + Int64(inputStart), streamOffset: produced))
                betweenMembers = false
            }
            let before = buffer.count
            let status = inflateChunk()
            if status == Z_STREAM_END {
                inflateReset(&stream)
                betweenMembers = true
            } else if status != Z_OK && status != Z_BUF_ERROR {
                failure = .corrupt(status)
                return buffer.count > before
            }
            if buffer.count > before { return true }
        }
    }

    /// One `inflate` call from `input` into the end of `buffer`; its zlib status.
    private func inflateChunk() -> Int32 {
        var status: Int32 = Z_OK
        let inputCount = input.count - inputStart
        let outputCount = scratch.count
        input.withUnsafeMutableBufferPointer { inputBuffer in
            scratch.withUnsafeMutableBufferPointer { outputBuffer in
                stream.next_in = inputBuffer.baseAddress! + inputStart
                stream.avail_in = uInt(inputCount)
                stream.next_out = outputBuffer.baseAddress
                stream.avail_out = uInt(outputBuffer.count)
                status = inflate(&stream, Z_NO_FLUSH)
            }
        }
        inputStart = input.count - Int(stream.avail_in)
        let made = outputCount - Int(stream.avail_out)
        buffer.append(contentsOf: scratch[..<made])
        produced += Int64(made)
        return status
    }
}
