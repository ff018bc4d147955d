import SteamLensEngine
import TerminalUI

/// Everything that can happen to the explorer: a key, a resize, or a
/// result of background work coming back.
public enum Action: Sendable {
    case key(Key)
    case resize(Size)
    /// Recommendations asked for by `generation`; ignored when stale.
    case recommendationsReady(generation: Int, rows: [Recommendation])
    /// A slow section of the right side, asked for by `generation`; ignored when stale.
    case sectionReady(generation: Int, index: Int, section: DetailSection)
    /// An export finished: the absolute path written, or why it failed.
    case exported(path: String)
    case exportFailed(String)
}

/// Work `reduce` asks for but does not do itself (it has no I/O and no
/// threads). The runner performs effects and reports back with an `Action`.
public enum Effect: Equatable, Sendable {
    /// Compute recommendations, then send `.recommendationsReady` with this generation.
    case recommend(RecommendationRequest)
    /// Write `contents` to a new file `stem.ext` in `folder` (`stem-2.ext`
    /// … when taken: an export never overwrites), then send `.exported`
    /// with the absolute path, or `.exportFailed`.
    case export(folder: String, stem: String, ext: String, contents: String)
    /// Put `text` on the user's clipboard through the terminal (OSC 52).
    case copy(String)
    /// Answer a slow question of the right side off the loop, then send
    /// `.sectionReady` with the request's generation and section index.
    case answer(SectionRequest)
}

/// A section of the right side left as "computing…" until its question is
/// answered in the background (``ExplorerCatalogue/answer(_:)``).
public struct SectionRequest: Equatable, Sendable {
    public enum Question: Equatable, Sendable {
        /// The streaming catalogue's `will_like` for a viewer and a title (their indices).
        case willLike(viewer: Int, title: Int)
    }

    public var generation: Int
    /// Which of the detail's sections the answer replaces.
    public var index: Int
    public var question: Question

    public init(generation: Int, index: Int, question: Question) {
        self.generation = generation
        self.index = index
        self.question = question
    }
}

/// Which recommendations a detail view waits for.
public struct RecommendationRequest: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case similar(to: Int32)
        case forUser(Int32)
    }

    public var generation: Int
    public var kind: Kind
    public var count: Int

    /// Runs the engine call (on whatever thread the runner chooses). The
    /// engine trains its models lazily on first use, so the first call can
    /// take seconds: one reason this is an effect and not part of `reduce`.
    public func run(_ engine: Engine) -> [Recommendation] {
        switch kind {
        case .similar(let item): return engine.similarGames(to: item, count: count, hideOwnEditions: true)
        case .forUser(let user):
            // Only an unknown model name throws, and the app always asks for the default one.
            return (try? engine.recommendations(forUser: user, count: count, model: nil)) ?? []
        }
    }
}
