// PLACEHOLDER (skeleton).
enum UIBenchmark { static func run() {} }
