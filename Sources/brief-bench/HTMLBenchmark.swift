// PLACEHOLDER (skeleton).
enum HTMLBenchmark { static func run() {} }
