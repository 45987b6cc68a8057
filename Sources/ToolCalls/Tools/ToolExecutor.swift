public import JSON
public import Verifiers

/// Runs calculator tool calls: validates the arguments against the tool's schema, calls the verifier and shapes
/// the result as JSON. The same executor serves `mathcheck call`, the MCP server and training-data emitters, so a
/// tool result is byte-identical wherever it appears.
public struct ToolExecutor: Sendable {
    public var bounds: Bounds

    public init(bounds: Bounds = .standard) { self.bounds = bounds }

    /// Runs the tool named `name` with `arguments` (a JSON object).
    public func run(_ name: String, arguments: JSONValue) -> Result<JSONValue, ToolError> {
        guard let tool = CalculatorTool(rawValue: name) else {
            let known = CalculatorTool.allCases.map(\.name).joined(separator: ", ")
            return .failure(ToolError(code: "unknown_tool", message: "unknown tool '\(name)'; the tools are \(known)"))
        }
        do throws(ToolError) {
            return .success(try run(tool, arguments: arguments))
        } catch {
            return .failure(error)
        }
    }

    /// Runs `tool` with `arguments` (a JSON object).
    public func run(_ tool: CalculatorTool, arguments: JSONValue) throws(ToolError) -> JSONValue {
        let args = try Arguments(arguments, tool: tool)
        do throws(VerifierError) {
            switch tool {
            case .isPrime:
                let n = try args.integer("n")
                return Self.json(try PrimalityTester(bounds: bounds).verdict(for: n))
            case .factorize:
                let n = try args.integer("n")
                return Self.json(try Factorizer(bounds: bounds).factor(n))
            case .evaluate:
                let expression = try args.string("expression")
                let digits = try args.optionalInt("digits")
                let decimals = try args.optionalInt("decimals")
                if digits != nil && decimals != nil {
                    throw VerifierError(.invalidArgument, "give either digits or decimals, not both")
                }
                let unitText = try args.optionalString("angle_unit")
                guard let unit = unitText.map({ AngleUnit(rawValue: $0.lowercased()) }) ?? .radians else {
                    throw VerifierError(.invalidArgument, "angle_unit must be \"radians\" or \"degrees\"")
                }
                let precision: OutputPrecision = decimals.map { .decimalPlaces($0) } ?? .significantDigits(digits ?? 20)
                return Self.json(try Evaluator(bounds: bounds).evaluate(expression, precision: precision, angleUnit: unit))
            }
        } catch {
            throw ToolError(error)
        }
    }

    // MARK: - Result shapes

    /// `{"n":"34792834","is_prime":false,"certainty":"proven","evidence":{"factor":"2","cofactor":"17396417"}}`
    public static func json(_ verdict: PrimalityVerdict) -> JSONValue {
        let evidence: JSONValue
        switch verdict.evidence {
        case .belowTwo:
            evidence = ["reason": "integers below 2 are not prime"]
        case .factor(let factor, let cofactor):
            evidence = ["factor": .string(factor.description), "cofactor": .string(cofactor.description)]
        case .millerRabinWitness(let base):
            evidence = ["witness": .string(String(base)), "test": "miller_rabin"]
        case .lucasFailure:
            evidence = ["test": "lucas", "note": "passes base-2 Miller-Rabin but fails the Lucas test (Selfridge parameters)"]
        case .trialDivision:
            evidence = ["method": "trial_division"]
        case .bpswBelow2To64:
            evidence = ["method": "bpsw", "note": "BPSW has no counterexample below 2^64"]
        case .flintProof:
            evidence = ["method": "flint_fmpz_is_prime", "note": "Pocklington-Lehmer, Morrison or APR-CL proof"]
        case .bpswAndMillerRabin(let rounds):
            evidence = [
                "method": "bpsw+miller_rabin", "miller_rabin_rounds": .number(String(rounds)),
                "note": "too large to prove within the time bound",
            ]
        }
        return [
            "n": .string(verdict.n.description), "is_prime": .bool(verdict.isPrime),
            "certainty": .string(verdict.certainty.rawValue), "evidence": evidence,
        ]
    }

