import Audit
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// The grading service: `mathcheck serve --http HOST:PORT`, Hummingbird 2 over SwiftNIO.
///
/// Routes: `POST /get_reward` (OpenRLHF's remote reward model, ``RewardRequest``), `POST /v1/audit` and
/// `POST /v1/check` (records in, the command line's result lines out, ``RecordOperation``), `GET /healthz` and
/// `GET /metrics` (``ServiceMetrics``). Every refusal is a 4xx with `{"error":{"code":…,"message":…}}`
/// (``ServiceError``). The records' CPU work runs on a ``RecordPool`` of one thread per core, each record within the
/// record budget. SIGTERM or SIGINT starts a graceful shutdown: no new connections, the requests in flight are
/// answered, then the process ends (after `shutdownTimeout` the rest are cancelled).
public struct GradingService: Sendable {
    public struct Configuration: Sendable {
        public var host = "127.0.0.1"
        /// 0 for any free port (the one bound is passed to `onListening`).
        public var port = 8080
        /// The largest body accepted; a larger one is refused with 413 before it is read.
        public var maxBodyBytes = 8 << 20
        /// The most records (or queries) in one request.
        public var maxRecords = 10_000
        /// The CPU time one record may take (nil: no limit), as `audit --record-timeout`.
        public var budget: Duration? = .seconds(1)
        /// Threads that judge records.
        public var jobs = 1
        /// A connection with nothing sent or read for this long is closed (also one that stopped mid-body).
        public var idleTimeout: Duration = .seconds(60)
        /// How long a graceful shutdown waits for the requests in flight.
        public var shutdownTimeout: Duration = .seconds(30)
        /// The reward of a response that could not be judged.
        public var unjudgedReward = 0.0

        public init() {}
    }

    public var configuration: Configuration

    public init(_ configuration: Configuration) { self.configuration = configuration }

    /// Serves until a shutdown signal; `onListening` gets the bound address ("127.0.0.1:PORT") once the server
    /// accepts connections.
    public func run(onListening: @escaping @Sendable (String) -> Void) async throws {
        let pool = RecordPool(threads: configuration.jobs, budget: configuration.budget)
        defer { pool.close() }
        let metrics = ServiceMetrics()
        let routes = Routes(configuration: configuration, pool: pool, metrics: metrics)
        let router = Router()
        router.add(middleware: ErrorAndMetricsMiddleware(metrics: metrics))
        routes.register(on: router)

        var logger = Logger(label: "mathcheck.serve")
        logger.logLevel = .warning
        let app = Application(
            router: router,
            server: .http1(configuration: .init(idleTimeout: .init(configuration.idleTimeout))),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port)),
            onServerRunning: { channel in
                let address = channel.localAddress
                let host = address?.ipAddress ?? "?"
                onListening(address?.protocol == .inet6 ? "[\(host)]:\(address?.port ?? 0)" : "\(host):\(address?.port ?? 0)")
            },
            logger: logger
        )
        var groupConfiguration = ServiceGroupConfiguration(
            services: [app], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        groupConfiguration.maximumGracefulShutdownDuration = configuration.shutdownTimeout
        groupConfiguration.maximumCancellationDuration = .seconds(5)
        try await ServiceGroup(configuration: groupConfiguration).run()
    }
}

/// The handlers.
struct Routes: Sendable {
    let configuration: GradingService.Configuration
    let pool: RecordPool
    let metrics: ServiceMetrics

    /// Each endpoint's method.
    static let methods: [String: HTTPRequest.Method] = [
        "/healthz": .get, "/metrics": .get, "/get_reward": .post, "/v1/audit": .post, "/v1/check": .post,
    ]

    func register(on router: Router<BasicRequestContext>) {
        router.get("/healthz") { _, _ in
            Self.response(.ok, Array("{\"status\":\"ok\"}\n".utf8), type: "application/json")
        }
        router.get("/metrics") { _, _ in
            Self.response(.ok, metrics.emit(), type: "text/plain; version=0.0.4; charset=utf-8")
        }
        router.post("/get_reward") { request, _ in try await reward(request) }
        router.post("/v1/audit") { request, _ in try await records(request, .audit) }
        router.post("/v1/check") { request, _ in try await records(request, .check) }
    }

