// `brief-bench generate N DIR`: writes a deterministic synthetic library for benchmarks and scale tests.
import BriefStore
import Foundation

enum GenerateCorpus {
    /// The bundled sample library, found from this source file (brief-bench runs from the source tree).
    static var sampleLibrary: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("brief/SampleLibrary", isDirectory: true)
    }

    /// The generator seeded with the sample library's articles (and the built-in vocabulary).
    static func generator() -> CorpusGenerator {
        let files = (try? FileManager.default.contentsOfDirectory(at: sampleLibrary, includingPropertiesForKeys: nil)) ?? []
        return CorpusGenerator(seedFiles: files.filter { !$0.lastPathComponent.hasPrefix(".") })
    }

    static func run(_ arguments: [String]) -> Int32 {
        guard arguments.count == 2, let count = Int(arguments[0]), count >= 0 else {
            FileHandle.standardError.write(Data("usage: brief-bench generate N DIR\n".utf8))
            return 2
        }
        let directory = URL(fileURLWithPath: arguments[1], isDirectory: true)
        do {
            try generator().write(count: count, to: directory)
        } catch {
            FileHandle.standardError.write(Data("brief-bench: \(directory.path): \(error.localizedDescription)\n".utf8))
            return 1
        }
        print("wrote \(count) articles to \(directory.path)")
        return 0
    }
}
