/// The state of a byte stream after a read: more may follow, it ended, or it failed with a reason.
enum StreamStatus: Equatable {
    case more
    case end
    case failed(IngestFailure)
}
