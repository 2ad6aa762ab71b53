import CGalleyVips

/// libvips, started once per process. Its pointers stay inside this file and the C wrappers.
enum Vips {
    /// Whether libvips started (checked before every call).
    private static let started: Bool = galley_vips_start() == 0

    /// The libvips version images are made with (part of their cache key), as loaded: a
    /// different libvips makes the images again.
    static let version: String = {
        var text = [CChar](repeating: 0, count: 32)
        galley_vips_version(&text, text.count)
        return String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }()

    /// What an image's header says.
    struct Header: Sendable, Hashable {
        var width: Int
        var height: Int
        /// EXIF orientation, 1–8.
        var orientation: Int
    }

    static func header(of bytes: [UInt8]) throws(ImageProblem) -> Header {
        guard started else { throw .vips("libvips did not start") }
        var header = galley_vips_header()
        let status = bytes.withUnsafeBytes { galley_vips_read_header($0.baseAddress, $0.count, &header) }
        guard status == 0 else { throw .vips(lastError()) }
        return Header(width: Int(header.width), height: Int(header.height), orientation: Int(header.orientation))
    }

    /// The image decoded (orientation applied) and shrunk to `width`, encoded in each of
    /// `formats`, without metadata.
    static func resized(_ bytes: [UInt8], width: Int, formats: [ImageFormat], quality: Int) throws(ImageProblem) -> [[UInt8]] {
        guard started else { throw .vips("libvips did not start") }
        guard let image = bytes.withUnsafeBytes({ galley_vips_resize($0.baseAddress, $0.count, Int32(width)) }) else {
            throw .vips(lastError())
        }
        defer { galley_vips_image_free(image) }
        var encoded: [[UInt8]] = []
        for format in formats {
            var output: UnsafeMutableRawPointer?
            var length = 0
            guard galley_vips_encode(image, format.vipsFormat, Int32(quality), &output, &length) == 0, let output else {
                throw .vips(lastError())
            }
            let bytes = Array(UnsafeRawBufferPointer(start: output, count: length))
            encoded.append(format == .webp ? WebPChunks.withoutMetadata(bytes) : bytes)
            galley_vips_free(output)
        }
        return encoded
    }

    static func sha256(_ bytes: [UInt8]) -> String {
        var hex = [CChar](repeating: 0, count: 65)
        bytes.withUnsafeBytes { galley_vips_sha256($0.baseAddress, $0.count, &hex) }
        return String(decoding: hex.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func lastError() -> String {
        var message = [CChar](repeating: 0, count: 512)
        galley_vips_last_error(&message, message.count)
        return String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
