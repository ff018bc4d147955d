import Foundation

/// How much of a load's input has been read, for a progress bar: the
/// readers of one load, on any thread, add the bytes they take from disk,
/// and `report` hears the fraction each time it passes another whole
/// percent, one call at a time. It never reports 1: the phase that reads
/// says when it is done.
public final class ReadProgress: @unchecked Sendable {
    private let totalBytes: Int
    private let report: (Double) -> Void
    private let lock = NSLock()
    private var bytesRead = 0
    private var lastPercent = 0

    public init(totalBytes: Int, report: @escaping (Double) -> Void) {
        self.totalBytes = totalBytes
        self.report = report
    }

    /// The total size of the regular files among `paths` (others count 0).
    public static func size(of paths: [String]) -> Int {
        paths.reduce(0) { total, path in
            var info = stat()
            return total + (stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG ? Int(info.st_size) : 0)
        }
    }

    func add(_ bytes: Int) {
        guard bytes > 0, totalBytes > 0 else { return }
        lock.withLock {
            bytesRead += bytes
            let percent = min(bytesRead * 100 / totalBytes, 99)
            guard percent > lastPercent else { return }
            lastPercent = percent
            report(Double(percent) / 100)
        }
    }
}
