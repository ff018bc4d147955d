extension LoadReport.FileReport {
    /// Reads the lines of `path` into `body`, recording in this report what
    /// the reader met on the way: the line count, oversized lines (with the
    /// limit), an empty file, and a problem that stopped the read (a missing
    /// or non-regular file, a `.gz` that is not gzip, a truncated or corrupt
    /// stream) — the problem marks the load as incomplete.
    mutating func read(
        path: String,
        reader: LineReader? = nil,
        progress: ReadProgress? = nil,
        _ body: (UnsafeBufferPointer<UInt8>, Int, inout LoadReport.FileReport) -> Void
    ) {
        var reader = reader ?? LineReader(path: path)
        reader.progress = progress
        let limit = reader.maximumLineLength
        do {
            try reader.forEachLine(onOversizedLine: { line in
                self.lines = max(self.lines, line)
                self.record(.oversizedLine, line: line, detail: "longer than the \(LineReader.describe(bytes: limit)) line limit")
            }) { bytes, line in
                self.lines = line
                body(bytes, line, &self)
            }
        } catch {
            problem = "\(error)"
            if case ReadProblem.truncatedGzip(_, let line) = error { record(.truncatedFile, line: line) }
            return
        }
        if lines == 0 { record(.emptyFile, line: 0, detail: "no lines") }
    }
}
