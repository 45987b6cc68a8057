import Audit
import Claims
import Prometheus
import Verifiers

/// What `GET /metrics` shows, in Prometheus' text format (swift-prometheus' registry writes it):
///
/// - `mathcheck_http_requests_total{endpoint,status}`: requests answered, by endpoint and HTTP status;
/// - `mathcheck_http_request_duration_seconds{endpoint}`: a histogram of the time from a request's head to its
///   reply, body reading included;
/// - `mathcheck_http_requests_in_flight`: requests being handled now;
/// - `mathcheck_records_total{endpoint}`: records judged (queries for `/get_reward`);
/// - `mathcheck_record_verdicts_total{endpoint,verdict}`: their verdicts (for `/v1/check` mathcheck's own verdict,
///   `not_checked` for a record without a label or reference);
/// - `mathcheck_claims_total{kind,verdict}`: the claims of the audited records by kind and verdict.
///
/// Endpoints are the service's routes; any other path counts as `other`, so a scan of paths cannot grow the series.
final class ServiceMetrics: Sendable {
    static let endpoints = ["/get_reward", "/v1/audit", "/v1/check", "/healthz", "/metrics"]
    /// Request durations: 0.5 ms to 10 s.
    static let buckets: [Duration] = [
        .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10),
        .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500),
        .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10),
    ]

    let registry = PrometheusCollectorRegistry()
    private let inFlight: Gauge

    init() {
        inFlight = registry.makeGauge(
            descriptor: Self.name("http_requests_in_flight", "", "Requests being handled now."), labels: [])
        // Every endpoint's series exist from the start (at 0), so rates are defined before the first request.
        for endpoint in Self.endpoints {
            _ = duration(endpoint)
            if endpoint.hasPrefix("/get") || endpoint.hasPrefix("/v1") {
                _ = registry.makeCounter(descriptor: Self.recordsName, labels: [("endpoint", endpoint)])
            }
        }
    }

    private static func name(_ metric: String, _ unit: String, _ help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(namespace: "mathcheck", metricName: metric, unitName: unit, helpText: help)
    }

    private static var requestsName: MetricNameDescriptor { name("http_requests", "total", "HTTP requests answered, by endpoint and status.") }
    private static var durationName: MetricNameDescriptor { name(
        "http_request_duration", "seconds", "Time from a request's head to its reply, by endpoint.") }
    private static var recordsName: MetricNameDescriptor { name("records", "total", "Records judged, by endpoint.") }
    private static var verdictsName: MetricNameDescriptor { name(
        "record_verdicts", "total", "Verdicts of the records judged, by endpoint and verdict.") }
    private static var claimsName: MetricNameDescriptor { name("claims", "total", "Claims of the audited records, by kind and verdict.") }

    /// The endpoint label of a path.
    static func endpoint(_ path: String) -> String { endpoints.contains(path) ? path : "other" }

    private func duration(_ endpoint: String) -> DurationHistogram {
        registry.makeDurationHistogram(
            descriptor: Self.durationName, labels: [("endpoint", endpoint)], buckets: Self.buckets)
    }

    func started() { inFlight.increment() }

    func answered(_ endpoint: String, status: Int, after elapsed: Duration) {
        inFlight.decrement()
        registry.makeCounter(descriptor: Self.requestsName, labels: [("endpoint", endpoint), ("status", String(status))])
            .increment()
        duration(endpoint).record(elapsed)
    }

    /// Counts a request's records, their verdicts and their claims.
    func judged(_ endpoint: String, verdicts: [RecordVerdict?], claims: ClaimTally) {
        registry.makeCounter(descriptor: Self.recordsName, labels: [("endpoint", endpoint)])
            .increment(by: Int64(verdicts.count))
        var counts: [String: Int64] = [:]
        for verdict in verdicts { counts[verdict?.rawValue ?? "not_checked", default: 0] += 1 }
        for (verdict, n) in counts.sorted(by: { $0.key < $1.key }) {
            registry.makeCounter(descriptor: Self.verdictsName, labels: [("endpoint", endpoint), ("verdict", verdict)])
                .increment(by: n)
        }
        for kind in ClaimTally.kinds {
            for verdict in [Judgement.Verdict.correct, .wrong, .unverified] {
                let n = claims.count(kind, verdict)
                guard n > 0 else { continue }
                registry.makeCounter(
                    descriptor: Self.claimsName, labels: [("kind", kind.rawValue), ("verdict", verdict.rawValue)]
                ).increment(by: Int64(n))
            }
        }
    }

    /// The text exposition.
    func emit() -> [UInt8] { registry.emitToBuffer() }
}
