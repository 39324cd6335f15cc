// PLACEHOLDER (skeleton).
enum PipelineBenchmark { static func run() {} }
