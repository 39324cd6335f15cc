// Peak resident memory of this process, from the kernel.
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

enum PeakMemory {
    /// Maximum resident set size so far, in MiB (ru_maxrss is KiB on Linux).
    static func megabytes() -> Double {
        var usage = rusage()
        #if canImport(Glibc)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        return Double(usage.ru_maxrss) / 1024
    }

    /// Resident memory now by kind, from /proc (Linux): anonymous (the heap) and file-backed
    /// (mapped database pages, which the OS shares between processes), in MiB; empty elsewhere.
    static func residentByKind() -> String {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return "" }
        let kinds = status.split(separator: "\n").filter { $0.hasPrefix("RssAnon:") || $0.hasPrefix("RssFile:") }.map { line in
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            let kib = fields.count >= 2 ? Double(fields[1]) ?? 0 : 0
            return "\(fields[0].dropLast().lowercased()) \(Int(kib / 1024))"
        }
        return kinds.joined(separator: " ")
    }
}
