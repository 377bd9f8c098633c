/// Results written by index from concurrent work (each index once, from any thread), read once all
/// of it is done.
final class IndexedResults<Value: Sendable>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<Value?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    func set(_ index: Int, _ value: Value) {
        slots[index] = value
    }

    /// Every value, in index order; call after every worker has finished.
    var values: [Value] { slots.map { $0! } }
}
