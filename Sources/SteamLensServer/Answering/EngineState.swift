import Foundation
import SteamLensEngine
import SteamLensOutput

/// The engines of the data sets a server answers for, by data set id
/// (`APIDataSet.id`). Each is immutable and shared by every request.
public struct LoadedEngines: Sendable {
    public var byDataSet: [String: any Sendable]

    public init(_ byDataSet: [String: any Sendable]) {
        self.byDataSet = byDataSet
    }

    /// The Steam engine alone.
    public init(steam: Engine) {
        self.init(["steam": steam])
    }

    func engine(for dataSet: String) throws(Problem) -> any Sendable {
        guard let engine = byDataSet[dataSet] else { throw Problem.internalError }
        return engine
    }
}

/// The engines as requests see them: loading (the server already answers
/// `/health` with 503), ready, or failed to load. Set once by the loader,
/// read by every request.
public final class EngineState: @unchecked Sendable {
    public enum Phase: Sendable {
        case loading
        case ready(LoadedEngines)
        case failed(Failure)
    }

    private let lock = NSLock()
    private var current: Phase

    public init(_ phase: Phase = .loading) {
        current = phase
    }

    public var phase: Phase {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    public func set(_ phase: Phase) {
        lock.lock()
        current = phase
        lock.unlock()
    }
}

/// Answers by request, bounded in bytes. Two generations approximate LRU
/// without per-hit bookkeeping: when the young one is full it becomes the
/// old one, and a hit in the old one is promoted.
final class AnswerCache: @unchecked Sendable {
    private let lock = NSLock()
    private var young: [String: Answer] = [:]
    private var old: [String: Answer] = [:]
    private var youngBytes = 0
    private let generationBytes: Int
    /// Answers larger than this are not kept.
    private let largestAnswer: Int

    /// `budget` bytes of bodies at most (two generations of half each).
    init(budget: Int) {
        generationBytes = max(0, budget / 2)
        largestAnswer = max(0, budget / 16)
    }

    func get(_ key: String) -> Answer? {
        lock.lock()
        defer { lock.unlock() }
        if let answer = young[key] { return answer }
        guard let answer = old.removeValue(forKey: key) else { return nil }
        insertLocked(key, answer)
        return answer
    }

    func put(_ key: String, _ answer: Answer) {
        guard answer.body.count <= largestAnswer else { return }
        lock.lock()
        insertLocked(key, answer)
        lock.unlock()
    }

    private func insertLocked(_ key: String, _ answer: Answer) {
        let size = answer.body.count + key.utf8.count + 256
        if youngBytes + size > generationBytes {
            old = young
            young = [:]
            youngBytes = 0
        }
        young[key] = answer
        youngBytes += size
    }
}

/// A cap on requests being answered at once; past it the server sheds load
/// with 503 `overloaded` instead of queueing without bound.
final class InFlight: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    let limit: Int

    init(limit: Int) {
        self.limit = limit
    }

    func tryAcquire() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard count < limit else { return false }
        count += 1
        return true
    }

    func release() {
        lock.lock()
        count -= 1
        lock.unlock()
    }

    var current: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }
}

/// Runs engine work off the async executor's few threads, with a deadline:
/// past it the request gets 503 `timeout` while the work finishes in the
/// background (queries cannot be interrupted; the in-flight cap still
/// counts it until it ends, so slow work cannot pile up).
enum Deadline {
    static func run<T: Sendable>(seconds: Double, onFinish: @escaping @Sendable () -> Void,
                                 _ work: @escaping @Sendable () throws(Problem) -> T) async throws(Problem) -> T {
        let result: Result<T, Problem> = await withCheckedContinuation { continuation in
            let once = Once(continuation)
            DispatchQueue.global().async {
                let result: Result<T, Problem>
                do throws(Problem) {
                    result = .success(try work())
                } catch {
                    result = .failure(error)
                }
                onFinish()
                once.resume(result)
            }
            DispatchQueue.global().asyncAfter(deadline: .now() + seconds) {
                once.resume(.failure(Problem.timeout(seconds: seconds)))
            }
        }
        return try result.get()
    }

    /// Resumes a continuation at most once.
    private final class Once<T: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var continuation: CheckedContinuation<Result<T, Problem>, Never>?

        init(_ continuation: CheckedContinuation<Result<T, Problem>, Never>) {
            self.continuation = continuation
        }

        func resume(_ result: Result<T, Problem>) {
            lock.lock()
            let pending = continuation
            continuation = nil
            lock.unlock()
            pending?.resume(returning: result)
        }
    }
}
