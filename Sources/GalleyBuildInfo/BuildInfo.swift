/// What `--version` says: galley's version and the commit it was built from (stamped at build
/// time by the `StampBuild` plugin; "+changes" when the working tree differed from it).
public enum BuildInfo {
    /// The release version.
    public static let version = "0.1.0"
    /// The commit, e.g. `1a2b3c4d5e6f`; "unknown" when built outside a git checkout.
    public static let commit = stampedCommit
    /// `0.1.0 (commit 1a2b3c4d5e6f)`.
    public static var versionLine: String { "\(version) (commit \(commit))" }
}
