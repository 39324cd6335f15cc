// Whole-screen snapshots: written on first run (then reviewed and committed), compared afterwards.
import Foundation
import Testing

enum Snapshot {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    /// Compares `actual` with `Snapshots/<name>.txt`; records it when the file is missing.
    static func assert(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let file = directory.appendingPathComponent(name + ".txt")
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? actual.write(to: file, atomically: true, encoding: .utf8)
            Issue.record("recorded new snapshot \(name); review it and run again", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            var report = ""
            for index in 0..<max(expectedLines.count, actualLines.count) {
                let e = index < expectedLines.count ? String(expectedLines[index]) : "<none>"
                let a = index < actualLines.count ? String(actualLines[index]) : "<none>"
                if e != a { report += "line \(index + 1):\n  expected: \(e)\n  actual:   \(a)\n" }
            }
            Issue.record("snapshot \(name) differs:\n\(report)", sourceLocation: sourceLocation)
        }
    }
}
