import Audit
import Claims
import Prometheus
import Synchronization
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
/// Every series but the statuses is made once, up front: the registry checks names and labels each time it is
/// asked for one, which would otherwise be a good part of a small request's cost.
final class ServiceMetrics: Sendable {
    enum Endpoint: Int, CaseIterable {
        case getReward, audit, check, healthz, metrics, other

        var path: String {
            switch self {
            case .getReward: "/get_reward"
            case .audit: "/v1/audit"
            case .check: "/v1/check"
            case .healthz: "/healthz"
            case .metrics: "/metrics"
            case .other: "other"
            }
        }

        init(path: String) {
            self = Self.allCases.first { $0.path == path && $0 != .other } ?? .other
        }

        /// The endpoints that judge records.
        static let judging: [Endpoint] = [.getReward, .audit, .check]
    }

    /// Request durations: 0.5 ms to 10 s.
    static let buckets: [Duration] = [
        .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10),
        .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500),
        .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10),
    ]
    /// The verdict labels, in ``verdictIndex(_:)`` order.
    static let verdictLabels = RecordVerdict.allCases.map(\.rawValue) + ["not_checked"]
    static let claimVerdicts: [Judgement.Verdict] = [.correct, .wrong, .unverified]

    let registry = PrometheusCollectorRegistry()
    private let inFlight: Gauge
    private let durations: [DurationHistogram]
    /// By endpoint (nil for those that judge no records).
    private let records: [Counter?]
    /// Verdicts by endpoint and verdict, made on first use (an endpoint shows only the verdicts it has seen).
    private let verdicts = Mutex<[Int: Counter]>([:])
    /// By kind (``ClaimTally/kinds``), then verdict (``claimVerdicts``).
    private let claims: [[Counter]]
    /// Requests by endpoint and status, made on first use.
    private let requests = Mutex<[Int: Counter]>([:])

    init() {
        inFlight = registry.makeGauge(
            descriptor: Self.name("http_requests_in_flight", "", "Requests being handled now."), labels: [])
        durations = Endpoint.allCases.map { [registry] endpoint in
            registry.makeDurationHistogram(
                descriptor: Self.name(
                    "http_request_duration", "seconds", "Time from a request's head to its reply, by endpoint."),
                labels: [("endpoint", endpoint.path)], buckets: Self.buckets)
        }
        let recordsName = Self.name("records", "total", "Records judged, by endpoint.")
        records = Endpoint.allCases.map { [registry] endpoint in
            Endpoint.judging.contains(endpoint)
                ? registry.makeCounter(descriptor: recordsName, labels: [("endpoint", endpoint.path)]) : nil
        }
        let claimsName = Self.name("claims", "total", "Claims of the audited records, by kind and verdict.")
        claims = ClaimTally.kinds.map { [registry] kind in
            Self.claimVerdicts.map { verdict in
                registry.makeCounter(
                    descriptor: claimsName, labels: [("kind", kind.rawValue), ("verdict", verdict.rawValue)])
            }
        }
    }

    private static func name(_ metric: String, _ unit: String, _ help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(namespace: "mathcheck", metricName: metric, unitName: unit, helpText: help)
    }

    func started() { inFlight.increment() }

    func answered(_ endpoint: Endpoint, status: Int, after elapsed: Duration) {
        inFlight.decrement()
        requests.withLock { counters in
            let key = endpoint.rawValue << 16 | status
            if let counter = counters[key] { return counter }
            let counter = registry.makeCounter(
                descriptor: Self.name("http_requests", "total", "HTTP requests answered, by endpoint and status."),
                labels: [("endpoint", endpoint.path), ("status", String(status))])
            counters[key] = counter
            return counter
        }.increment()
        durations[endpoint.rawValue].record(elapsed)
    }

    private static func verdictIndex(_ verdict: RecordVerdict?) -> Int {
        guard let verdict else { return RecordVerdict.allCases.count }
        return RecordVerdict.allCases.firstIndex(of: verdict) ?? RecordVerdict.allCases.count
    }

    /// Counts a request's records, their verdicts and their claims.
    func judged(_ endpoint: Endpoint, verdicts recordVerdicts: [RecordVerdict?], claims tally: ClaimTally) {
        records[endpoint.rawValue]?.increment(by: Int64(recordVerdicts.count))
        var counts = [Int64](repeating: 0, count: Self.verdictLabels.count)
        for verdict in recordVerdicts { counts[Self.verdictIndex(verdict)] += 1 }
        for (index, n) in counts.enumerated() where n > 0 {
            verdictCounter(endpoint, index).increment(by: n)
        }
        for (k, kind) in ClaimTally.kinds.enumerated() {
            for (v, verdict) in Self.claimVerdicts.enumerated() {
                let n = tally.count(kind, verdict)
                if n > 0 { claims[k][v].increment(by: Int64(n)) }
            }
        }
    }

    private func verdictCounter(_ endpoint: Endpoint, _ index: Int) -> Counter {
        verdicts.withLock { counters in
            let key = endpoint.rawValue << 8 | index
            if let counter = counters[key] { return counter }
            let counter = registry.makeCounter(
                descriptor: Self.name(
                    "record_verdicts", "total", "Verdicts of the records judged, by endpoint and verdict."),
                labels: [("endpoint", endpoint.path), ("verdict", Self.verdictLabels[index])])
            counters[key] = counter
            return counter
        }
    }

    /// The text exposition.
    func emit() -> [UInt8] { registry.emitToBuffer() }
}
