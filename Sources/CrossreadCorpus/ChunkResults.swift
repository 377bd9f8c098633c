/// Collects per-chunk results from `DispatchQueue.concurrentPerform` workers, then joins them in
/// order. Each worker writes only its own chunk's slot, so slots never race.
final class ChunkResults<Element: Sendable>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<[Element]>

    init(chunks: Int) {
        slots = .allocate(capacity: chunks)
        slots.initialize(repeating: [])
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    /// Stores chunk `chunk`'s values; call once per chunk, from any thread.
    func set(_ chunk: Int, _ values: [Element]) {
        slots[chunk] = values
    }

    /// All values in chunk order; call after every worker has finished.
    func joined() -> [Element] {
        slots.flatMap { $0 }
    }
}
