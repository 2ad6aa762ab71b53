import CGalleyZlib
import GalleyCore

/// Decompresses `.html.gz` pages with zlib. A truncated or corrupt file is an error, not a
/// silently shorter page.
enum GzipDecoder {
    /// Largest decompressed page accepted (bytes); beyond it the file is rejected as a bomb.
    static let maximumOutput = 64 * 1024 * 1024

    static func decompress(_ input: [UInt8], source: String) throws(GalleyError) -> [UInt8] {
        var stream = z_stream()
        guard galley_inflate_init_gzip(&stream) == Z_OK else {
            throw GalleyError(.read, source: source, reason: "zlib could not start")
        }
        defer { inflateEnd(&stream) }
        // Inflated straight into the output, grown as needed (pages inflate about 5 times).
        // The output is not zero-filled first: zlib writes every byte kept (clearing the buffers
        // was 0.5% of extraction).
        var output: [UInt8] = []
        var capacity = min(maximumOutput + 1, max(64 * 1024, input.count * 6))
        var status: Int32 = Z_OK
        input.withUnsafeBufferPointer { inputBuffer in
            // zlib reads `next_in` only; its C type is not const.
            stream.next_in = UnsafeMutablePointer(mutating: inputBuffer.baseAddress)
            stream.avail_in = uInt(inputBuffer.count)
            while true {
                output = inflate(&stream, into: capacity, after: output, status: &status)
                // Full, and more to come: a bigger buffer, up to one byte past the limit.
                guard status == Z_OK, output.count == capacity, output.count <= maximumOutput else { break }
                capacity = min(maximumOutput + 1, capacity * 2)
            }
        }
        if output.count > maximumOutput {
            throw GalleyError(.read, source: source, reason: "decompresses to more than \(maximumOutput / 1_048_576) MB")
        }
        guard status == Z_STREAM_END else {
            let reason = status == Z_OK || status == Z_BUF_ERROR ? "the gzip data is truncated" : "the gzip data is corrupt (zlib \(status))"
            throw GalleyError(.read, source: source, reason: reason)
        }
        return output
    }

    /// A buffer of `capacity` bytes holding `earlier`, then what zlib inflates into the rest,
    /// until it is full, the input is used up or the stream ends (`status`).
    private static func inflate(_ stream: inout z_stream, into capacity: Int, after earlier: [UInt8], status: inout Int32) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
            guard let base = buffer.baseAddress else { return }
            earlier.withUnsafeBufferPointer { previous in
                if let start = previous.baseAddress { base.update(from: start, count: previous.count) }
            }
            stream.next_out = base + earlier.count
            stream.avail_out = uInt(capacity - earlier.count)
            repeat {
                status = CGalleyZlib.inflate(&stream, Z_NO_FLUSH)
            } while status == Z_OK && stream.avail_out > 0 && stream.avail_in > 0
            initialized = capacity - Int(stream.avail_out)
        }
    }
}
