import NIOPosix

/// Threads of their own for the services' database work, which blocks (GRDB's synchronous
/// API). Run on Swift's shared pool, which has one thread per core, one long sync and one
/// write waiting for it would stop every other request on a 2-core server; here they wait on
/// threads nothing else needs, and the shared pool stays free to serve.
public final class DatabaseThreads: Sendable {
    private let pool: NIOThreadPool

    public init(count: Int) {
        pool = NIOThreadPool(numberOfThreads: max(2, count))
        pool.start()
    }

    /// Runs `work` on one of these threads and waits for it without holding a shared one.
    func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await pool.runIfActive(work)
    }

    /// Lets the work already started finish, then stops the threads.
    public func shutdown() async throws {
        try await pool.shutdownGracefully()
    }
}
