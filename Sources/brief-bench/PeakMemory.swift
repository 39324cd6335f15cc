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
}
