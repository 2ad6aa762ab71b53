import Foundation

/// The default theme, carried inside the binary: every file of the repository's `templates/`
/// folder (its README for theme authors included), put here at build time by the `EmbedTheme` plugin. A site's own
/// templates folder and `--overrides` are laid over it file by file; `galley theme export`
/// writes it out.
public enum EmbeddedTheme {
    /// One file of the theme: its path relative to the theme folder and its bytes.
    public struct File: Sendable, Equatable {
        public let path: String
        public let bytes: [UInt8]
    }

    /// Every file, sorted by path.
    public static let files: [File] = encodedFiles.map { entry in
        File(path: entry.path, bytes: [UInt8](Data(base64Encoded: entry.base64) ?? Data()))
    }

    /// What error messages name as the folder of a template that came from the binary.
    public static let folderName = "(built-in theme)"
}
