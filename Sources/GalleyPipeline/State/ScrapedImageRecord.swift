import GalleyCore
import GalleyImages

/// What the images phase planned for one image file of the scrape (`ScrapedImageFinder`), kept
/// in the build state (`scraped_images`): while the file keeps the size and mtime it had when
/// it was read, and was not racy then, the next build takes the plan from here instead of
/// reading and hashing the file again (10,000 scraped images were 1.7 s of a build that changed
/// one article). Remembered under the settings that decide a plan (`ImagePlan.settingsKey`)
/// and the libvips that made it.
struct ScrapedImageRecord: Sendable, Hashable {
    /// The file's size and mtime when it was read.
    var stamp: FileStamp
    /// Read within its racy window (`SourceFingerprint.racyWindow(of:)`) of its mtime: a later change could keep the
    /// same stamp, so the file is read again next time.
    var racy: Bool
    var format: ImageFormat
    var sha256: String
    var width: Int
    var height: Int
    var widths: [Int]
    /// The libvips that read its header (`ImagePlan.libvips`).
    var libvips: String

    /// The record of `plan`, made from a file stamped `stamp` and read at `readAt`
    /// (nanoseconds since 1970).
    init(plan: ImagePlan, stamp: FileStamp, readAt: Int64) {
        self.init(plan: plan, stamp: stamp, racy: SourceFingerprint.isRacy(stamp, readAt: readAt))
    }

    /// The record of `plan`, made from a file (or an archive) stamped `stamp`, racy or not.
    init(plan: ImagePlan, stamp: FileStamp, racy: Bool) {
        self.init(stamp: stamp, racy: racy, format: plan.format, sha256: plan.sha256, width: plan.width, height: plan.height,
                  widths: plan.widths, libvips: ImagePlan.libvips)
    }

    /// A record as stored.
    init(stamp: FileStamp, racy: Bool, format: ImageFormat, sha256: String, width: Int, height: Int, widths: [Int], libvips: String) {
        self.stamp = stamp
        self.racy = racy
        self.format = format
        self.sha256 = sha256
        self.width = width
        self.height = height
        self.widths = widths
        self.libvips = libvips
    }

    /// Whether the plan may be taken for the file now stamped `stamp` without reading it.
    func holds(for stamp: FileStamp) -> Bool {
        !racy && self.stamp == stamp && libvips == ImagePlan.libvips
    }

    /// The plan, under the rules it was made with.
    func plan(rules: SiteConfig.ImageRules) -> ImagePlan {
        .remembered(format: format, sha256: sha256, width: width, height: height, widths: widths, rules: rules)
    }
}
