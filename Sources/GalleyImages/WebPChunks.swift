/// The chunks of a WebP file (RIFF), to take metadata out: libvips 8.14 writes an `EXIF` chunk
/// into every WebP it saves, even when told to strip metadata.
enum WebPChunks {
    /// Chunks that carry metadata rather than pixels.
    static let metadata: Set<String> = ["EXIF", "XMP ", "ICCP"]

    /// `bytes` without metadata chunks, with the `VP8X` flags that announce them cleared and
    /// the RIFF size fixed; `bytes` unchanged when they are not a well-formed WebP file.
    static func withoutMetadata(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.count >= 12, ImageFormat.sniff(bytes) == .webp else { return bytes }
        var output = Array(bytes[0..<12])
        var offset = 12
        while offset + 8 <= bytes.count {
            let name = String(decoding: bytes[offset..<(offset + 4)], as: UTF8.self)
            let size = Int(littleEndian32(bytes, at: offset + 4))
            let end = offset + 8 + size + (size & 1)
            guard end <= bytes.count || (end == bytes.count + 1 && size & 1 == 1) else { return bytes }
            if !metadata.contains(name) {
                var chunk = Array(bytes[offset..<min(end, bytes.count)])
                // VP8X flags: ICC 0x20, EXIF 0x08, XMP 0x04.
                if name == "VP8X", chunk.count > 8 { chunk[8] &= ~UInt8(0x20 | 0x08 | 0x04) }
                output += chunk
            }
            offset = end
        }
        let riff = UInt32(output.count - 8)
        for index in 0..<4 { output[4 + index] = UInt8(truncatingIfNeeded: riff >> (8 * UInt32(index))) }
        return output
    }

    private static func littleEndian32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[offset + $1]) << (8 * UInt32($1)) }
    }
}
