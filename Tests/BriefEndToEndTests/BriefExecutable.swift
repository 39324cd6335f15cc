// Finds the `brief` that `swift test` built next to the test bundle, building it if it is not there.
import Foundation

enum BriefExecutable {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The path of the built `brief`.
    static let path: String? = {
        // swift test builds every product into the directory that holds the test bundle.
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<3 {
            let candidate = directory.appendingPathComponent("brief")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate.path }
            directory.deleteLastPathComponent()
        }
        // Otherwise build it (same configuration as the tests: debug).
        let build = Process()
        build.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        build.arguments = ["swift", "build", "--package-path", packageRoot.path, "--product", "brief"]
        build.standardOutput = FileHandle.standardError
        guard (try? build.run()) != nil else { return nil }
        build.waitUntilExit()
        let show = Process()
        show.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        show.arguments = ["swift", "build", "--package-path", packageRoot.path, "--show-bin-path"]
        let output = Pipe()
        show.standardOutput = output
        guard (try? show.run()) != nil else { return nil }
        let binPath = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        show.waitUntilExit()
        let candidate = binPath + "/brief"
        return FileManager.default.isExecutableFile(atPath: candidate) ? candidate : nil
    }()

    /// The shell command line that runs brief with the given arguments.
    static func command(_ arguments: [String] = []) -> String {
        // A missing executable fails the test at the shell ("not found"), never skips it.
        ([path ?? "brief-was-not-built"] + arguments).map { "'\($0)'" }.joined(separator: " ")
    }
}
