import SteamLensData

/// Splits RFC 4180 CSV into records of fields, on top of `LineReader`
/// (so plain or gzip files, only regular files, long lines refused).
///
/// A quoted field may hold commas, doubled quotes (`""` → `"`) and line
/// breaks: a record whose quote is still open at the end of a line takes
/// the next line too, joined with `\n`. Readers stay lenient where the
/// real files are sloppy and say so in `CSVRecord.strayQuote`: a quote in
/// the middle of an unquoted field, or text after a closing quote, is kept
/// as text.
///
/// ```swift
/// try CSVRecordReader(path: "netflix_titles.csv").forEachRecord { record in
///     print(record.line, record.fields)
/// }
/// ```
public struct CSVRecordReader {
    public struct Record: Sendable, Equatable {
        /// The line the record starts on, numbered from 1.
        public var line: Int
        public var fields: [String]
        /// A quote stood where RFC 4180 allows none; the text was kept as is.
        public var strayQuote: Bool
    }

    /// A record whose quote never closes; the lines from `line` on are lost.
    public struct UnterminatedQuote: Sendable, Equatable {
        public var line: Int
        public var lines: Int
    }

    public var lineReader: LineReader
    /// A record longer than this (its lines joined) is given up: it almost
    /// surely comes from an unmatched quote swallowing the lines after it.
    public var maximumRecordLength = 1 << 20

    public init(path: String) {
        lineReader = LineReader(path: path)
    }

    /// Calls `body` with every record in order. `onUnterminated` hears of a
    /// record given up (its quote still open at the end of the file, or past
    /// `maximumRecordLength`); reading goes on with the line after it.
    public func forEachRecord(
        onOversizedLine: (Int) -> Void = { _ in },
        onUnterminated: (UnterminatedQuote) -> Void = { _ in },
        _ body: (Record) -> Void
    ) throws {
        var parser = CSVFieldParser()
        var start = 0
        var length = 0
        defer {
            if parser.inQuotes { onUnterminated(UnterminatedQuote(line: start, lines: parser.lineCount)) }
        }
        try lineReader.forEachLine(onOversizedLine: onOversizedLine) { bytes, line in
            if !parser.inQuotes {
                start = line
                length = 0
            } else {
                parser.newline()
            }
            length += bytes.count + 1
            parser.feed(bytes)
            if parser.inQuotes {
                if length > maximumRecordLength {
                    onUnterminated(UnterminatedQuote(line: start, lines: parser.lineCount))
                    parser = CSVFieldParser()
                }
                return
            }
            body(Record(line: start, fields: parser.finish(), strayQuote: parser.strayQuote))
            parser = CSVFieldParser()
        }
    }
}

/// The field state machine of one record, fed a line at a time.
struct CSVFieldParser {
    private(set) var inQuotes = false
    private(set) var strayQuote = false
    private(set) var lineCount = 1
    private var fields: [String] = []
    private var field: [UInt8] = []
    /// The current field began with a quote (so a later quote may close it).
    private var quoted = false
    /// The quote just seen closed the field, unless another quote follows.
    private var afterQuote = false

    /// Only called while a quote is open: the line break belongs to the field.
    mutating func newline() {
        lineCount += 1
        field.append(0x0A)
    }

    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>) {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ",")
        for byte in bytes {
            if inQuotes {
                if byte == quote {
                    inQuotes = false
                    afterQuote = true
                } else {
                    field.append(byte)
                }
                continue
            }
            if afterQuote {
                afterQuote = false
                if byte == quote {
                    // `""` inside a quoted field: one literal quote.
                    field.append(quote)
                    inQuotes = true
                    continue
                }
                if byte != comma {
                    strayQuote = true
                    field.append(byte)
                    continue
                }
            }
            if byte == comma {
                endField()
            } else if byte == quote {
                if field.isEmpty && !quoted {
                    quoted = true
                    inQuotes = true
                } else {
                    strayQuote = true
                    field.append(byte)
                }
            } else {
                field.append(byte)
            }
        }
    }

    private mutating func endField() {
        fields.append(String(decoding: field, as: UTF8.self))
        field.removeAll(keepingCapacity: true)
        quoted = false
        afterQuote = false
    }

    mutating func finish() -> [String] {
        endField()
        return fields
    }
}
