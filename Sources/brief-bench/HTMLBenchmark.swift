// HTML extraction speed: pages/s and ms/page over a directory of pages, in one process, one thread.
import BriefCore
import Foundation

enum HTMLBenchmark {
    /// Times the HTML reader (decode, parse, select, metadata) over every `*.html` file below the
    /// directory in `BRIEF_BENCH_HTML` (or the argument after `html`), a few rounds, files preloaded.
    static func run() {
        let commandLine = CommandLine.arguments
        var root: String? = ProcessInfo.processInfo.environment["BRIEF_BENCH_HTML"]
        if let index = commandLine.firstIndex(of: "html"), index + 1 < commandLine.count { root = commandLine[index + 1] }
        guard let root else {
            print("html: skipped (set BRIEF_BENCH_HTML=DIR or pass: brief-bench html DIR)")
            return
        }
        let pages = load(root)
        guard !pages.isEmpty else {
            print("html: no .html files under \(root)")
            return
        }
        let megabytes = Double(pages.reduce(0) { $0 + $1.count }) / 1_048_576
        let reader = HTMLArticleReader()
        var kept = 0
        // One warm-up round, then timed rounds.
        for page in pages { kept += (try? reader.document(from: page, source: "bench"))?.blocks.count ?? 0 }
        let rounds = 3
        let cpuStart = cpuSeconds()
        let start = Date()
        for _ in 0..<rounds {
            for page in pages { kept += (try? reader.document(from: page, source: "bench"))?.blocks.count ?? 0 }
        }
        let wall = Date().timeIntervalSince(start)
        let cpu = cpuSeconds() - cpuStart
        let count = Double(pages.count * rounds)
        print("html_pages \(pages.count)  html_megabytes \(String(format: "%.1f", megabytes))  rounds \(rounds)  (kept blocks \(kept))")
        print("html_pages_per_second \(String(format: "%.0f", count / wall))")
        print("html_ms_per_page \(String(format: "%.2f", 1000 * wall / count))  cpu_ms_per_page \(String(format: "%.2f", 1000 * cpu / count))")
        // The floor set by libxml2 alone: its tokenizer with callbacks that do nothing.
        let floorStart = cpuSeconds()
        for page in pages { HTMLSAXProbe.parse([UInt8](page)) }
        let floor = cpuSeconds() - floorStart
        print("html_libxml2_floor_cpu_ms_per_page \(String(format: "%.2f", 1000 * floor / Double(pages.count)))")
        print("html_mb_per_second \(String(format: "%.1f", megabytes * Double(rounds) / wall))")
    }

    private static func load(_ root: String) -> [Data] {
        let url = URL(fileURLWithPath: root)
        guard let enumerator = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil) else { return [] }
        var files: [URL] = []
        for case let file as URL in enumerator where ["html", "htm"].contains(file.pathExtension.lowercased()) {
            if file.lastPathComponent.hasPrefix("expected") { continue }
            files.append(file)
        }
        return files.sorted { $0.path < $1.path }.compactMap { try? Data(contentsOf: $0) }
    }

    private static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
            + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    }
}
