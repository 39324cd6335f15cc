// Events from background work (indexing, fetching) for the run loop, which sleeps in poll(2) until one comes.
import BriefUI
import Foundation
import Glibc

/// A queue any thread may post reader events to; posting wakes the terminal's input wait
/// through a pipe, so the run loop needs neither a timeout nor a polling loop.
package final class TerminalInbox: EventPoster, @unchecked Sendable {
    // `events` is guarded by `lock`; the descriptors never change after init.
    private let lock = NSLock()
    private var events: [Event] = []
    /// Read end, polled with stdin; write end, written one byte per post.
    let readFD: Int32
    private let writeFD: Int32

    init() {
        var fds: [Int32] = [-1, -1]
        if pipe(&fds) == 0 {
            for fd in fds {
                _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
                _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            }
        }
        readFD = fds[0]
        writeFD = fds[1]
    }

    deinit {
        if readFD >= 0 { Glibc.close(readFD) }
        if writeFD >= 0 { Glibc.close(writeFD) }
    }

    /// Queues an event and wakes the run loop (a full pipe means it is already awake).
    package func post(_ event: Event) {
        lock.withLock { events.append(event) }
        var byte: UInt8 = 1
        _ = write(writeFD, &byte, 1)
    }

    /// Takes every queued event, oldest first.
    func drain() -> [Event] {
        lock.withLock {
            defer { events.removeAll() }
            return events
        }
    }
}
