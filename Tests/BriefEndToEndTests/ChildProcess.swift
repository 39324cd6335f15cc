// Starting helper programs (tmux, sshd, ssh-keygen) from the test runner with a clean signal state.
import Foundation
import Glibc

enum ChildProcess {
    /// Starts `path` with `arguments`; stdin from /dev/null, stdout and stderr to the given files (or /dev/null).
    ///
    /// Spawned directly rather than through `Process`: the test runner's threads block most signals, and a
    /// child started with SIGCHLD and SIGTERM blocked never ends on `kill` (tmux servers piled up after every
    /// run). Children start with nothing blocked and default handlers.
    static func spawn(_ path: String, _ arguments: [String], output: String = "/dev/null",
                      errors: String = "/dev/null") throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errors, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigfillset(&defaults)
        sigdelset(&defaults, SIGKILL)
        sigdelset(&defaults, SIGSTOP)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &actions, &attributes, argv, environ)
        guard spawned == 0 else { throw ChildProcessError(message: "cannot run \(path): error \(spawned)") }
        return pid
    }

    /// Waits for a child and returns its exit status (128 + signal when a signal ended it).
    @discardableResult
    static func wait(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }

    /// Runs a program to its end and returns what it printed on stdout.
    @discardableResult
    static func run(_ path: String, _ arguments: [String], scratch: String) throws -> (status: Int32, output: String) {
        let outputPath = scratch + "-\(UUID().uuidString).out"
        defer { unlink(outputPath) }
        let status = wait(try spawn(path, arguments, output: outputPath))
        return (status, (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "")
    }
}

struct ChildProcessError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
