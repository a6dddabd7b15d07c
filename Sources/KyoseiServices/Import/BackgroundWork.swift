import Dispatch

/// A value worked out on another thread and handed over when it is ready: an import has its
/// next batch read or resolved there while its own thread writes the one before.
final class BackgroundWork<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    /// Written once on the worker before `done` is signalled, read after it.
    private var value: Value?

    init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async { [self] in
            value = work()
            done.signal()
        }
    }

    /// Waits for the value; it may be asked for again.
    func wait() -> Value {
        done.wait()
        defer { done.signal() }
        return value!
    }
}
