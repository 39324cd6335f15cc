// A throwaway OpenSSH server on 127.0.0.1 for the tests: its own host key, one authorized key, gone at the end.
import Foundation
import Glibc

/// `sshd -D -e` on a free loopback port, run under `timeout` so it ends even if the test runner dies.
final class SSHServer {
    static let daemon = "/usr/sbin/sshd"
    static let keygen = "/usr/bin/ssh-keygen"
    static let client = "/usr/bin/ssh"
    /// The longest a server may live; a test takes well under a minute.
    static let lifetimeSeconds = 600

    let directory: URL
    let port: Int
    let user: String
    private let pid: pid_t
    private var stopped = false

    /// The client's private key.
    var clientKey: String { directory.appendingPathComponent("client_key").path }
    /// sshd's own messages, for failure reports.
    var log: String { (try? String(contentsOf: directory.appendingPathComponent("sshd.log"), encoding: .utf8)) ?? "" }

    init() throws {
        for (path, package) in [(Self.daemon, "openssh-server"), (Self.client, "openssh-client"), (Self.keygen, "openssh-client")]
        where !FileManager.default.isExecutableFile(atPath: path) {
            throw ChildProcessError(message: "\(path) is not installed: the ssh end-to-end tests need \(package) "
                + "(`apt-get install openssh-server openssh-client`; .ci/run installs it)")
        }
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("brief-sshd-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        user = String(cString: getpwuid(geteuid()).pointee.pw_name)
        for key in ["host_key", "client_key"] {
            let made = try ChildProcess.run(Self.keygen, ["-q", "-t", "ed25519", "-N", "", "-C", "brief-test",
                                                          "-f", directory.appendingPathComponent(key).path], scratch: directory.path)
            guard made.status == 0 else { throw ChildProcessError(message: "ssh-keygen failed for \(key): status \(made.status)") }
        }
        let authorized = directory.appendingPathComponent("authorized_keys")
        try FileManager.default.copyItem(at: directory.appendingPathComponent("client_key.pub"), to: authorized)
        chmod(authorized.path, 0o600)
        // sshd refuses to start without its privilege separation directory, which the Debian service would create.
        try FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o755])
        port = try Self.freeLoopbackPort()
        let config = directory.appendingPathComponent("sshd_config")
        try """
            ListenAddress 127.0.0.1
            Port \(port)
            HostKey \(directory.path)/host_key
            AuthorizedKeysFile \(authorized.path)
            PidFile none
            StrictModes no
            UsePAM no
            PermitRootLogin yes
            PubkeyAuthentication yes
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            PermitUserEnvironment no
            PrintMotd no
            PrintLastLog no
            X11Forwarding no
            AllowTcpForwarding no
            LogLevel ERROR

            """.write(to: config, atomically: true, encoding: .utf8)
        pid = try ChildProcess.spawn("/usr/bin/timeout", ["\(Self.lifetimeSeconds)", Self.daemon, "-D", "-e", "-f", config.path],
                                     errors: directory.appendingPathComponent("sshd.log").path)
        try waitUntilListening()
    }

    deinit { stop() }

    /// Ends the server (and the `timeout` around it) and waits for it.
    func stop() {
        guard !stopped else { return }
        stopped = true
        kill(pid, SIGTERM)
        ChildProcess.wait(pid)
        try? FileManager.default.removeItem(at: directory)
    }

    /// The shell command line that logs in with a terminal (`-tt`) and runs `command` there, the client
    /// claiming `term` as its terminal type.
    func sshCommand(term: String, _ command: String) -> String {
        let options = ["-F", "/dev/null", "-tt", "-p", "\(port)", "-i", clientKey, "-o", "IdentitiesOnly=yes",
                       "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=no",
                       "-o", "UserKnownHostsFile=\(directory.path)/known_hosts", "-o", "LogLevel=ERROR"]
        return "TERM=\(Self.quoted(term)) " + ([Self.client] + options + ["\(user)@127.0.0.1", command]).map(Self.quoted)
            .joined(separator: " ")
    }

    static func quoted(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// A port nothing listens on now: bound to port 0 on loopback, then released.
    private static func freeLoopbackPort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw ChildProcessError(message: "socket: errno \(errno)") }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0
            }
        }
        guard bound else { throw ChildProcessError(message: "cannot bind a loopback port: errno \(errno)") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Connects until sshd accepts (it writes nothing when it is ready).
    private func waitUntilListening() throws {
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = UInt16(port).bigEndian
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
                }
            }
            close(socket)
            if connected { return }
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                stopped = true
                throw ChildProcessError(message: "sshd exited before listening: \(log)")
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw ChildProcessError(message: "sshd did not listen on 127.0.0.1:\(port) within 20 s: \(log)")
    }
}
