// PLACEHOLDER (skeleton).
enum EntityBenchmark { static func run() {} }
