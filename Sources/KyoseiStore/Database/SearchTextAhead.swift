import Dispatch
import Synchronization

/// What a first snapshot's residents need worked out in Swift (their search text, and their
/// `(created)` history summary), done on other threads while the file is still being read and
/// staged. Into an empty city every listed person is new, and their search text was a third of
/// the import's CPU, computed after the last row on both cores while the writer waited; during
/// staging the writer and the file's reader leave most of a core idle.
///
/// Rows are sent in batches to the global queue, at most two batches at a time (the writer
/// waits for one to finish before it sends a third), so a slow machine holds a few batches of
/// records in memory, not the file. Finished texts come back to the writer's thread, which
/// stores them as they come.
final class SearchTextAhead<Text: Sendable> {
    private final class Finished: Sendable {
        let texts = Mutex<[(sid: Int64, text: Text)]>([])
    }

    private let work: @Sendable (ResidentRecord) -> Text
    private let slots = DispatchSemaphore(value: 2)
    private let group = DispatchGroup()
    private let finished = Finished()
    private var batch: [(sid: Int64, record: ResidentRecord)] = []
    private static var batchSize: Int { 2048 }

    init(work: @escaping @Sendable (ResidentRecord) -> Text) {
        self.work = work
    }

    /// Takes one staged row; a full batch is sent, and then true says that texts may be ready.
    func add(sid: Int64, record: ResidentRecord) -> Bool {
        batch.append((sid, record))
        guard batch.count == Self.batchSize else { return false }
        send()
        return true
    }

    /// The texts finished so far, in no order. With `all`, the last batch is sent and every
    /// batch waited for first.
    func collect(all: Bool = false) -> [(sid: Int64, text: Text)] {
        if all {
            send()
            group.wait()
        }
        return finished.texts.withLock { texts in
            defer { texts.removeAll(keepingCapacity: true) }
            return texts
        }
    }

    private func send() {
        guard !batch.isEmpty else { return }
        let rows = batch
        batch.removeAll(keepingCapacity: true)
        slots.wait()
        let (work, finished, slots) = (work, finished, slots)
        DispatchQueue.global().async(group: group) {
            let texts = rows.map { (sid: $0.sid, text: work($0.record)) }
            finished.texts.withLock { $0.append(contentsOf: texts) }
            slots.signal()
        }
    }
}
