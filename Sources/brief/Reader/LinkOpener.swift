// Opens an article's address in the browser where there is one: a desktop session, not a bare ssh login.
import Foundation

/// How `O` opens a link: `$BROWSER` or `xdg-open` when a display is there to show it; over a plain
/// ssh session there is none, and the reader shows the link in full for the user to select.
struct LinkOpener: Sendable {
    /// The program and its arguments, the link appended; nil where no browser can be opened.
    let command: [String]?

    init(environment: [String: String]) {
        let hasDisplay = !(environment["DISPLAY"] ?? "").isEmpty || !(environment["WAYLAND_DISPLAY"] ?? "").isEmpty
        guard hasDisplay else {
            command = nil
            return
        }
        // $BROWSER may list several commands separated by colons; the first is the choice.
        if let first = environment["BROWSER"]?.split(separator: ":").first {
            let words = first.split(separator: " ").map(String.init)
            if let program = words.first, let path = Self.find(program, in: environment) {
                command = [path] + words.dropFirst()
                return
            }
        }
        command = Self.find("xdg-open", in: environment).map { [$0] }
    }

    /// Starts the browser on `link`, detached, its output kept off the reader's screen. Returns the
    /// reason when it could not be started.
    func open(_ link: String) -> String? {
        guard let command, let program = command.first else { return "no browser here" }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = Array(command.dropFirst()) + [link]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
            return nil
        } catch {
            return "\(program): \(error.localizedDescription)"
        }
    }

    /// A program's path: as given when it has a slash, else the first match on `$PATH`.
    private static func find(_ program: String, in environment: [String: String]) -> String? {
        if program.contains("/") { return FileManager.default.isExecutableFile(atPath: program) ? program : nil }
        for directory in (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(directory)/\(program)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }
}
