import JSON
import Testing
@testable import ToolCalls
import Verifiers

@Suite("Calculator tools: results, errors and schemas")
struct ToolExecutorTests {
    let executor = ToolExecutor()

    func call(_ name: String, _ arguments: String) throws -> Result<String, ToolError> {
        executor.run(name, arguments: try JSONParser.parse(arguments)).map(\.serialized)
    }

    @Test("the forum's three questions, in the documented result shapes", arguments: [
        ("is_prime", #"{"n":"34792834"}"#,
         #"{"n":"34792834","is_prime":false,"certainty":"proven","evidence":{"factor":"2","cofactor":"17396417"}}"#),
        ("factorize", #"{"n":"583835"}"#,
         #"{"n":"583835","factors":[{"prime":"5","exponent":1},{"prime":"7","exponent":2},{"prime":"2383","exponent":1}],"complete":true}"#),
        ("evaluate", #"{"expression":"cos(3532)"}"#,
         #"{"expression":"cos(3532)","value":"0.66009029799722633494","digits":20,"angle_unit":"radians"}"#),
    ])
    func forum(name: String, arguments: String, expected: String) throws {
        #expect(try call(name, arguments).get() == expected)
    }

    @Test("evaluate honours decimals, digits and angle_unit")
    func evaluateOptions() throws {
        #expect(try call("evaluate", #"{"expression":"sin(-0.413)","decimals":1}"#).get()
            == #"{"expression":"sin(-0.413)","value":"-0.4","decimals":1,"angle_unit":"radians"}"#)
        #expect(try call("evaluate", #"{"expression":"sin(30)","angle_unit":"degrees","digits":3}"#).get()
            == #"{"expression":"sin(30)","value":"0.500","digits":3,"angle_unit":"degrees","exact":true}"#)
    }

    @Test("bad calls fail with a code and a message a model can act on", arguments: [
        ("is_prime", #"{}"#, "invalid_argument"), ("is_prime", #"{"n":"12a"}"#, "invalid_number"),
        ("is_prime", #"{"n":1.5}"#, "invalid_argument"), ("is_prime", #"{"n":"7","extra":1}"#, "invalid_arguments"),
        ("is_prime", #"[1]"#, "invalid_arguments"), ("factorize", #"{"n":"0"}"#, "domain"),
        ("evaluate", #"{"expression":"1/0"}"#, "domain"), ("evaluate", #"{"expression":"sin(1e100000)"}"#, "too_large"),
        ("evaluate", #"{"expression":"2^(2^64)"}"#, "too_large"), ("evaluate", #"{"expression":"sin("}"#, "invalid_expression"),
        ("evaluate", #"{"expression":"1","digits":2,"decimals":2}"#, "invalid_argument"),
        ("evaluate", #"{"expression":"1","angle_unit":"grad"}"#, "invalid_argument"),
        ("square_root", #"{}"#, "unknown_tool"),
    ])
    func failures(name: String, arguments: String, code: String) throws {
        switch try call(name, arguments) {
        case .success(let value): Issue.record("expected \(code), got \(value)")
        case .failure(let error):
            #expect(error.code == code)
            #expect(!error.message.isEmpty)
        }
    }

    @Test("integers sent as JSON numbers keep every digit")
    func integerNumbers() throws {
        #expect(try call("is_prime", #"{"n":170141183460469231731687303715884105727}"#).get().contains(#""is_prime":true"#))
    }

    @Test("definitions in each convention name every tool with its schema", arguments: ToolSchemaFormat.allCases)
    func schemas(format: ToolSchemaFormat) throws {
        let definitions = try #require(format.definitions().arrayValue)
        #expect(definitions.count == 3)
        for (definition, tool) in zip(definitions, CalculatorTool.allCases) {
            switch format {
            case .openai:
                #expect(definition["type"] == "function")
                #expect(definition["function"]?["name"] == .string(tool.name))
                #expect(definition["function"]?["parameters"] == tool.inputSchema)
            case .anthropic:
                #expect(definition["input_schema"] == tool.inputSchema)
            case .mcp:
                #expect(definition["inputSchema"] == tool.inputSchema)
            }
        }
    }
}
