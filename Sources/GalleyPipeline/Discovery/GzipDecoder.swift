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
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var status: Int32 = Z_OK
        var input = input
        let inputCount = input.count
        input.withUnsafeMutableBufferPointer { inputBuffer in
            stream.next_in = inputBuffer.baseAddress
            stream.avail_in = uInt(inputCount)
            repeat {
                chunk.withUnsafeMutableBufferPointer { chunkBuffer in
                    stream.next_out = chunkBuffer.baseAddress
                    stream.avail_out = uInt(chunkBuffer.count)
                    status = inflate(&stream, Z_NO_FLUSH)
                    output.append(contentsOf: chunkBuffer.prefix(chunkBuffer.count - Int(stream.avail_out)))
                }
            } while status == Z_OK && output.count <= maximumOutput && (stream.avail_in > 0 || stream.avail_out == 0)
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
}
