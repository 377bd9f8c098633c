#if canImport(Glibc)
import Glibc
#endif

/// glibc's allocator, set for a long streaming run (ingest, analyze). By default it keeps an arena
/// per thread and raises its mmap threshold after each large block freed, so the megabyte-sized
/// buffers every page passes through end up scattered over heaps that never shrink: peak memory grew
/// with the input (a 1 GB WARC: 241 MB). Two arenas and a fixed 1 MB threshold (larger blocks are
/// mapped and unmapped on their own) keep it flat (measured on a 250 MB WARC prefix: 148 -> 91 MB,
/// for about 2 s more system time in 35 s).
enum AllocatorSettings {
    static func boundForStreaming() {
        #if canImport(Glibc)
        // mallopt is in <malloc.h>, which the Glibc module leaves out: look it up.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let process = dlopen(nil, RTLD_NOW), let symbol = dlsym(process, "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        let arenaMax: Int32 = -8, mmapThreshold: Int32 = -3  // M_ARENA_MAX, M_MMAP_THRESHOLD
        _ = mallopt(arenaMax, 2)
        _ = mallopt(mmapThreshold, 1 << 20)
        #endif
    }
}
