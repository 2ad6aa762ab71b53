import GalleyCore

/// Makes an image's files: each variant width of its plan, in WebP and in its own format
/// (PNG for a GIF), with the EXIF orientation applied and every piece of metadata (EXIF, GPS,
/// XMP, ICC, comments) left out. Never enlarges.
public struct ImageProcessor: Sendable {
    public let rules: SiteConfig.ImageRules

    /// Creates a processor for `rules`.
    public init(rules: SiteConfig.ImageRules) {
        self.rules = rules
    }

    /// The plan of `bytes` (see `ImagePlan.make`).
    public func plan(_ bytes: [UInt8], name: String) throws(ImageProblem) -> ImagePlan {
        try ImagePlan.make(for: bytes, name: name, rules: rules)
    }

    /// Every file of `plan`, made from `bytes`: path → bytes.
    public func files(of plan: ImagePlan, from bytes: [UInt8]) throws(ImageProblem) -> [(path: String, bytes: [UInt8])] {
        var made: [(path: String, bytes: [UInt8])] = []
        let formats = plan.format.fallbackFormat == .webp ? [ImageFormat.webp] : [plan.format.fallbackFormat, .webp]
        for width in plan.widths {
            let encoded = try Vips.resized(bytes, width: width, formats: formats, quality: rules.quality)
            for (format, data) in zip(formats, encoded) { made.append((plan.path(width: width, format: format), data)) }
        }
        return made
    }
}
