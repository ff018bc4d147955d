/// What a load kept, skipped and repaired, per file and per rule, with a few
/// `file:line` samples of each so a surprising number can be checked by eye.
public struct LoadReport: Codable, Equatable, Sendable {
    public struct RuleCount: Codable, Equatable, Sendable {
        public var rule: CleaningRule
        public var count: Int
        /// Up to `LoadReport.sampleLimit` places, "file:line: detail".
        public var samples: [String]
    }

    public struct FileReport: Codable, Equatable, Sendable {
        public var file: String
        public var lines: Int = 0
        /// Rows kept, in the file's own unit (games, reviews, library items).
        public var kept: Int = 0
        public var unit: String
        public var rules: [RuleCount] = []
        /// A problem that stopped reading early (truncated gzip, missing file).
        public var problem: String?
        /// Which of several candidate files was read: "using X (also found Y)".
        public var choice: String?

        public init(file: String, unit: String) {
            self.file = file
            self.unit = unit
        }

        public func total(_ rule: CleaningRule) -> Int {
            rules.first { $0.rule == rule }?.count ?? 0
        }

        /// Counts one row under `rule`, keeping the place as a sample while there is room.
        public mutating func record(_ rule: CleaningRule, line: Int, detail: String = "") {
            let sample = detail.isEmpty ? "\(file):\(line)" : "\(file):\(line): \(detail)"
            add(rule, sample: sample)
        }

        /// Counts one row under `rule` without a sample.
        public mutating func count(_ rule: CleaningRule) {
            add(rule, sample: nil)
        }

        private mutating func add(_ rule: CleaningRule, sample: String?) {
            if let index = rules.firstIndex(where: { $0.rule == rule }) {
                rules[index].count += 1
                if let sample, rules[index].samples.count < LoadReport.sampleLimit { rules[index].samples.append(sample) }
            } else {
                rules.append(RuleCount(rule: rule, count: 1, samples: sample.map { [$0] } ?? []))
            }
        }

        /// Adds `later`, the report of a later part of the same file read
        /// on its own (`FileParts`): counts add up and its samples come after
        /// these while there is room, as one reading of the whole file would
        /// have them.
        public mutating func append(_ later: FileReport) {
            lines = max(lines, later.lines)
            kept += later.kept
            problem = problem ?? later.problem
            for rule in later.rules {
                guard let index = rules.firstIndex(where: { $0.rule == rule.rule }) else { rules.append(rule); continue }
                rules[index].count += rule.count
                rules[index].samples += rule.samples.prefix(LoadReport.sampleLimit - rules[index].samples.count)
            }
        }

        public var skipped: Int {
            rules.filter { $0.rule.effect == .skipped }.reduce(0) { $0 + $1.count }
        }
    }

    public static let sampleLimit = 3
    public var files: [FileReport]

    public init(files: [FileReport] = []) {
        self.files = files
    }

    public func file(named name: String) -> FileReport? {
        files.first { $0.file == name }
    }

    public var hasProblems: Bool { files.contains { $0.problem != nil } }

    /// The report as aligned text, one block per file.
    public func formatted() -> String {
        var out = ""
        for file in files {
            out += "\(file.file): \(file.lines) lines, kept \(file.kept) \(file.unit), skipped \(file.skipped)\n"
            if let choice = file.choice { out += "  \(choice)\n" }
            if let problem = file.problem { out += "  ! \(problem)\n" }
            for rule in file.rules {
                let count = String(rule.count)
                let effect = rule.rule.effect.rawValue
                out += "  " + effect + String(repeating: " ", count: max(0, 9 - effect.count))
                out += String(repeating: " ", count: max(0, 8 - count.count)) + count
                out += "  \(rule.rule.rawValue): \(rule.rule.summary)\n"
                for sample in rule.samples { out += "             e.g. \(sample.prefix(110))\n" }
            }
        }
        return out
    }
}
