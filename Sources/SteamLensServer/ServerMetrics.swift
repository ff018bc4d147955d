import Prometheus

/// Request counts by route and status, and latency by route, for `/metrics`.
/// Labels are route templates, never raw paths, so the series stay few.
final class ServerMetrics: Sendable {
    private let registry = PrometheusCollectorRegistry()
    nonisolated(unsafe) private static let requests = MetricNameDescriptor(namespace: "steamlens", metricName: "http_requests", unitName: "total",
                                                       helpText: "Requests answered, by route template and status.")
    nonisolated(unsafe) private static let latency = MetricNameDescriptor(namespace: "steamlens", metricName: "http_request_duration", unitName: "seconds",
                                                      helpText: "Time to answer, by route template.")
    private static let buckets: [Duration] = [.microseconds(100), .microseconds(250), .microseconds(500), .milliseconds(1),
                                              .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(50),
                                              .milliseconds(250), .seconds(1), .seconds(5)]

    func record(route: String, status: Int, seconds: Double) {
        registry.makeCounter(descriptor: Self.requests, labels: [("route", route), ("status", String(status))]).increment()
        registry.makeDurationHistogram(descriptor: Self.latency, labels: [("route", route)], buckets: Self.buckets)
            .recordNanoseconds(Int64(seconds * 1e9))
    }

    func text() -> [UInt8] {
        registry.emitToBuffer()
    }
}
