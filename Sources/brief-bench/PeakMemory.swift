// Peak resident memory of this process, from the kernel.
import Foundation
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

enum PeakMemory {
    /// Maximum resident set size so far, in MiB.
    ///
    /// On Linux the high-water mark of this process's own memory (`VmHWM`): `ru_maxrss`
    /// carries over an exec, so a child spawned by a process that had indexed 100,000
    /// articles reported the parent's peak as its own.
    static func megabytes() -> Double {
        if let kib = statusKiB()["VmHWM"] { return kib / 1024 }
        var usage = rusage()
        #if canImport(Glibc)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        return Double(usage.ru_maxrss) / 1024
    }

    /// Resident memory now by kind (Linux): anonymous (the heap) and file-backed (mapped
    /// database pages, which the OS shares between processes), in MiB; empty elsewhere.
    static func residentByKind() -> String {
        let status = statusKiB()
        guard let anonymous = status["RssAnon"], let file = status["RssFile"] else { return "" }
        return "anon \(Int(anonymous / 1024)) file \(Int(file / 1024))"
    }

    /// The KiB figures of /proc/self/status by name (`VmHWM: 1234 kB`); empty where there is none.
    private static func statusKiB() -> [String: Double] {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return [:] }
        var figures: [String: Double] = [:]
        for line in status.split(separator: "\n") where line.hasSuffix(" kB") {
            let fields = line.split(whereSeparator: { $0 == ":" || $0 == " " || $0 == "\t" })
            if fields.count == 3, let value = Double(fields[1]) { figures[String(fields[0])] = value }
        }
        return figures
    }
}
