import Foundation

/// An `IntakeReader` run on a thread of its own, a few batches ahead of the caller: the file is
/// decoded, split, parsed and checked on one core while the caller writes the rows it already
/// has on the other. Read inline, parsing and writing took turns on one core of two.
///
/// Items come in file order, each with its record's text, and a refusal (`IntakeError`) comes
/// after every item read before it, as the reader gives them. Dropping the read-ahead before the
/// end (the caller failed) stops the thread and waits for it, so no read outlives the import.
public final class IntakeReadAhead<Kind: FileKind> {
    public struct Item: Sendable {
        public let item: IntakeItem<Kind.Row>
        /// The raw text of the record, for a row the caller sets aside itself.
        public let recordText: RecordText
    }

    private let channel = Channel()
    /// The batch being taken, last item first.
    private var current: [Item] = []

    /// Batches are this many records; at most `depth` of them wait for the caller, which bounds
    /// the memory held ahead to a few thousand rows whatever the file's size.
    static var batchSize: Int { 1024 }
    static var depth: Int { 8 }

    public init(_ reader: IntakeReader<Kind>) {
        let channel = channel
        // The reader is the thread's alone from here on, until `next()` has returned nil.
        let handed = Handed(reader: reader)
        let thread = Thread {
            let reader = handed.reader
            var batch: [Item] = []
            batch.reserveCapacity(Self.batchSize)
            /// Hands the batch over last item first, so that the caller takes each item out of it
            /// rather than copying it (with every string of its row) and freeing the batch after.
            func handOver() -> Bool {
                batch.reverse()
                defer { batch.removeAll(keepingCapacity: true) }
                return channel.put(batch)
            }
            do throws(IntakeError) {
                var more = true
                while more {
                    more = try Kind.read(Self.batchSize, from: reader, into: &batch)
                    if !batch.isEmpty, !handOver() { return channel.close(nil) }
                }
                channel.close(nil)
            } catch {
                if !batch.isEmpty, !handOver() { return channel.close(nil) }
                channel.close(error)
            }
        }
        thread.name = "intake read-ahead"
        thread.start()
    }

    deinit { channel.cancel() }

    /// The next item; nil once the file is read and whole.
    public func next() throws(IntakeError) -> Item? {
        if current.isEmpty {
            guard let batch = try channel.take() else { return nil }
            current = batch
        }
        return current.popLast()
    }

    private struct Handed: @unchecked Sendable {
        let reader: IntakeReader<Kind>
    }

    /// The batches between the reading thread and the caller. Every field is read and written
    /// under `condition`.
    private final class Channel: @unchecked Sendable {
        private let condition = NSCondition()
        private var batches: [[Item]] = []
        private var done = false
        private var failure: IntakeError?
        private var cancelled = false

        /// Hands a batch over, waiting while `depth` wait already; false once the caller is gone.
        func put(_ batch: [Item]) -> Bool {
            condition.lock()
            defer { condition.unlock() }
            while batches.count >= IntakeReadAhead.depth && !cancelled { condition.wait() }
            guard !cancelled else { return false }
            batches.append(batch)
            condition.broadcast()
            return true
        }

        /// The reading thread's last word: the file ended, whole or with `failure`.
        func close(_ failure: IntakeError?) {
            condition.lock()
            defer { condition.unlock() }
            self.failure = failure
            done = true
            condition.broadcast()
        }

        func take() throws(IntakeError) -> [Item]? {
            condition.lock()
            defer { condition.unlock() }
            while batches.isEmpty && !done { condition.wait() }
            if !batches.isEmpty {
                condition.broadcast()
                return batches.removeFirst()
            }
            if let failure { throw failure }
            return nil
        }

        /// Stops the reading thread and waits until it has let go of the reader.
        func cancel() {
            condition.lock()
            defer { condition.unlock() }
            cancelled = true
            condition.broadcast()
            while !done { condition.wait() }
        }
    }
}
