// The reader's R against a server that never answers: the feed's deadline from config.toml ends
// the wait, and the status line says why.
import Foundation
import Glibc
import Testing

/// A socket on 127.0.0.1 that takes connections (the kernel completes them) and never answers.
private final class SilentServer {
    let port: UInt16
    private let descriptor: Int32

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, length) == 0 && listen(descriptor, 4) == 0 && getsockname(descriptor, $0, &length) == 0
            }
        }
        guard descriptor >= 0, bound else {
            close(descriptor)
            throw POSIXError(.EADDRNOTAVAIL)
        }
        self.descriptor = descriptor
        port = UInt16(bigEndian: address.sin_port)
    }

    deinit { close(descriptor) }
}

struct FeedReloadEndToEndTests {
    @Test func capitalRGivesUpOnASilentServerAtTheConfiguredDeadline() throws {
        let server = try SilentServer()
        let tmux = try TmuxSession()
        let library = try tmux.fixtureLibrary()
        try tmux.configureLibrary(library, more: """
            [fetch]
            timeout = 60
            deadline = 1

            [[feeds]]
            url = "http://127.0.0.1:\(server.port)/feed.xml"
            name = "Silent"

            """)
        try tmux.run(BriefExecutable.command())
        try tmux.waitFor("library refreshed, files 3 added")
        try tmux.press("R")
        // The 60 s idle timeout would still be waiting; the 1 s deadline has ended the fetch.
        let screen = try tmux.waitFor("1 failed", timeout: 15)
        #expect(screen.contains("Silent: timed out: not finished within the 1 s deadline"))
        try tmux.press("q")
        try tmux.expectShellRestored()
        withExtendedLifetime(server) {}
    }
}
