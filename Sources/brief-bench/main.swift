// brief-bench: speed and memory figures, printed. Build with -c release.
// Each section lives in its own file.
import Foundation

if CommandLine.arguments.dropFirst().first == "generate" {
    exit(GenerateCorpus.run(Array(CommandLine.arguments.dropFirst(2))))
}
// The reader alone on a cache, in a process of its own, for its peak memory (see ReaderBenchmark).
if CommandLine.arguments.count == 4, CommandLine.arguments[1] == "reader-rss" {
    ReaderBenchmark.runReaderForMemory(cachePath: CommandLine.arguments[2], statePath: CommandLine.arguments[3])
    exit(0)
}
if CommandLine.arguments.count == 4, CommandLine.arguments[1] == "reader-first-keys" {
    ReaderBenchmark.runFirstKeys(cachePath: CommandLine.arguments[2], statePath: CommandLine.arguments[3])
    exit(0)
}
if CommandLine.arguments.dropFirst().first == "stories-replay" {
    exit(StoryReplay.run(Array(CommandLine.arguments.dropFirst(2))))
}
if CommandLine.arguments.dropFirst().first == "stories" {
    exit(StoryBenchmark.run(Array(CommandLine.arguments.dropFirst(2))))
}

var sections = Array(CommandLine.arguments.dropFirst())
// `--corpus DIR` (or BRIEF_BENCH_CORPUS): the library figures on that directory's articles too.
var corpus = ProcessInfo.processInfo.environment["BRIEF_BENCH_CORPUS"].flatMap { $0.isEmpty ? nil : $0 }
if let flag = sections.firstIndex(of: "--corpus") {
    guard flag + 1 < sections.count else {
        FileHandle.standardError.write(Data("usage: brief-bench [SECTION...] [--corpus DIR]\n".utf8))
        exit(2)
    }
    corpus = sections[flag + 1]
    sections.removeSubrange(flag...flag + 1)
}
let arguments = Set(sections)
func wants(_ section: String) -> Bool { arguments.isEmpty || arguments.contains(section) }

if wants("pipeline") { PipelineBenchmark.run() }
if wants("entities") { EntityBenchmark.run() }
if wants("ui") { UIBenchmark.run() }
if wants("library") { LibraryBenchmark.run(corpus: corpus) }
if arguments.contains("reader") { ReaderBenchmark.runOnKeptLibraries() }
if wants("html") { HTMLBenchmark.run() }
print("peak_memory_mb \(String(format: "%.1f", PeakMemory.megabytes()))")
