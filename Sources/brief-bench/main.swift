// brief-bench: speed and memory figures, printed. Build with -c release.
// Each section lives in its own file.
import Foundation

if CommandLine.arguments.dropFirst().first == "generate" {
    exit(GenerateCorpus.run(Array(CommandLine.arguments.dropFirst(2))))
}
if CommandLine.arguments.dropFirst().first == "stories" {
    exit(StoryBenchmark.run(Array(CommandLine.arguments.dropFirst(2))))
}

let arguments = Set(CommandLine.arguments.dropFirst())
func wants(_ section: String) -> Bool { arguments.isEmpty || arguments.contains(section) }

if wants("pipeline") { PipelineBenchmark.run() }
if wants("entities") { EntityBenchmark.run() }
if wants("ui") { UIBenchmark.run() }
if wants("library") { LibraryBenchmark.run() }
if arguments.contains("reader") { ReaderBenchmark.runOnKeptLibraries() }
if wants("html") { HTMLBenchmark.run() }
print("peak_memory_mb \(String(format: "%.1f", PeakMemory.megabytes()))")
