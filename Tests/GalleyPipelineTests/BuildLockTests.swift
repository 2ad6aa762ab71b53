import Foundation
import GalleyPipeline
import Testing

@Suite struct BuildLockTests {
    @Test func aSecondHolderIsRefusedWithThePidAndALeftLockIsTakenOver() throws {
        let folder = RepositoryPaths.temporaryFolder("lock")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = BuildLock.path(forOutput: folder.appendingPathComponent("public"))
        #expect(path.hasSuffix("/.galley/public.lock"))
        var first: BuildLock? = try BuildLock(path: path)
        do {
            _ = try BuildLock(path: path)
            Issue.record("a second lock was granted")
        } catch let held as BuildLock.Held {
            #expect(held.holder == getpid())
        }
        first = nil
        _ = first
        // The file is still there; a new build takes it.
        #expect(FileManager.default.fileExists(atPath: path))
        _ = try BuildLock(path: path)
    }

    @Test func aLockOfAKilledProcessIsTakenOver() throws {
        let folder = RepositoryPaths.temporaryFolder("lock-killed")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("x.lock").path
        // A real process takes the lock with flock(1) and is killed with SIGKILL.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = ["--exclusive", "--no-fork", path, "sleep", "30"]
        try holder.run()
        var waited = 0
        while waited < 50 {
            if (try? BuildLock(path: path)) == nil { break }
            usleep(100_000)
            waited += 1
        }
        #expect(throws: BuildLock.Held.self) { try BuildLock(path: path) }
        kill(holder.processIdentifier, SIGKILL)
        holder.waitUntilExit()
        usleep(200_000)
        _ = try BuildLock(path: path)
    }
}
