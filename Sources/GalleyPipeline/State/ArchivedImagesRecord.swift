import GalleyCore
import GalleyImages

/// What an archive (WARC, WACZ) held of the image URLs its pages show when the images phase
/// last read it, kept in the build state (`archived_images`): while the archive keeps the size
/// and mtime it had then (and was not racy), the next build takes the plans, the refusals and
/// the absences from here instead of reading the archive again (every archive whose pages
/// show an image was read on every build that went on). Remembered under the settings that
/// decide a plan (`ImagePlan.settingsKey`).
struct ArchivedImagesRecord: Sendable, Hashable {
    /// The archive's size and mtime when it was read.
    var stamp: FileStamp
    /// Read within its racy window (`SourceFingerprint.racyWindow(of:)`) of its mtime: read again next time.
    var racy: Bool
    /// Every URL it was searched for.
    var searched: Set<String>
    /// The URLs it held a usable image for: the image's plan (stamped as the archive).
    var found: [String: ScrapedImageRecord] = [:]
    /// The URLs it held an image for that cannot be used: why.
    var refused: [String: String] = [:]

    /// Whether the archive, now stamped `stamp`, need not be read for the URLs `wanted`.
    func holds(for stamp: FileStamp, wanted: Set<String>) -> Bool {
        !racy && self.stamp == stamp && wanted.isSubset(of: searched) && found.values.allSatisfy { $0.libvips == ImagePlan.libvips }
    }
}
