import GalleyCore

/// What galley makes of one image, decided from its bytes' signature and header alone
/// (nothing decoded): its format, its size as shown, the widths of its variants and the paths
/// of their files. Cheap enough for every build; only files whose cache key changed are made.
public struct ImagePlan: Sendable, Hashable {
    /// The source's own format.
    public var format: ImageFormat
    /// SHA-256 of the source bytes, hex.
    public var sha256: String
    /// The size pages show (the widest variant), after the EXIF orientation is applied.
    public var width: Int
    public var height: Int
    /// Variant widths, narrowest first; the last is `width`.
    public var widths: [Int]
    /// The cache key of every file of this image: the bytes, the settings and the processor.
    public var cacheKey: String

    /// Files are named by this much of the hash.
    static let nameLength = 16
    /// Bump when the processing changes what files hold.
    static let processorVersion = "1"

    /// The plan for `bytes`, or why the image is not copied. `name` is the file name or URL
    /// path the scrape gave it, checked against what the bytes are.
    public static func make(for bytes: [UInt8], name: String, rules: SiteConfig.ImageRules) throws(ImageProblem) -> ImagePlan {
        guard let format = ImageFormat.sniff(bytes) else {
            throw ImageFormat.looksLikeSVG(bytes) ? .svg : .unknownFormat
        }
        try checkName(name, of: format)
        let header = try Vips.header(of: bytes)
        guard header.width > 0, header.height > 0 else { throw .vips("no pixels") }
        guard header.width.multipliedReportingOverflow(by: header.height).partialValue <= rules.maxPixels,
              header.width <= rules.maxPixels, header.height <= rules.maxPixels else {
            throw .tooManyPixels(width: header.width, height: header.height, limit: rules.maxPixels)
        }
        let turned = (5...8).contains(header.orientation)
        let (sourceWidth, sourceHeight) = turned ? (header.height, header.width) : (header.width, header.height)
        let shown = min(sourceWidth, rules.widths.max() ?? sourceWidth)
        let widths = rules.widths.filter { $0 < shown }.sorted() + [shown]
        let sha = Vips.sha256(bytes)
        return ImagePlan(format: format, sha256: sha, width: shown, height: scaledHeight(sourceHeight, from: sourceWidth, to: shown),
                         widths: widths, cacheKey: cacheKey(sha256: sha, rules: rules))
    }

    /// A plan `make` gave earlier under the same `rules` (`settingsKey`), from its stored
    /// fields: what the images phase takes instead of reading a file whose stamp still holds.
    package static func remembered(format: ImageFormat, sha256: String, width: Int, height: Int, widths: [Int],
                                   rules: SiteConfig.ImageRules) -> ImagePlan {
        ImagePlan(format: format, sha256: sha256, width: width, height: height, widths: widths, cacheKey: cacheKey(sha256: sha256, rules: rules))
    }

    /// Refuses a name (file name or URL path) that names another type than the bytes are:
    /// the check `make` makes, asked again of a remembered plan shown under another name.
    package static func checkName(_ name: String, of format: ImageFormat) throws(ImageProblem) {
        if let named = ImageFormat(pathExtensionOf: name), named != format { throw .mismatchedType(name: name, actual: format) }
        if ImageFormat.namesOtherKind(name) { throw .mismatchedType(name: name, actual: format) }
    }

    /// What the config and galley's processor say that decides a plan and its files (the
    /// processor's version and the rules; `libvips` is the rest). A plan remembered under
    /// another key is made again from the bytes. Made without starting libvips: a build whose
    /// scrape has no image never loads it.
    package static func settingsKey(_ rules: SiteConfig.ImageRules) -> String {
        ["image", processorVersion, rules.widths.map(String.init).joined(separator: ","), String(rules.quality),
         String(rules.maxPixels)].joined(separator: " ")
    }

    /// The libvips plans are made with (loads it): a plan remembered under another is made again.
    package static var libvips: String { Vips.version }

    /// SHA-256 of `bytes`, hex, as a plan's `sha256` (loads libvips).
    package static func sha256(of bytes: [UInt8]) -> String { Vips.sha256(bytes) }

    /// The cache key of the files made from the bytes hashed `sha256` under `rules`.
    static func cacheKey(sha256: String, rules: SiteConfig.ImageRules) -> String {
        ["image", processorVersion, Vips.version, sha256, rules.widths.map(String.init).joined(separator: ","), String(rules.quality)]
            .joined(separator: " ")
    }

    /// The height of a variant `width` wide, as libvips rounds it.
    static func scaledHeight(_ height: Int, from sourceWidth: Int, to width: Int) -> Int {
        max(1, Int((Double(height) * Double(width) / Double(sourceWidth)).rounded()))
    }

    /// The path of the variant `width` wide in `format` (`media/<hash>.jpg` for the widest).
    public func path(width: Int, format: ImageFormat) -> String {
        let stem = "media/" + sha256.prefix(Self.nameLength)
        return (width == self.width ? stem : stem + "-\(width)") + "." + format.fileExtension
    }

    /// Every file of the image with its format and width.
    public var files: [(path: String, format: ImageFormat, width: Int)] {
        let formats = format.fallbackFormat == .webp ? [ImageFormat.webp] : [format.fallbackFormat, .webp]
        return widths.flatMap { width in formats.map { (path(width: width, format: $0), $0, width) } }
    }

    /// The image as pages name it.
    public var localImage: LocalImage {
        let own = format.fallbackFormat
        return LocalImage(path: path(width: width, format: own), width: width, height: height, mimeType: own.mimeType,
                          webp: widths.map { LocalImage.File(path: path(width: $0, format: .webp), width: $0) },
                          fallback: widths.map { LocalImage.File(path: path(width: $0, format: own), width: $0) })
    }
}