    /// `{"n":"583835","factors":[{"prime":"5","exponent":1},…],"complete":true}`
    public static func json(_ factorization: Factorization) -> JSONValue {
        let factors: [JSONValue] = factorization.factors.map { f in
            var members: [(String, JSONValue)] = [
                ("prime", .string(f.prime.description)), ("exponent", .number(String(f.exponent))),
            ]
            if f.certainty == .probable { members.append(("certainty", "probable")) }
            return .object(members)
        }
        var members: [(String, JSONValue)] = [
            ("n", .string(factorization.n.description)), ("factors", .array(factors)),
            ("complete", .bool(factorization.complete)),
        ]
        if let cofactor = factorization.cofactor {
            members.append(("cofactor", .string(cofactor.description)))
            members.append(("note", "the cofactor is composite but was too large to split within the bound"))
        }
        return .object(members)
    }

    /// `{"expression":"cos(3532)","value":"0.66009029799722633494","digits":20,"angle_unit":"radians"}`
    public static func json(_ evaluation: Evaluation) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("expression", .string(evaluation.expression)), ("value", .string(evaluation.value)),
        ]
        switch evaluation.precision {
        case .significantDigits(let n): members.append(("digits", .number(String(n))))
        case .decimalPlaces(let n): members.append(("decimals", .number(String(n))))
        }
        members.append(("angle_unit", .string(evaluation.angleUnit.rawValue)))
        if evaluation.exact { members.append(("exact", true)) }
        if let bound = evaluation.zeroBound {
            members.append(("note", .string("indistinguishable from 0: |value| < 1e\(bound)")))
        }
        return .object(members)
    }
}

/// A tool call's arguments, checked against the schema with messages that say how to fix the call.
struct Arguments {
    let members: [(String, JSONValue)]
    let tool: CalculatorTool

    init(_ value: JSONValue, tool: CalculatorTool) throws(ToolError) {
        guard case .object(let members) = value else {
            throw .invalidArguments("the arguments of \(tool.name) must be a JSON object, not \(value.typeName)")
        }
        let allowed = Set(tool.inputSchema["properties"]?.objectValue?.map(\.0) ?? [])
        for (key, _) in members where !allowed.contains(key) {
            throw .invalidArguments(
                "\(tool.name) has no argument '\(key)'; its arguments are \(allowed.sorted().joined(separator: ", "))")
        }
        self.members = members
        self.tool = tool
    }

    private func value(_ key: String) -> JSONValue? { members.first { $0.0 == key }?.1 }

    func integer(_ key: String) throws(VerifierError) -> BigInteger {
        guard let v = value(key) else { throw missing(key) }
        switch v {
        case .string(let text):
            return try BigInteger(parsing: text.trimmingSpaces)
        case .number(let text) where text.allSatisfy({ $0.isNumber || $0 == "-" }):
            // A JSON integer keeps its digits here (the parser keeps number text), so accept it.
            return try BigInteger(parsing: text)
        default:
            throw VerifierError(
                .invalidArgument, "\(key) must be an integer written as a string of digits, e.g. \"97\"; got \(v.typeName)")
        }
    }

    func string(_ key: String) throws(VerifierError) -> String {
        guard let v = value(key) else { throw missing(key) }
        guard case .string(let s) = v else {
            throw VerifierError(.invalidArgument, "\(key) must be a string; got \(v.typeName)")
        }
        return s
    }

    func optionalString(_ key: String) throws(VerifierError) -> String? {
        guard let v = value(key), v != .null else { return nil }
        return try string(key)
    }

    func optionalInt(_ key: String) throws(VerifierError) -> Int? {
        guard let v = value(key), v != .null else { return nil }
        guard case .number(let text) = v, let n = Int(text) else {
            throw VerifierError(.invalidArgument, "\(key) must be a whole number; got \(v.typeName)")
        }
        return n
    }

    private func missing(_ key: String) -> VerifierError {
        VerifierError(.invalidArgument, "\(tool.name) needs the argument '\(key)'")
    }
}

extension String {
    var trimmingSpaces: String {
        String(self.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
