// PLACEHOLDER (skeleton).
enum LibraryBenchmark { static func run() {} }
