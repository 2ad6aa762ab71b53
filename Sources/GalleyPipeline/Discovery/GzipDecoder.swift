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
        var output = [UInt8](repeating: 0, count: min(maximumOutput + 1, max(64 * 1024, input.count * 6)))
        var produced = 0
        var status: Int32 = Z_OK
        input.withUnsafeBufferPointer { inputBuffer in
            // zlib reads `next_in` only; its C type is not const.
            stream.next_in = UnsafeMutablePointer(mutating: inputBuffer.baseAddress)
            stream.avail_in = uInt(inputBuffer.count)
            repeat {
                if produced == output.count {
                    guard output.count <= maximumOutput else { break }
                    output += [UInt8](repeating: 0, count: min(output.count, maximumOutput + 1 - output.count))
                }
                output.withUnsafeMutableBufferPointer { buffer in
                    stream.next_out = buffer.baseAddress.map { $0 + produced }
                    stream.avail_out = uInt(buffer.count - produced)
                    status = inflate(&stream, Z_NO_FLUSH)
                    produced = buffer.count - Int(stream.avail_out)
                }
            } while status == Z_OK && produced <= maximumOutput && (stream.avail_in > 0 || produced == output.count)
        }
        output.removeSubrange(produced...)
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
