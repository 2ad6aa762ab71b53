/// A message on the live-reload event stream (`/__galley/events`), in the server-sent events
/// wire format.
enum ServerEvent: Sendable, Equatable {
    /// A build changed the site: open pages reload.
    case reload(build: Int)
    /// A build failed: open pages show the error over the last good site.
    case failed(BuildStatus)
    /// A comment that keeps an idle stream alive and finds closed connections.
    case heartbeat

    /// The first bytes of every stream: the reconnection delay and a comment.
    static let opening = "retry: 1000\n: galley live reload\n\n"

    /// The event as sent: `event:` and `data:` lines ending with a blank line.
    var text: String {
        switch self {
        case .reload(let build): "event: reload\ndata: {\"build\":\(build)}\n\n"
        case .failed(let status): "event: failed\ndata: \(status.json)\n\n"
        case .heartbeat: ": ping\n\n"
        }
    }
}
