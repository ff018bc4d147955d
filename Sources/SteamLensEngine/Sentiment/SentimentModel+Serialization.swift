/// A compact byte layout of a trained model, to store as a SQLite BLOB.
///
/// Little-endian:
///
///     "SLSM"  UInt32 version  UInt8 bits  UInt8 charMin  UInt8 charMax  UInt8 0
///     Float32 charWeight
///     Float64 threshold  Float64 bandLow  Float64 bandHigh
///     UInt8 × 2^bits      idf codes (0 = bucket unseen in training)
///     Float32 × (seen + 1) weights of the seen buckets in bucket order, then the bias
///
/// An unseen bucket's weight is exactly 0 (L2 training never moves it), so
/// only seen buckets are stored: ~4 MB at 2^20 buckets.
extension SentimentModel {
    public enum SerializationError: Error, CustomStringConvertible, Equatable {
        case notAModel
        case version(found: Int)
        case truncated

        public var description: String {
            switch self {
            case .notAModel: return "these bytes are not a SteamLens sentiment model"
            case let .version(found):
                return "sentiment model version \(found) is not \(SentimentModel.version); train the model again"
            case .truncated: return "the sentiment model bytes are cut short; train the model again"
            }
        }
    }

    static let magic: [UInt8] = Array("SLSM".utf8)

    public func serialized() -> [UInt8] {
        let configuration = vectorizer.hasher.configuration
        var out = Self.magic
        out.reserveCapacity(vectorizer.idfCodes.count * 5)
        func put<T: FixedWidthInteger>(_ v: T) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        put(UInt32(Self.version))
        out += [UInt8(configuration.bits), UInt8(configuration.charMin), UInt8(configuration.charMax), 0]
        put(configuration.charWeight.bitPattern)
        for d in [threshold, neutralBand.lowerBound, neutralBand.upperBound] { put(d.bitPattern) }
        out += vectorizer.idfCodes
        for (b, code) in vectorizer.idfCodes.enumerated() where code != 0 { put(lookup[b].y.bitPattern) }
        put(bias.bitPattern)
        return out
    }

    public init(serialized bytes: [UInt8]) throws {
        var at = 0
        func take(_ n: Int) throws -> ArraySlice<UInt8> {
            guard at + n <= bytes.count else { throw SerializationError.truncated }
            defer { at += n }
            return bytes[at..<(at + n)]
        }
        func get<T: FixedWidthInteger>(_: T.Type) throws -> T {
            let slice = try take(MemoryLayout<T>.size)
            return T(littleEndian: slice.reversed().reduce(T.zero) { $0 << 8 | T($1) })
        }
        guard bytes.starts(with: Self.magic) else { throw SerializationError.notAModel }
        at = Self.magic.count
        let version = Int(try get(UInt32.self))
        guard version == Self.version else { throw SerializationError.version(found: version) }
        let header = try take(4).map(Int.init)
        let (bits, charMin, charMax) = (header[0], header[1], header[2])
        guard (8...24).contains(bits) else { throw SerializationError.notAModel }
        let charWeight = Float(bitPattern: try get(UInt32.self))
        let threshold = Double(bitPattern: try get(UInt64.self))
        let low = Double(bitPattern: try get(UInt64.self)), high = Double(bitPattern: try get(UInt64.self))
        guard low <= high else { throw SerializationError.notAModel }
        let codes = Array(try take(1 << bits))
        var weights = [Float](repeating: 0, count: (1 << bits) + 1)
        for (b, code) in codes.enumerated() where code != 0 {
            weights[b] = Float(bitPattern: try get(UInt32.self))
        }
        weights[1 << bits] = Float(bitPattern: try get(UInt32.self))
        let hasher = SentimentFeatures(configuration: .init(bits: bits, charMin: charMin, charMax: charMax, charWeight: charWeight))
        self.init(vectorizer: TfidfVectorizer(hasher: hasher, idfCodes: codes), weights: weights,
                  threshold: threshold, neutralBand: low...high)
    }
}