    private func reward(_ request: Request) async throws -> Response {
        let body = try await collect(request)
        let parsed = try RewardRequest(body: body, maxRecords: configuration.maxRecords)
        let chunks = await parsed.judge(pool: pool)
        metrics.judged(
            .getReward, verdicts: chunks.flatMap(\.verdicts),
            claims: chunks.reduce(into: ClaimTally()) { $0.add($1.tally) })
        return Self.response(
            .ok, RewardRequest.replyBody(chunks, unjudged: configuration.unjudgedReward), type: "application/json")
    }

    private func records(_ request: Request, _ operation: RecordOperation) async throws -> Response {
        let body = try await collect(request)
        let batch = try RecordBatch(body: body, maxRecords: configuration.maxRecords)
        let reply = try await operation.reply(batch, pool: pool)
        metrics.judged(operation == .audit ? .audit : .check, verdicts: reply.verdicts, claims: reply.tally)
        return Self.response(.ok, reply.body, type: reply.contentType)
    }

    /// The whole body, at most `maxBodyBytes`: a larger declared length is refused before anything is read, a
    /// body that grows past the limit as soon as it does.
    private func collect(_ request: Request) async throws -> [UInt8] {
        let limit = configuration.maxBodyBytes
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > limit {
            throw ServiceError(.bodyTooLarge, "the body is \(declared) bytes, over the limit of \(limit) (--max-body-bytes)")
        }
        do {
            var buffer = try await request.body.collect(upTo: limit)
            return buffer.readBytes(length: buffer.readableBytes) ?? []
        } catch is NIOTooManyBytesError {
            throw ServiceError(.bodyTooLarge, "the body is over the limit of \(limit) bytes (--max-body-bytes)")
        }
    }

    static func response(_ status: HTTPResponse.Status, _ bytes: [UInt8], type: String) -> Response {
        Response(
            status: status, headers: [.contentType: type],
            body: ResponseBody(byteBuffer: NIOCore.ByteBuffer(bytes: bytes)))
    }
}

/// Turns every refusal into the JSON error body (``ServiceError``, and the framework's own: 404, 405, …) and
/// counts every request and its duration.
struct ErrorAndMetricsMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext
    let metrics: ServiceMetrics

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let start = ContinuousClock.now
        let endpoint = ServiceMetrics.Endpoint(path: request.uri.path)
        metrics.started()
        var status = 500
        defer { metrics.answered(endpoint, status: status, after: ContinuousClock.now - start) }
        do {
            let response = try await next(request, context)
            status = response.status.code
            return response
        } catch let error as ServiceError {
            status = error.status.code
            return Routes.response(error.status, error.body, type: "application/json")
        } catch let error as HTTPError {
            var refusal: ServiceError
            var headers: HTTPFields = [.contentType: "application/json"]
            if error.status == .notFound, let allowed = Routes.methods[request.uri.path] {
                // The router knows paths by method: a known path asked with another method is a 405.
                refusal = ServiceError(
                    .methodNotAllowed, "\(request.uri.path) takes \(allowed.rawValue), not \(request.method.rawValue)")
                headers[.allow] = allowed.rawValue
            } else if error.status == .notFound {
                refusal = ServiceError(.notFound, "no such endpoint: \(request.method.rawValue) \(request.uri.path)")
            } else {
                let code: ServiceError.Code = error.status == .contentTooLarge ? .bodyTooLarge : .httpError
                refusal = ServiceError(code, error.body ?? error.status.reasonPhrase, status: error.status)
            }
            status = refusal.status.code
            return Response(
                status: refusal.status, headers: headers,
                body: ResponseBody(byteBuffer: NIOCore.ByteBuffer(bytes: refusal.body)))
        }
    }
}
